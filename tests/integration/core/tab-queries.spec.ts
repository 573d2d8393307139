/**
 * What the channel tab reads and changes, on a real store: who sees which group (roster, team,
 * development user), the action and meeting lists, and the rules for marking an action done: only
 * its owner, the secretary or the chair, by confirmed identity, and each list row says whether this
 * viewer may (`canChange`).
 */
import { randomUUID } from 'node:crypto';
import type { KyselyPlugin } from 'kysely';
import type { GroupSettings } from '../../../bot/src/core/ports';
import {
  authorisedGroup, authorisedMeetingGroup, changeActionStatus, listMeetings, visibleGroups, type Viewer,
} from '../../../bot/src/core/use-cases/tab-queries';
import { listActions as listActionPage } from '../../../bot/src/core/use-cases/action-list';
import type { ActionStatusFilter, Repositories } from '../../../bot/src/core/ports';
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { addAction } from '../../../bot/src/core/use-cases/record-action';
import { DatabaseUnitOfWork } from '../../../bot/src/store/unit-of-work';
import { at, describeUseCase, expectDomainError, type GroupFixture, type PersonKey } from '../../support/use-case-fixture';

const NO_GROUP = 'Gruppen finns inte, eller så är du inte med i den.';
const MAY_CHANGE = 'Bara den ansvariga, sekreteraren och ordföranden kan markera åtgärden klar.';

/** The first page's actions (every test group here has fewer than one page). */
const listActions = async (repos: Repositories, viewer: Viewer, groupId: string, status: ActionStatusFilter, today: string) =>
  (await listActionPage(repos, viewer, groupId, { status }, today)).actions;

describeUseCase('tab queries', (fx) => {
  /** A group whose roster has the viewer (a fresh Entra id), with a meeting held on 2024-02-16 and two actions. */
  async function groupWithActions(settings: GroupSettings = {}) {
    const g = await fx.group(settings);
    const viewer: Viewer = { aadObjectId: randomUUID(), developmentUser: false };
    await fx.repos.roster.upsert(g.group.id, [{ name: 'Lisa Berg', title: 'utvecklingsledare', principal: 'Region Blekinge', roles: ['tjänsteperson'], aadObjectId: viewer.aadObjectId }]);
    // the secretary, by confirmed identity: she may mark any of the group's actions done
    const secretary: Viewer = { aadObjectId: randomUUID(), developmentUser: false };
    await fx.repos.roster.rememberIdentity(g.group.id, g.members.sandra.id, { aadObjectId: secretary.aadObjectId, teamsUserId: null });
    const meeting = await fx.runningMeeting(g, { items: [['Vårdplatsflöde', null, ['Läkemedel']]] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    await fx.run((repos) => addAction(repos, g.ctx(6), { text: 'Skicka ut planen', owner: 'Mats', dueDate: '2024-02-20' }));
    await fx.run((repos) => goToItem(repos, g.ctx(7), 3, 0));
    await fx.run((repos) => addAction(repos, g.ctx(8), { text: 'Boka lokal', owner: null, dueDate: '2024-03-20' }));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    const [later, earlier] = await fx.repos.actions.listForGroup(g.group.id, 'all');
    return { g, viewer, secretary, meeting, skicka: earlier!, boka: later! };
  }

  it('a member sees only the groups whose roster has them; another group is "not found"', async () => {
    const { g, viewer } = await groupWithActions();
    const other = await fx.group();
    expect((await fx.run((repos) => visibleGroups(repos, viewer))).map((x) => x.id)).toEqual([g.group.id]);
    expect((await fx.run((repos) => authorisedGroup(repos, viewer, g.group.id))).id).toBe(g.group.id);
    await expectDomainError(fx.run((repos) => authorisedGroup(repos, viewer, other.group.id)), 'not-found', NO_GROUP);
    await expectDomainError(fx.run((repos) => listActions(repos, viewer, other.group.id, 'all', '2024-02-25')), 'not-found', NO_GROUP);
    await expectDomainError(fx.run((repos) => listMeetings(repos, viewer, randomUUID())), 'not-found', NO_GROUP);
  });

  it('team membership adds groups (sorted by name); a development user sees every group', async () => {
    const { g, viewer } = await groupWithActions();
    const team = await fx.group();
    const viaTeam = { ...viewer, teamGroupIds: new Set([team.group.id, g.group.id]) };
    const names = (await fx.run((repos) => visibleGroups(repos, viaTeam))).map((x) => x.name);
    expect(names).toEqual([g.group.name, team.group.name].sort((a, b) => a.localeCompare(b, 'sv')));
    const all = await fx.run((repos) => visibleGroups(repos, { aadObjectId: 'dev', developmentUser: true }));
    expect(all.map((x) => x.id)).toEqual(expect.arrayContaining([g.group.id, team.group.id]));
  });

  it('lists actions newest first, with paragraph, meeting date and overdue; preliminary until justerat', async () => {
    const { g, viewer, meeting, skicka, boka } = await groupWithActions({ numberingStyle: 'year-suffix' });
    const list = await fx.run((repos) => listActions(repos, viewer, g.group.id, 'all', '2024-02-25'));
    expect(list).toEqual([
      {
        id: boka.id, text: 'Boka lokal', owner: null, dueDate: '2024-03-20', status: 'open', overdue: false, live: false, canChange: false, version: 1,
        // the ids the protokoll's HTML gives the sub-point and the paragraph, for the preview to scroll to
        paragraph: '§ 3/24 a)', paragraphTitle: 'Läkemedel', paragraphNumber: 3, anchor: 'p-3-24-a', meetingId: meeting.id, meetingDate: '2024-02-16',
      },
      {
        id: skicka.id, text: 'Skicka ut planen', owner: 'Mats Wennstig', dueDate: '2024-02-20', status: 'open', overdue: true, live: false, canChange: false, version: 1,
        paragraph: '§ 3/24', paragraphTitle: 'Vårdplatsflöde', paragraphNumber: 3, anchor: 'p-3-24', meetingId: meeting.id, meetingDate: '2024-02-16',
      },
    ]);
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    expect((await fx.run((repos) => listActions(repos, viewer, g.group.id, 'open', '2024-02-20'))).map((a) => [a.text, a.live, a.overdue])).toEqual([
      ['Boka lokal', true, false], ['Skicka ut planen', true, false],
    ]);
    expect(await fx.run((repos) => listActions(repos, viewer, g.group.id, 'done', '2024-02-20'))).toEqual([]);
  });

  it('marks an action done only once the protokoll is justerat, and only at the version loaded', async () => {
    const { g, viewer, secretary, meeting, skicka } = await groupWithActions();
    await expectDomainError(fx.run((repos) => changeActionStatus(repos, secretary, skicka.id, 'done', 1)), 'conflict',
      'Åtgärden gäller först när protokollet den beslutades i är justerat. Den kan markeras klar efter justeringen.');
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    expect(await fx.run((repos) => changeActionStatus(repos, secretary, skicka.id, 'done', 1))).toEqual({ id: skicka.id, status: 'done', version: 2 });
    await expectDomainError(fx.run((repos) => changeActionStatus(repos, secretary, skicka.id, 'open', 1)), 'conflict',
      'Åtgärden har ändrats av någon annan sedan du laddade listan. Den har laddats om – försök igen.');
    expect(await fx.repos.actions.findById(skicka.id)).toMatchObject({ status: 'done', version: 2 });
    expect((await fx.run((repos) => listActions(repos, viewer, g.group.id, 'done', '2024-02-25'))).map((a) => a.id)).toEqual([skicka.id]);
  });

  it.each([
    ['an unknown status', 'invalid-input', 'klar', 1, 'Status måste vara "open" eller "done".'],
    ['a version of 0', 'invalid-input', 'done', 0, 'Version måste vara ett positivt heltal.'],
    ['a version that is text', 'invalid-input', 'done', '1', 'Version måste vara ett positivt heltal.'],
    ['an unknown action', 'not-found', 'done', 1, 'Åtgärden finns inte.'],
    ['another group\'s action', 'not-found', 'done', 1, 'Åtgärden finns inte.'],
  ] as const)('changing status with %s: %s', async (problem, code, status, version, message) => {
    const { g, viewer, skicka, meeting } = await groupWithActions();
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    const asViewer = problem === 'another group\'s action' ? (await groupWithActions()).viewer : viewer;
    const id = problem === 'an unknown action' ? randomUUID() : skicka.id;
    await expectDomainError(fx.run((repos) => changeActionStatus(repos, asViewer, id, status, version)), code, message);
    expect(await fx.repos.actions.findById(skicka.id)).toMatchObject({ status: 'open', version: 1 });
  });

  it('lists meetings newest first with date, status and paragraph range', async () => {
    const { g, viewer, meeting } = await groupWithActions({ numberingStyle: 'year' });
    await fx.plan(g, ['Nästa gång']);
    const [planned] = await fx.meetings(g);
    expect(await fx.run((repos) => listMeetings(repos, viewer, g.group.id))).toEqual({
      meetings: [
        // Godkännande, Föregående, Nästa gång, Uppföljning av åtgärder (Skicka ut planen is due), Övriga frågor, Nästa sammanträde
        { id: planned!.id, date: null, status: 'planerat', paragraphRange: '§6 - §11' },
        { id: meeting.id, date: '2024-02-16', status: 'utkast', paragraphRange: '§1 - §5' },
      ],
      nextCursor: null,
    });
  });

  it('pages the meetings with limit and cursor, and refuses a bad limit or cursor', async () => {
    const { g, viewer } = await groupWithActions();
    for (const day of ['2024-03-15', '2024-04-12', '2024-05-17']) {
      const held = await fx.repos.meetings.create(g.group.id, { startsAt: `${day}T08:00:00.000Z` });
      await fx.repos.meetings.update(g.group.id, held.id, { status: 'justerat' });
    }
    const all = (await fx.run((repos) => listMeetings(repos, viewer, g.group.id))).meetings.map((m) => m.date);
    expect(all).toEqual(['2024-05-17', '2024-04-12', '2024-03-15', '2024-02-16']);
    const first = await fx.run((repos) => listMeetings(repos, viewer, g.group.id, { limit: '3' }));
    expect(first.meetings.map((m) => m.date)).toEqual(all.slice(0, 3));
    const second = await fx.run((repos) => listMeetings(repos, viewer, g.group.id, { limit: '3', cursor: first.nextCursor }));
    expect(second).toEqual({ meetings: [expect.objectContaining({ date: '2024-02-16', paragraphRange: '1 - 5' })], nextCursor: null });
    await expectDomainError(fx.run((repos) => listMeetings(repos, viewer, g.group.id, { limit: '201' })), 'invalid-input', 'limit ska vara ett heltal mellan 1 och 200.');
    const forged = Buffer.from(JSON.stringify(['2024-05-17T08:00:00.000000Z', 'inte-ett-id'])).toString('base64url');
    await expectDomainError(fx.run((repos) => listMeetings(repos, viewer, g.group.id, { cursor: forged })), 'invalid-input',
      'Sidmarkören (cursor) gäller inte. Börja om från första sidan.');
  });

  it('authorisedMeetingGroup: the meeting\'s group if the viewer sees it, else "not found"', async () => {
    const { g, viewer, meeting } = await groupWithActions();
    const stranger = (await groupWithActions()).viewer;
    expect((await fx.run((repos) => authorisedMeetingGroup(repos, viewer, meeting.id))).id).toBe(g.group.id);
    await expectDomainError(fx.run((repos) => authorisedMeetingGroup(repos, stranger, meeting.id)), 'not-found', 'Mötet finns inte, eller så är du inte med i gruppen.');
    await expectDomainError(fx.run((repos) => authorisedMeetingGroup(repos, viewer, randomUUID())), 'not-found', 'Mötet finns inte, eller så är du inte med i gruppen.');
  });

  it('authorisedMeetingGroup reads as many statements however many groups the viewer sees', async () => {
    // Six groups with the viewer on the roster, the meeting in the one sorting last: a look-up that
    // asks the visible groups one by one would read a statement per group before it finds it.
    const viewer: Viewer = { aadObjectId: randomUUID(), developmentUser: false };
    const developer: Viewer = { aadObjectId: randomUUID(), developmentUser: true };
    const groups = [];
    for (let i = 0; i < 6; i++) {
      const g = await fx.group();
      await fx.repos.roster.upsert(g.group.id, [{ name: 'Lisa Berg', title: 'utvecklingsledare', principal: 'Region Blekinge', roles: ['ledamot'], aadObjectId: viewer.aadObjectId }]);
      groups.push(g);
    }
    const last = groups[5]!;
    await fx.repos.groups.rename(last.group.id, `Övre gruppen ${randomUUID()}`, 'Samverkansgruppen');
    const meeting = await fx.runningMeeting(last);
    let statements = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => { statements += 1; return args.node; },
      transformResult: async (args) => args.result,
    };
    const counted = new DatabaseUnitOfWork(fx.db.withPlugin(counting));
    for (const [who, most] of [[viewer, 2], [developer, 1]] as const) {
      statements = 0;
      expect((await counted.read((repos) => authorisedMeetingGroup(repos, who, meeting.id))).id).toBe(last.group.id);
      expect(statements).toBeLessThanOrEqual(most);
    }
  });
});

describeUseCase('tab queries: who may mark an action done', (fx) => {
  type Who = 'owner' | 'secretary' | 'chair' | 'vice chair' | 'member' | 'team member' | 'provisional owner' | 'development user';
  const WHO: Who[] = ['owner', 'secretary', 'chair', 'vice chair', 'member', 'team member', 'provisional owner', 'development user'];
  /** Anna-Karin's own action, and one without an owner, on a justerat protokoll. */
  const MAY: Record<Who, { own: boolean; ownerless: boolean }> = {
    owner: { own: true, ownerless: false },
    secretary: { own: true, ownerless: true },
    chair: { own: true, ownerless: true },
    'vice chair': { own: true, ownerless: true },
    member: { own: false, ownerless: false },
    'team member': { own: false, ownerless: false },
    'provisional owner': { own: false, ownerless: false },
    'development user': { own: true, ownerless: true },
  };

  /** Every person of the fixture tied to a fresh Entra id (Carina as vice chair); the viewers by kind. */
  async function justeratGroup() {
    const g: GroupFixture = await fx.group();
    await fx.repos.roster.upsert(g.group.id, [{ ...g.members.carina, roles: ['vice ordförande'] }]);
    const ids = {} as Record<PersonKey, string>;
    for (const key of ['sandra', 'mats', 'carina', 'rebecca', 'anna'] as const) {
      ids[key] = randomUUID();
      await fx.repos.roster.rememberIdentity(g.group.id, g.members[key].id, { aadObjectId: ids[key], teamsUserId: null });
    }
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    await fx.run((repos) => addAction(repos, g.ctx(6), { text: 'Skicka ut planen', owner: 'Anna-Karin', dueDate: '2024-03-20' }));
    await fx.run((repos) => addAction(repos, g.ctx(7), { text: 'Boka lokal', owner: null, dueDate: '2024-03-20' }));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    const actions = await fx.repos.actions.listForGroup(g.group.id, 'all');
    const own = actions.find((a) => a.text === 'Skicka ut planen')!;
    const ownerless = actions.find((a) => a.text === 'Boka lokal')!;
    expect(own.ownerMemberId).toBe(g.members.anna.id);
    // On the team, not on the roster; and someone whose display name fits Anna-Karin, not yet confirmed.
    const onTeam = (aadObjectId: string): Viewer => ({ aadObjectId, developmentUser: false, teamGroupIds: new Set([g.group.id]) });
    const provisional = randomUUID();
    await fx.repos.roster.addProvisionalMatch(g.group.id, g.members.anna.id, { aadObjectId: provisional, teamsUserId: null, displayName: g.members.anna.name, at: at(0) });
    const viewers: Record<Who, Viewer> = {
      owner: { aadObjectId: ids.anna, developmentUser: false },
      secretary: { aadObjectId: ids.sandra, developmentUser: false },
      chair: { aadObjectId: ids.mats, developmentUser: false },
      'vice chair': { aadObjectId: ids.carina, developmentUser: false },
      member: { aadObjectId: ids.rebecca, developmentUser: false },
      'team member': onTeam(randomUUID()),
      'provisional owner': onTeam(provisional),
      'development user': { aadObjectId: 'dev', developmentUser: true },
    };
    return { g, own, ownerless, viewers };
  }

  it.each(WHO)('%s: may mark done exactly what the list offers, and a refusal changes nothing', async (who) => {
    const { g, own, ownerless, viewers } = await justeratGroup();
    const viewer = viewers[who];
    const list = await fx.run((repos) => listActions(repos, viewer, g.group.id, 'all', '2024-02-25'));
    expect(Object.fromEntries(list.map((a) => [a.id === own.id ? 'own' : 'ownerless', a.canChange]))).toEqual(MAY[who]);
    for (const [key, action] of [['own', own], ['ownerless', ownerless]] as const) {
      const call = fx.run((repos) => changeActionStatus(repos, viewer, action.id, 'done', 1));
      if (MAY[who][key]) {
        expect(await call).toEqual({ id: action.id, status: 'done', version: 2 });
        // and open again
        expect(await fx.run((repos) => changeActionStatus(repos, viewer, action.id, 'open', 2))).toEqual({ id: action.id, status: 'open', version: 3 });
      } else {
        await expectDomainError(call, 'forbidden', MAY_CHANGE);
        expect(await fx.repos.actions.findById(action.id)).toMatchObject({ status: 'open', version: 1 });
      }
    }
  });

  it('refuses someone who may not change it before saying the protokoll is not justerat yet', async () => {
    const { g, own, viewers } = await justeratGroup();
    await fx.repos.meetings.update(g.group.id, own.meetingId, { status: 'utkast' });
    await expectDomainError(fx.run((repos) => changeActionStatus(repos, viewers.member, own.id, 'done', 1)), 'forbidden', MAY_CHANGE);
    await expectDomainError(fx.run((repos) => changeActionStatus(repos, viewers.owner, own.id, 'done', 1)), 'conflict', /först när protokollet/);
  });

  it('a role counts in its own group only: one group\'s secretary, a plain member of another, may not change the other\'s actions', async () => {
    const first = await justeratGroup();
    const second = await justeratGroup();
    const secretary = first.viewers.secretary;
    await fx.repos.roster.rememberIdentity(second.g.group.id, second.g.members.rebecca.id, { aadObjectId: secretary.aadObjectId, teamsUserId: null });
    const list = await fx.run((repos) => listActions(repos, secretary, second.g.group.id, 'all', '2024-02-25'));
    expect(list.map((a) => a.canChange)).toEqual([false, false]);
    await expectDomainError(fx.run((repos) => changeActionStatus(repos, secretary, second.ownerless.id, 'done', 1)), 'forbidden', MAY_CHANGE);
    expect(await fx.repos.actions.findById(second.ownerless.id)).toMatchObject({ status: 'open', version: 1 });
  });
});
