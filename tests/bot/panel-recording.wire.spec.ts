/**
 * A whole meeting recorded from the meeting panel's API alone, over real HTTP with Entra ID sign-in:
 * the secretary moves through every paragraph and adds notes, decisions and actions with the panel's
 * forms (POST /api/meetings/{id}/next|notes|decisions|actions), and gets the chat commands' own
 * Swedish answers. A resent form (same requestId) records once. A member is refused with the chat's
 * "who may" answer and nothing is stored; a member of another group does not find the meeting; the
 * stand-in the secretary names may record. The protokoll after the meeting holds what was recorded.
 */
import { randomUUID } from 'node:crypto';
import { EntraTestServer } from '../support/entra.server';
import { describeEachStore } from '../support/stores';
import { useWire } from '../support/wire';
import { deliver } from '../support/teams-activities';
import { MEMBER, SECRETARY, startLiveMeeting, type LiveMeeting } from '../support/live-meeting';

const OUTSIDER = 'f0000000-0000-4000-8000-0000000000ee';

describeEachStore('recording a meeting from the panel', (store) => {
  const entra = new EntraTestServer();
  beforeAll(() => entra.start());
  afterAll(() => entra.stop());
  const wire = useWire(store, () => entra.env());
  let meeting: LiveMeeting;

  beforeAll(async () => {
    meeting = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:rec-team@thread.tacv2', teamName: 'Panelrådet', channelId: '19:rec@thread.tacv2' });
  });

  const post = async (oid: string, path: string, body: Record<string, unknown>) => {
    const res = await fetch(`${wire.app.url}/api/meetings/${meeting.meetingId}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${entra.token({ oid })}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const asSecretary = async (path: string, body: Record<string, unknown> = {}) => {
    const res = await post(SECRETARY.aadObjectId, path, { requestId: randomUUID(), ...body });
    expect(res.status).toBe(200);
    return res.body as { text: string; warning: string | null; duplicate: boolean };
  };
  const html = async () => {
    const res = await fetch(`${wire.app.url}/api/meetings/${meeting.meetingId}/protokoll.html`, { headers: { authorization: `Bearer ${entra.token({ oid: SECRETARY.aadObjectId })}` } });
    expect(res.status).toBe(200);
    return (await res.text()).replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
  };

  it('refuses a member with the chat\'s answer, and hides the meeting from another group\'s member; nothing is stored', async () => {
    const refused = await post(MEMBER.aadObjectId, 'notes', { requestId: randomUUID(), text: 'Ska inte sparas' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/^Bara gruppens sekreterare och ordförande \(Sandra Johansson \(sekreterare\), Mats Wennstig \(ordförande\)\) kan föra protokollet\. Inget har ändrats\./);
    const hidden = await post(OUTSIDER, 'notes', { requestId: randomUUID(), text: 'Ska inte heller sparas' });
    expect(hidden.status).toBe(404);
    const unsigned = await fetch(`${wire.app.url}/api/meetings/${meeting.meetingId}/next`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(await html()).not.toContain('sparas');
  });

  it('checks the form as the chat checks the command, in Swedish, and stores nothing', async () => {
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['notes', { requestId: randomUUID(), text: '   ' }, /Skriv anteckningen/],
      ['decisions', { requestId: randomUUID(), clause: '' }, /Skriv beslutssatsen/],
      ['actions', { requestId: randomUUID(), text: 'Ring', dueDate: '2030-02-30' }, /datum|Datum/],
      ['notes', { requestId: 'inte-ett-uuid', text: 'Text' }, /requestId/],
      ['notes', { requestId: randomUUID(), text: 'x'.repeat(10_001) }, /för många tecken/],
    ];
    for (const [path, body, message] of cases) {
      const res = await post(SECRETARY.aadObjectId, path, body);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('runs the meeting: every paragraph, notes, decisions and actions, with the chat\'s own answers', async () => {
    expect((await asSecretary('notes', { text: 'Dagordningen gicks igenom.' })).text).toBe('Anteckningen är sparad under punkt 1 Godkännande av dagordning.');
    expect((await asSecretary('decisions', { clause: 'att godkänna dagordningen' })).text).toBe('Beslut under punkt 1 Godkännande av dagordning: Panelrådet beslutar att godkänna dagordningen');
    expect((await asSecretary('next')).text).toMatch(/^Nu behandlas punkt 2 Föregående sammanträdesprotokoll \(från kl\. \d\d\.\d\d\)\.$/);
    expect((await asSecretary('decisions', { clause: 'lägga protokollet till handlingarna' })).text).toMatch(/beslutar att lägga protokollet till handlingarna$/);
    expect((await asSecretary('next')).text).toMatch(/^Nu behandlas punkt 3 Budget 2025/);
    expect((await asSecretary('notes', { text: 'Förvaltningen presenterade budgeten.\nFrågor besvarades.' })).text).toBe('Anteckningen är sparad under punkt 3 Budget 2025.');
    expect((await asSecretary('decisions', { clause: 'anta budgeten för 2025' })).text).toMatch(/Panelrådet beslutar att anta budgeten för 2025$/);
    expect((await asSecretary('actions', { text: 'Skicka budgeten till kommunerna', owner: 'Mats Wennstig', dueDate: '2030-03-01' })).text)
      .toBe('Åtgärd under punkt 3 Budget 2025: Skicka budgeten till kommunerna, ansvarig Mats Wennstig, senast 2030-03-01.');
    expect((await asSecretary('actions', { text: 'Boka lokal', owner: 'Okänd Person' })).text).toMatch(/Okänd Person finns inte i ledamotslistan och sparas som fritext/);
    expect((await asSecretary('next')).text).toMatch(/^Nu behandlas punkt 4 Övriga frågor/);
    expect((await asSecretary('next')).text).toMatch(/^Nu behandlas punkt 5 Nästa sammanträde/);
    const last = await post(SECRETARY.aadObjectId, 'next', { requestId: randomUUID() });
    expect(last.status).toBe(400);
    expect(last.body.error.message).toBe('Det här är sista punkten på dagordningen. Skriv `avsluta` när mötet är slut.');
  });

  it('records a resent form once: the same requestId answers that it is already saved', async () => {
    const requestId = randomUUID();
    const first = await post(SECRETARY.aadObjectId, 'notes', { requestId, text: 'Nästa möte hålls i maj.' });
    const again = await post(SECRETARY.aadObjectId, 'notes', { requestId, text: 'Nästa möte hålls i maj.' });
    expect(first.body).toMatchObject({ duplicate: false, text: 'Anteckningen är sparad under punkt 5 Nästa sammanträde.' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true });
    expect((await html()).split('Nästa möte hålls i maj.').length - 1).toBe(1);
  });

  it('lets the stand-in the secretary names record from the panel', async () => {
    await meeting.say('sekreterare Anna-Karin Åkesson');
    const res = await post(MEMBER.aadObjectId, 'notes', { requestId: randomUUID(), text: 'Antecknat av ersättaren.' });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe('Anteckningen är sparad under punkt 5 Nästa sammanträde.');
  });

  it('ends with a protokoll that holds everything recorded from the panel', async () => {
    const ended = await deliver(wire.app.url, meeting.channel.meetingEnded(new Date().toISOString()));
    expect(ended.status).toBeLessThan(300);
    const page = await html();
    for (const text of [
      'Dagordningen gicks igenom.', 'att godkänna dagordningen', 'att lägga protokollet till handlingarna', 'Förvaltningen presenterade budgeten.',
      'att anta budgeten för 2025', 'Nästa möte hålls i maj.', 'Antecknat av ersättaren.',
    ]) expect(page).toContain(text);
    const actions = await fetch(`${wire.app.url}/api/groups/${meeting.groupId}/actions?status=all`, { headers: { authorization: `Bearer ${entra.token({ oid: SECRETARY.aadObjectId })}` } });
    expect(((await actions.json()) as { actions: Array<{ text: string; owner: string | null; dueDate: string | null }> }).actions.map((a) => [a.text, a.owner, a.dueDate]).sort()).toEqual([
      ['Boka lokal', 'Okänd Person', null],
      ['Skicka budgeten till kommunerna', 'Mats Wennstig', '2030-03-01'],
    ]);
  });
});
