/**
 * The real Graph SDK and msal-node against the loopback Entra ID and Graph stand-ins, over HTTP:
 * sign-in with a secret and with a certificate, paging, throttling with Retry-After, outages,
 * 401/403 explained in Swedish, and malformed answers refused.
 */
import fs from 'node:fs';
import { createLogger } from '../../../bot/src/logger';
import { CalendarUnavailable, type CalendarRef } from '../../../bot/src/core/calendar';
import { GraphClient } from '../../../bot/src/graph/graph-client';
import { GraphCalendarSource } from '../../../bot/src/graph/graph-calendar.source';
import { MsalTokenProvider } from '../../../bot/src/graph/msal-token.provider';
import { certificateFromPem, graphScope } from '../../../bot/src/graph/msal-configuration';
import { EntraTokenServer } from '../../support/entra-token.server';
import { graphFixture, GraphTestServer } from '../../support/graph.server';
import { makeTestCertificate } from '../../support/test-certificate';

const SANDRA: CalendarRef = { kind: 'user', id: 'sandra.johansson@regionblekinge.se' };
const FROM = '2024-03-10T00:00:00.000Z';
const TO = '2024-03-24T00:00:00.000Z';
const logger = createLogger('silent');

describe('Graph calendar source over loopback Entra ID and Graph', () => {
  const entra = new EntraTokenServer();
  const graph = new GraphTestServer();
  const events = [...graphFixture('calendarview-page1.json').value, ...graphFixture('calendarview-page2.json').value];

  beforeAll(async () => {
    await entra.start();
    await graph.start();
    graph.acceptsToken = (token) => entra.issued.has(token);
    graph.setCalendar('users', SANDRA.id, events);
  });
  afterAll(async () => {
    await graph.stop();
    await entra.stop();
  });
  afterEach(() => graph.clearFaults());

  const source = (secret = entra.clientSecret, certificate: ReturnType<typeof certificateFromPem> | null = null) => {
    const tokens = new MsalTokenProvider(
      { clientId: entra.clientId, tenantId: entra.tenantId, authority: entra.url, clientSecret: certificate ? null : secret, certificate },
      graphScope(graph.url),
      logger,
    );
    return new GraphCalendarSource(new GraphClient({ baseUrl: graph.url, tokens, retryDelaySeconds: 0, maxRetries: 2 }));
  };
  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarUnavailable);
    return error as CalendarUnavailable;
  };

  it('signs in with the secret once, follows @odata.nextLink, and maps every event', async () => {
    const calendar = source();
    const before = { tokens: entra.tokenRequests.length, calls: graph.calls.length };
    const found = await calendar.events(SANDRA, FROM, TO);
    await calendar.events(SANDRA, FROM, TO);
    expect(entra.tokenRequests.length - before.tokens).toBe(1); // MSAL's cache serves the second run
    const calls = graph.calls.slice(before.calls);
    expect(calls).toHaveLength(4); // two pages, twice
    expect(calls.every((c) => c.status === 200 && entra.issued.has(c.authorization!.slice('Bearer '.length)))).toBe(true);
    expect(calls[1]!.query.get('$skip')).toBe('2');
    expect(calls[0]!.prefer).toContain('outlook.timezone="UTC"');
    expect(found.map((e) => [e.subject, e.startsAt, e.isCancelled, e.joinUrl !== null])).toEqual([
      ['Inställt: Samverkansgrupp att åldras – extra möte', '2024-03-11T08:00:00.000Z', true, true],
      ['Planering med kansliet (på plats)', '2024-03-11T12:00:00.000Z', false, false],
      ['Samverkansgrupp att åldras – sammanträde', '2024-03-12T08:00:00.000Z', false, true],
    ]);
    expect(found[2]!.attendees.map((a) => [a.name, a.response, a.type])).toContainEqual(['Anna-Karin Åkesson', 'declined', 'required']);
    expect(found[2]!.body.content).toContain('Budget 2025 (B)');
  });

  it('signs in with a certificate (a client assertion the stand-in verifies with the public key)', async () => {
    const made = makeTestCertificate();
    try {
      entra.certificatePem = made.certificatePem;
      const before = entra.tokenRequests.length;
      const found = await source(undefined, certificateFromPem(fs.readFileSync(made.pemPath, 'utf8'))).events(SANDRA, FROM, TO).catch((e) => {
        throw new Error(`${e.message}: ${entra.refusals.at(-1)}`);
      });
      expect(found).toHaveLength(3);
      const form = entra.tokenRequests[before]!.form;
      expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      expect(form.get('client_secret')).toBeNull();
    } finally {
      fs.rmSync(made.directory, { recursive: true, force: true });
    }
  });

  it('waits as long as Retry-After says on 429, then succeeds', async () => {
    graph.fail(/calendarView$/, { status: 429, headers: { 'Retry-After': '1' }, body: graphFixture('error-429-too-many-requests.json') }, 1);
    const before = graph.calls.length;
    expect(await source().events(SANDRA, FROM, TO)).toHaveLength(3);
    const [throttled, retried] = graph.calls.slice(before);
    expect([throttled!.status, retried!.status, retried!.retryAttempt]).toEqual([429, 200, '1']);
    expect(retried!.at - throttled!.at).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    [503, 'unavailable', /svarar inte just nu/],
    [504, 'unavailable', /svarar inte just nu/],
    [429, 'throttled', /begränsar just nu antalet anrop/],
  ])('gives up on a lasting %i after the retries, with a Swedish explanation', async (status, problem, text) => {
    graph.fail(/calendarView$/, { status, headers: { 'Retry-After': '0' }, body: { error: { code: 'ServiceUnavailable', message: 'Service Unavailable' } } });
    const before = graph.calls.length;
    const error = await failure(source().events(SANDRA, FROM, TO));
    expect([error.problem, error.userMessage]).toEqual([problem, expect.stringMatching(text)]);
    expect(graph.calls.length - before).toBe(3); // the first try and two retries
  });

  it('explains a 403 without the permission: Calendars.Read and admin consent', async () => {
    graph.fail(/calendarView$/, { status: 403, body: graphFixture('error-403-access-denied.json') });
    const error = await failure(source().events(SANDRA, FROM, TO));
    expect(error.problem).toBe('forbidden');
    expect(error.userMessage).toMatch(/programbehörigheten Calendars\.Read.*administratörsmedgivande/);
    expect(error.detail).toMatchObject({ status: 403, code: 'ErrorAccessDenied' });
  });

  it('explains a 403 from an Exchange application access policy', async () => {
    graph.fail(/calendarView$/, { status: 403, body: graphFixture('error-403-application-access-policy.json') });
    const error = await failure(source().events(SANDRA, FROM, TO));
    expect(error.userMessage).toMatch(/har behörigheten Calendars\.Read men får ändå inte läsa kalendern för sandra\.johansson@regionblekinge\.se.*New-ApplicationAccessPolicy/);
  });

  it('explains a wrong client secret (Entra ID refuses the sign-in) without calling Graph', async () => {
    const before = graph.calls.length;
    const error = await failure(source('fel-hemlighet').events(SANDRA, FROM, TO));
    expect([error.problem, error.userMessage]).toEqual(['unauthorized', expect.stringMatching(/klienthemlighet eller certifikat \(ENTRA_CLIENT_SECRET/)]);
    expect(graph.calls.length).toBe(before);
  });

  it('explains a token Graph does not accept (401)', async () => {
    graph.fail(/calendarView$/, { status: 401, body: graphFixture('error-401-invalid-token.json') });
    expect((await failure(source().events(SANDRA, FROM, TO))).problem).toBe('unauthorized');
  });

  it('says a calendar that does not exist is not found', async () => {
    const error = await failure(source().events({ kind: 'group', id: '02bd9fd6-8f93-4758-87c3-1fb73740a315' }, FROM, TO));
    expect([error.problem, error.userMessage]).toEqual(['not-found', expect.stringMatching(/hittar inte Microsoft 365-gruppens kalender/)]);
  });

  it.each([
    ['a body that is not JSON', { status: 200, body: '{"value": [', contentType: 'application/json' }],
    ['a body without "value"', { status: 200, body: { items: [] } }],
    ['an event without start', { status: 200, body: { value: [{ id: 'x', end: { dateTime: '2024-03-12T10:00:00', timeZone: 'UTC' } }] } }],
    ['a nextLink to another host', { status: 200, body: { value: [], '@odata.nextLink': 'https://evil.example/v1.0/users/x/calendarView' } }],
    ['an HTML error page', { status: 200, body: '<html>Bad gateway</html>', contentType: 'text/html' }],
  ])('refuses %s as malformed', async (_name, fault) => {
    graph.fail(/calendarView$/, fault as never, 1);
    const error = await failure(source().events(SANDRA, FROM, TO));
    expect([error.problem, error.userMessage]).toEqual(['malformed', expect.stringMatching(/inte kunde tolka/)]);
  });
});
