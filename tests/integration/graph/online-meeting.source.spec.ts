/**
 * The online meeting behind a short join link, through the real Graph SDK and msal-node against the
 * loopback Entra ID and Graph stand-ins: the organizer in the path (UPN or object id), the link as
 * an OData string literal (a quote doubled), what is taken from Graph's onlineMeeting (id, the chat
 * as a Teams conversation id, the organizer's object id), and each failure as a Swedish explanation
 * that names what an administrator must do.
 */
import { createLogger } from '../../../bot/src/logger';
import { GraphClient } from '../../../bot/src/graph/graph-client';
import { GraphOnlineMeetingSource } from '../../../bot/src/graph/online-meeting.source';
import { MsalTokenProvider } from '../../../bot/src/graph/msal-token.provider';
import { graphScope } from '../../../bot/src/graph/msal-configuration';
import { OnlineMeetingUnavailable } from '../../../bot/src/core/online-meeting';
import { EntraTokenServer } from '../../support/entra-token.server';
import { GraphTestServer } from '../../support/graph.server';

const SANDRA = { id: 'c0000000-0000-4000-8000-000000000001', upn: 'sandra.johansson@regionblekinge.se' };
const MATS = { id: 'c0000000-0000-4000-8000-000000000002', upn: 'mats.wennstig@regionblekinge.se' };
const SHORT = 'https://teams.microsoft.com/meet/29145623457?p=Xk4tRq7mPz';
/** a link with a quote in it: the OData literal must double it */
const QUOTED = "https://teams.microsoft.com/meet/36218841092?p=it's";

describe('the online meeting of a join link, over loopback Entra ID and Graph', () => {
  const entra = new EntraTokenServer();
  const graph = new GraphTestServer();
  let source: GraphOnlineMeetingSource;

  beforeAll(async () => {
    await entra.start();
    await graph.start();
    graph.acceptsToken = (token) => entra.issued.has(token);
    const meetings = graph.artifacts.onlineMeetings;
    meetings.add({ organizerId: SANDRA.id, organizerUpn: SANDRA.upn, joinWebUrl: SHORT, chatInfo: { threadId: '19:meeting_c2hvcnQ@thread.v2', messageId: '0', replyChainMessageId: null } });
    meetings.add({ organizerId: SANDRA.id, organizerUpn: SANDRA.upn, joinWebUrl: QUOTED, chatInfo: { threadId: '19:samverkan@thread.tacv2', messageId: '1710230400000', replyChainMessageId: null } });
    meetings.add({ organizerId: MATS.id, organizerUpn: MATS.upn, joinWebUrl: 'https://teams.microsoft.com/meet/48120077314?p=Lsvo' });
    meetings.policy = new Set([SANDRA.id]);
    const tokens = new MsalTokenProvider(
      { clientId: entra.clientId, tenantId: entra.tenantId, authority: entra.url, clientSecret: entra.clientSecret, certificate: null },
      graphScope(graph.url), createLogger('silent'),
    );
    source = new GraphOnlineMeetingSource(new GraphClient({ baseUrl: graph.url, tokens, retryDelaySeconds: 0, maxRetries: 1 }));
  });
  afterAll(async () => {
    await graph.stop();
    await entra.stop();
  });

  const failure = async (promise: Promise<unknown>): Promise<OnlineMeetingUnavailable> => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(OnlineMeetingUnavailable);
    return error as OnlineMeetingUnavailable;
  };

  it('finds a meeting chat by the organizer’s UPN and the link, with one bearer-authorised GET', async () => {
    const before = graph.calls.length;
    expect(await source.byJoinUrl(SANDRA.upn, SHORT)).toEqual({ id: expect.any(String), chatId: '19:meeting_c2hvcnQ@thread.v2', organizerId: SANDRA.id });
    const [call, ...more] = graph.calls.slice(before);
    expect(more).toEqual([]);
    expect([call!.method, call!.path, call!.status]).toEqual(['GET', `/v1.0/users/${SANDRA.upn}/onlineMeetings`, 200]);
    expect(call!.query.get('$filter')).toBe(`JoinWebUrl eq '${SHORT}'`);
    expect(call!.authorization).toMatch(/^Bearer /);
  });

  it('doubles a quote in the link, and gives a channel meeting’s chat as its post’s thread', async () => {
    const before = graph.calls.length;
    expect(await source.byJoinUrl(SANDRA.id, QUOTED)).toMatchObject({ chatId: '19:samverkan@thread.tacv2;messageid=1710230400000', organizerId: SANDRA.id });
    expect(graph.calls[before]!.query.get('$filter')).toBe("JoinWebUrl eq 'https://teams.microsoft.com/meet/36218841092?p=it''s'");
  });

  it('403 without an application access policy for the organizer: names the permission and the policy', async () => {
    const error = await failure(source.byJoinUrl(MATS.upn, 'https://teams.microsoft.com/meet/48120077314?p=Lsvo'));
    expect(error.problem).toBe('forbidden');
    expect(error.detail).toMatchObject({ status: 403, code: 'Forbidden' });
    expect(error.userMessage).toMatch(/organisatör mats\.wennstig@regionblekinge\.se/);
    expect(error.userMessage).toMatch(/postas därför i gruppens kanal/);
    expect(error.userMessage).toMatch(/OnlineMeetings\.Read\.All.*New-CsApplicationAccessPolicy.*Grant-CsApplicationAccessPolicy/);
  });

  it('404 for an unknown organizer, and a link the organizer has no meeting for, are both not found', async () => {
    const unknown = await failure(source.byJoinUrl('per.lind@ronneby.se', SHORT));
    expect([unknown.problem, unknown.detail.status]).toEqual(['not-found', 404]);
    const other = await failure(source.byJoinUrl(SANDRA.upn, 'https://teams.microsoft.com/meet/99999999999?p=none'));
    expect(other.problem).toBe('not-found');
    expect(other.userMessage).toMatch(/hittar inget Teams-möte med den länken hos organisatören/);
  });

  it('a body that is not Graph’s collection is malformed, never a meeting', async () => {
    graph.fail(/onlineMeetings$/, { status: 200, body: { value: [{ joinWebUrl: SHORT }] } }, 1);
    expect((await failure(source.byJoinUrl(SANDRA.upn, SHORT))).problem).toBe('malformed');
  });
});
