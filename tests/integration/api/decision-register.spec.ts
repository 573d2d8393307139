/**
 * The decision register over real HTTP (INTERFACES.md): decisions recorded with chat commands over
 * /api/messages, then searched as the tab searches them with an Entra ID token. Checks Swedish
 * stemming and word beginnings, matches in paragraph titles, the order (newest meeting first, the
 * protokoll's order within one), keyset paging, the status, and that one group's decisions never
 * reach a member of another group.
 */
import type { DecisionRegisterEntry, DecisionRegisterPage } from '../../../bot/src/core/use-cases/decision-register';
import { repositoriesFor } from '../../../bot/src/store/unit-of-work';
import { EntraTestServer } from '../../support/entra.server';
import { describeEachStore } from '../../support/stores';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';
import { useWire } from '../../support/wire';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'd1000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'd1000000-0000-4000-8000-000000000002' };
const karin: Person = { id: '29:karin', name: 'Karin Berg', aadObjectId: 'd1000000-0000-4000-8000-000000000003' };
const olof: Person = { id: '29:olof', name: 'Olof Ek', aadObjectId: 'd1000000-0000-4000-8000-000000000004' };

const march = (minutes: number) => new Date(Date.parse('2024-03-14T08:00:00.000Z') + minutes * 60_000).toISOString();
const may = (minutes: number) => new Date(Date.parse('2024-05-16T08:00:00.000Z') + minutes * 60_000).toISOString();

describeEachStore('the decision register', (store) => {
  const entra = new EntraTestServer();
  beforeAll(() => entra.start());
  afterAll(() => entra.stop());
  const wire = useWire(store);
  let budget: TeamsChannel;
  let care: TeamsChannel;
  let budgetGroupId: string;
  let careGroupId: string;
  let marchMeetingId: string;

  const send = async (activity: unknown) => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, activity);
    expect(res.status).toBeLessThan(300);
    return wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
  };
  const clauses = (entries: DecisionRegisterEntry[]) => entries.map((e) => e.clause);

  beforeAll(async () => {
    budget = new TeamsChannel({ teamId: '19:budget-team@thread.tacv2', teamName: 'Budgetgruppen', channelId: '19:budget@thread.tacv2' }, wire.connector.url);
    care = new TeamsChannel({ teamId: '19:vard-team@thread.tacv2', teamName: 'Vårdgruppen', channelId: '19:vard@thread.tacv2' }, wire.connector.url);

    await send(budget.install(march(-60)));
    await send(budget.message(sandra, [
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
      'Karin Berg; verksamhetschef; Ronneby kommun; ledamot',
      'Sandra Johansson; processledare; Region Blekinge; sekreterare',
    ].join('\n'), march(-50)));
    await send(budget.message(sandra, 'ny punkt Arbetsordning för gruppen', march(-40)));
    await send(budget.message(sandra, 'ny punkt Budget 2025', march(-39)));
    await send(budget.participants('join', [mats, karin, sandra], march(-1)));
    await send(budget.meetingStarted(march(0)));
    expect(await send(budget.message(sandra, 'punkt 3', march(1)))).toMatch(/Arbetsordning/);
    await send(budget.message(sandra, 'beslut anta arbetsordningen för 2024', march(2)));
    await send(budget.message(sandra, 'beslut ge sekreteraren i uppdrag att publicera den', march(2)));
    expect(await send(budget.message(sandra, 'punkt 4', march(3)))).toMatch(/Budget 2025/);
    await send(budget.message(sandra, 'beslut fastställa ramarna för förvaltningen', march(4)));
    expect(await send(budget.message(sandra, 'avsluta', march(30)))).toMatch(/avslut/i);

    // the next meeting: the register lists it first
    await send(budget.message(sandra, 'ny punkt Översyn av arbetsordningen', may(-30)));
    await send(budget.participants('join', [mats, karin, sandra], may(-1)));
    // another Teams meeting of the same channel
    await send(budget.meetingEvent('application/vnd.microsoft.meetingStart', {
      Id: 'MCMxOTptYXk', MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/y', Title: 'Sammanträde', StartTime: may(0),
    }, may(0), 'MCMxOTptYXk'));
    expect(await send(budget.message(sandra, 'punkt 3', may(1)))).toMatch(/Översyn av arbetsordningen/);
    await send(budget.message(sandra, 'beslut revidera arbetsordningar vart tredje år', may(2)));
    await send(budget.message(sandra, 'beslut ge sekreteraren i uppdrag att kalla till nästa möte', may(3)));
    await send(budget.message(sandra, 'avsluta', may(30)));

    await send(care.install(march(-60)));
    await send(care.message(olof, [
      'ledamöter',
      'Olof Ek; verksamhetschef; Karlshamns kommun; sekreterare',
    ].join('\n'), march(-50)));
    await send(care.message(olof, 'ny punkt Arbetsordning', march(-40)));
    await send(care.participants('join', [olof], march(-1)));
    await send(care.meetingStarted(march(0)));
    expect(await send(care.message(olof, 'punkt 3', march(1)))).toMatch(/Arbetsordning/);
    await send(care.message(olof, 'beslut anta vårdgruppens arbetsordning', march(2)));
    await send(care.message(olof, 'avsluta', march(30)));

    const repos = repositoriesFor(store().db);
    const groups = await repos.groups.listAll();
    budgetGroupId = groups.find((g) => g.name === 'Budgetgruppen')!.id;
    careGroupId = groups.find((g) => g.name === 'Vårdgruppen')!.id;
    const meetings = await repos.meetings.list(budgetGroupId);
    marchMeetingId = meetings.find((m) => (m.startedAt ?? '').startsWith('2024-03-14'))!.id;
    // Confirmed identities, as `bekräfta` (or Teams' e-mail for a sender) ties them: the roster entry knows its Entra id.
    for (const [groupId, person] of [[budgetGroupId, mats], [budgetGroupId, karin], [budgetGroupId, sandra], [careGroupId, olof]] as const) {
      const entry = (await repos.roster.list(groupId)).find((m) => m.name === person.name)!;
      await repos.roster.rememberIdentity(groupId, entry.id, { aadObjectId: person.aadObjectId!, teamsUserId: person.id });
    }
  });

  // The wire's server answers chat without Entra ID; the register is asked with tokens of a second
  // server on the same store, configured for Entra ID as in production.
  describe('with Entra ID', () => {
    const tokens = useWire(store, () => entra.env());
    const asked = async (path: string, who: Person) => {
      const res = await fetch(`${tokens.app.url}${path}`, { headers: { authorization: `Bearer ${entra.token({ oid: who.aadObjectId! })}` } });
      return { status: res.status, body: await res.json() };
    };

    it('finds every form of a word (Swedish stemming), newest meeting first, in the protokoll’s order within a meeting', async () => {
      const res = await asked(`/api/groups/${budgetGroupId}/decisions?q=arbetsordning`, karin);
      expect(res.status).toBe(200);
      const found = res.body as DecisionRegisterPage;
      expect(clauses(found.decisions)).toEqual([
        'att revidera arbetsordningar vart tredje år',
        // found by its paragraph's title, "Översyn av arbetsordningen"
        'att ge sekreteraren i uppdrag att kalla till nästa möte',
        'att anta arbetsordningen för 2024',
        // found by its paragraph's title, "Arbetsordning för gruppen"
        'att ge sekreteraren i uppdrag att publicera den',
      ]);
      expect(found.total).toBe(4);
      expect(found.nextCursor).toBeNull();
      expect(found.decisions.map((d) => d.meetingDate)).toEqual(['2024-05-16', '2024-05-16', '2024-03-14', '2024-03-14']);
      const [, , adopted, published] = found.decisions;
      expect(adopted).toMatchObject({
        groupName: 'Budgetgruppen', meetingId: marchMeetingId, status: 'utkast', paragraph: 'punkt 3', paragraphNumber: 3,
        paragraphTitle: 'Arbetsordning för gruppen', anchor: 'p-3', link: `/api/meetings/${marchMeetingId}/protokoll.html#p-3`,
      });
      expect(adopted!.clauseParts).toEqual([
        { text: 'att ', match: false }, { text: 'anta ', match: false }, { text: 'arbetsordningen', match: true }, { text: ' för 2024', match: false },
      ]);
      expect(published!.clauseParts.some((p) => p.match)).toBe(false);
      expect(published!.paragraphTitleParts).toEqual([{ text: 'Arbetsordning', match: true }, { text: ' för gruppen', match: false }]);
    });

    it('finds a word by its beginning, as it is being typed, and several words together', async () => {
      expect(clauses((await asked(`/api/groups/${budgetGroupId}/decisions?q=ramar`, mats)).body.decisions)).toEqual(['att fastställa ramarna för förvaltningen']);
      expect(clauses((await asked(`/api/groups/${budgetGroupId}/decisions?q=${encodeURIComponent('budget förvaltn')}`, mats)).body.decisions))
        .toEqual(['att fastställa ramarna för förvaltningen']);
      expect((await asked(`/api/groups/${budgetGroupId}/decisions?q=${encodeURIComponent('budget revidera')}`, mats)).body).toMatchObject({ decisions: [], total: 0 });
    });

    it('lists every decision without a search, and pages through them with the cursor in the same order', async () => {
      const all = (await asked(`/api/groups/${budgetGroupId}/decisions`, karin)).body as DecisionRegisterPage;
      expect(clauses(all.decisions)).toEqual([
        'att revidera arbetsordningar vart tredje år',
        'att ge sekreteraren i uppdrag att kalla till nästa möte',
        'att anta arbetsordningen för 2024',
        'att ge sekreteraren i uppdrag att publicera den',
        'att fastställa ramarna för förvaltningen',
      ]);
      expect(all.decisions.every((d) => d.clauseParts.every((p) => !p.match))).toBe(true);
      const walked: string[] = [];
      let cursor: string | null = '';
      let first = true;
      while (cursor !== null) {
        const next = (await asked(`/api/groups/${budgetGroupId}/decisions?limit=1${cursor ? `&cursor=${cursor}` : ''}`, karin)).body as DecisionRegisterPage;
        expect(next.decisions).toHaveLength(1);
        expect(next.total).toBe(first ? 5 : null);
        first = false;
        walked.push(...clauses(next.decisions));
        cursor = next.nextCursor;
      }
      expect(walked).toEqual(clauses(all.decisions));
    });

    it('ranks by relevance on request: a clause that says the word before one whose title alone does, then by date, paged the same', async () => {
      const ranked = (await asked(`/api/groups/${budgetGroupId}/decisions?q=arbetsordning&sort=relevans`, karin)).body as DecisionRegisterPage;
      const best = [
        'att revidera arbetsordningar vart tredje år',
        'att anta arbetsordningen för 2024',
        'att ge sekreteraren i uppdrag att kalla till nästa möte',
        'att ge sekreteraren i uppdrag att publicera den',
      ];
      expect(clauses(ranked.decisions)).toEqual(best);
      const walked: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const next = (await asked(`/api/groups/${budgetGroupId}/decisions?q=arbetsordning&sort=relevans&limit=1${cursor ? `&cursor=${cursor}` : ''}`, karin)).body as DecisionRegisterPage;
        walked.push(...clauses(next.decisions));
        cursor = next.nextCursor;
      }
      expect(walked).toEqual(best);
      // a cursor of one order does not page the other
      const byDate = (await asked(`/api/groups/${budgetGroupId}/decisions?q=arbetsordning&limit=1`, karin)).body as DecisionRegisterPage;
      expect((await asked(`/api/groups/${budgetGroupId}/decisions?q=arbetsordning&sort=relevans&cursor=${byDate.nextCursor}`, karin)).status).toBe(400);
    });

    it('never shows another group’s decisions: not in the search across groups, and its register is not found', async () => {
      const mine = (await asked('/api/decisions?q=arbetsordning', karin)).body as DecisionRegisterPage;
      expect(mine.decisions.map((d) => d.groupName)).toEqual(['Budgetgruppen', 'Budgetgruppen', 'Budgetgruppen', 'Budgetgruppen']);
      expect(clauses(mine.decisions)).not.toContain('att anta vårdgruppens arbetsordning');
      const theirs = (await asked('/api/decisions?q=arbetsordning', olof)).body as DecisionRegisterPage;
      expect(clauses(theirs.decisions)).toEqual(['att anta vårdgruppens arbetsordning']);
      const refused = await asked(`/api/groups/${careGroupId}/decisions?q=arbetsordning`, karin);
      expect(refused.status).toBe(404);
      expect(JSON.stringify(refused.body)).not.toMatch(/vårdgruppens/);
    });

    it('shows a decision justerat once its protokoll is', async () => {
      const repos = repositoriesFor(store().db);
      await repos.meetings.update(budgetGroupId, marchMeetingId, { status: 'justerat' });
      try {
        const found = (await asked(`/api/groups/${budgetGroupId}/decisions?q=ramarna`, karin)).body as DecisionRegisterPage;
        expect(found.decisions.map((d) => d.status)).toEqual(['justerat']);
      } finally {
        await repos.meetings.update(budgetGroupId, marchMeetingId, { status: 'justering' });
      }
    });

    it.each([
      ['limit=0', 'limit ska vara ett heltal mellan 1 och 200.'],
      ['limit=abc', 'limit ska vara ett heltal mellan 1 och 200.'],
      ['cursor=inte-en-markor', 'Sidmarkören (cursor) gäller inte. Börja om från första sidan.'],
      [`cursor=${Buffer.from('["x"]').toString('base64url')}`, 'Sidmarkören (cursor) gäller inte. Börja om från första sidan.'],
      [`q=${encodeURIComponent('!!! ???')}`, 'Skriv minst ett ord att söka efter (bokstäver eller siffror).'],
      [`q=${'a'.repeat(201)}`, 'Sökningen är för lång: högst 200 tecken.'],
      ['q=a&q=b', 'Sökningen ska vara text.'],
      ['q=budget&sort=bäst', 'sort ska vara datum eller relevans.'],
    ])('answers %s with 400 and a Swedish message', async (query, message) => {
      const res = await asked(`/api/groups/${budgetGroupId}/decisions?${query}`, karin);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code: 'invalid-input', message } });
    });

    it('counts up to 200 matches and then says there are more, without reading them all', async () => {
      const repos = repositoriesFor(store().db);
      // under § 4 Budget 2025, whose title no other search here matches
      const decided = (await repos.records.decisions(marchMeetingId)).find((d) => d.clause.includes('ramarna'));
      for (let i = 0; i < 205; i++) {
        await repos.records.addDecision(marchMeetingId, { itemId: decided!.itemId, clause: `anta budgetramen för enhet ${i}`, quorate: true, createdAt: march(5) });
      }
      const many = (await asked(`/api/groups/${budgetGroupId}/decisions?q=budgetramen`, karin)).body as DecisionRegisterPage;
      expect(many).toMatchObject({ total: 200, totalAtLeast: true });
      expect(many.decisions).toHaveLength(50);
      const few = (await asked(`/api/groups/${budgetGroupId}/decisions?q=revidera`, karin)).body as DecisionRegisterPage;
      expect(few).toMatchObject({ total: 1, totalAtLeast: false });
    });

    it('finds a decision by its paragraph as it is now: renamed, moved under another, or its clause rewritten', async () => {
      const repos = repositoriesFor(store().db);
      let careMeeting = null;
      let decision = null;
      for (const meeting of await repos.meetings.list(careGroupId)) {
        const [recorded] = await repos.records.decisions(meeting.id);
        if (recorded) [careMeeting, decision] = [meeting, recorded];
      }
      if (!careMeeting || !decision) throw new Error('the care group has no decision');
      const items = await repos.agenda.list(careMeeting.id);
      const own = items.find((i) => i.id === decision.itemId)!;
      const other = items.find((i) => i.parentId === null && i.id !== own.id)!;
      const found = async (q: string) => {
        const page = (await asked(`/api/groups/${careGroupId}/decisions?q=${encodeURIComponent(q)}`, olof)).body as DecisionRegisterPage;
        return { q, total: page.total, ids: page.decisions.map((d) => d.id) };
      };
      const one = (q: string) => ({ q, total: 1, ids: [decision.id] });
      const none = (q: string) => ({ q, total: 0, ids: [] });

      expect(await found('samverkansavtal')).toEqual(none('samverkansavtal'));
      await repos.agenda.update(careMeeting.id, own.id, { title: 'Samverkansavtal för vården' });
      expect(await found('samverkansavtal')).toEqual(one('samverkansavtal'));
      // a sub-point is found by its main paragraph's title too, whichever paragraph that is now
      await repos.agenda.update(careMeeting.id, other.id, { title: 'Kvalitetsregister' });
      expect(await found('kvalitetsregister')).toEqual(none('kvalitetsregister'));
      await repos.agenda.update(careMeeting.id, own.id, { parentId: other.id });
      expect(await found('kvalitetsregister samverkansavtal')).toEqual(one('kvalitetsregister samverkansavtal'));
      await repos.agenda.update(careMeeting.id, other.id, { title: 'Läkemedelsgenomgångar' });
      expect(await found('läkemedelsgenomgång')).toEqual(one('läkemedelsgenomgång'));
      expect(await found('kvalitetsregister')).toEqual(none('kvalitetsregister'));
      await repos.records.setDecisionClause(careMeeting.id, decision.id, 'anta riktlinjerna för samverkan');
      expect(await found('riktlinjer')).toEqual(one('riktlinjer'));
      expect(await found('vårdgruppens')).toEqual(none('vårdgruppens'));

      // as it was, for the search across groups below
      await repos.agenda.update(careMeeting.id, own.id, { parentId: null, title: own.title });
      await repos.agenda.update(careMeeting.id, other.id, { title: other.title });
      await repos.records.setDecisionClause(careMeeting.id, decision.id, decision.clause);
      expect(await found('vårdgruppens')).toEqual(one('vårdgruppens'));
      expect(await found('samverkansavtal')).toEqual(none('samverkansavtal'));
    });

    it('reads words, not query syntax: quotes, operators and SQL find nothing odd and break nothing', async () => {
      for (const q of ["arbetsordning' or 1=1 --", 'arbetsordning & !budget', 'arbetsordning:* | ramar', '"arbetsordningen"']) {
        const res = await asked(`/api/groups/${budgetGroupId}/decisions?q=${encodeURIComponent(q)}`, karin);
        expect({ q, status: res.status }).toEqual({ q, status: 200 });
        for (const d of (res.body as DecisionRegisterPage).decisions) expect(d.groupName).toBe('Budgetgruppen');
      }
    });
  });

  it('answers without a token only when no Entra ID is configured (development), and then sees every group', async () => {
    const res = await fetch(`${wire.app.url}/api/decisions?q=arbetsordning`);
    expect(res.status).toBe(200);
    const found = (await res.json()) as DecisionRegisterPage;
    expect(new Set(found.decisions.map((d) => d.groupName))).toEqual(new Set(['Budgetgruppen', 'Vårdgruppen']));
  });
});
