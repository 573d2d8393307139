/**
 * The record during justering (PRODUCT.md), command by command over the wire. Each row sends one
 * chat command (or a card action, or a Teams event) from the secretary to a fresh draft whose
 * version 1 the chair has already approved, and declares what must follow:
 *   'new version'  a new version with a new SHA-256 and a higher number, "Utkastet är nu version 2",
 *                  no approval on it (the chair's no longer counts), still awaiting justering;
 *   'refused'      a Swedish explanation, and nothing changed: same version, same bytes, approvals kept;
 *   'read-only'    it only shows something: nothing changed;
 *   'not printed'  it writes something the draft does not print (a group setting that stays out of
 *                  the document, the next meeting's agenda, which paragraph edits go to): nothing changed.
 * In every row, what the database holds afterwards must still render to exactly the bytes of the
 * current version, so a write that changed the document without a new version fails here. Every
 * command the parser knows has a row (the last test checks it).
 */
import { COMMAND_SYNTAX, type CommandKind } from '../../bot/src/core/commands/command';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { useWire } from '../support/wire';
import { meetingWithDraft } from '../support/draft-meeting';
import { describeEachStore } from '../support/stores';
import { draftState, renderedNow, type DraftState } from '../support/draft-state';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'e0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'e0000000-0000-4000-8000-000000000002' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'e0000000-0000-4000-8000-000000000003' };
const tina: Person = { id: '29:tina', name: 'Tina Olsson', aadObjectId: 'e0000000-0000-4000-8000-000000000004' };
const at = (minutes: number) => new Date(Date.parse('2024-03-04T12:00:00.000Z') + minutes * 60_000).toISOString();

/** Before `avsluta`: a fourth member who never joined (printed as absent) and two own items. */
const DURING_THE_MEETING = [
  ['ledamöter', 'Tina Olsson; enhetschef; Karlskrona kommun; ledamot'].join('\n'),
  'ny punkt Budget 2024 (B)',
  'ny punkt Rapport från arbetsgruppen (I)',
];

type Expected = 'new version' | 'refused' | 'read-only' | 'not printed';

/** The draft a row acts on: its channel, meeting, roster and agenda. */
interface Draft {
  channel: TeamsChannel;
  groupName: string;
  meetingId: string;
  memberId: (name: string) => string;
  itemId: (title: string) => string;
}

interface Row {
  /** the command (or path) the row is about */
  covers: CommandKind | 'card' | 'teams event';
  title: string;
  /** the secretary's commands after `avsluta`, before the chair approves version 1 (they must not make a version) */
  before?: string[];
  /** a chat message from the secretary, or any activity built for the draft */
  send: string | ((draft: Draft) => unknown);
  expected: Expected;
  /** what the answer must say (text, card or invoke response); for a new version, besides "Utkastet är nu version 2" */
  answer?: RegExp;
  /** a known violation of the rule, kept as a failing row until production code is fixed */
  knownBug?: string;
}


const card = (verb: string, data: (draft: Draft) => Record<string, unknown>) => (draft: Draft) => draft.channel.cardAction(sandra, verb, data(draft), at(75));
const CARD_REFUSAL = /Kortet hör till ett möte som inte pågår längre/;

const ROWS: Row[] = [
  // read-only
  { covers: 'help', title: 'hjälp', send: 'hjälp', expected: 'read-only', answer: /justering senast/ },
  // shows the next meeting's agenda (opening that meeting when there is none), not the draft's
  { covers: 'show-agenda', title: 'dagordning', send: 'dagordning', expected: 'read-only', answer: /Planerat möte/ },
  { covers: 'attendance', title: 'närvaro', send: 'närvaro', expected: 'read-only', answer: /Tina Olsson/ },
  { covers: 'calendar', title: 'kalender (shows the link)', send: 'kalender', expected: 'read-only', answer: /kalender/i },

  // choosing the paragraph that edits go to
  { covers: 'go-to', title: 'punkt 2', send: 'punkt 2', expected: 'not printed', answer: /Du ändrar nu punkt 2 Föregående sammanträdesprotokoll i protokollutkastet/ },
  { covers: 'next', title: 'nästa', before: ['punkt 2'], send: 'nästa', expected: 'not printed', answer: /Du ändrar nu punkt 3 Budget 2024 i protokollutkastet/ },

  // the current paragraph's content
  { covers: 'note', title: 'anteckning', before: ['punkt 2'], send: 'anteckning Protokollet lades till handlingarna.', expected: 'new version', answer: /Anteckningen är sparad under punkt 2 Föregående sammanträdesprotokoll/ },
  { covers: 'note', title: 'anteckning with no paragraph chosen', send: 'anteckning Glömd rad', expected: 'refused', answer: /Välj först vilken punkt i utkastet du vill ändra: skriv `punkt <nr>`/ },
  { covers: 'decision', title: 'beslut', before: ['punkt 2'], send: 'beslut godkänna föregående protokoll', expected: 'new version', answer: /beslutar att godkänna föregående protokoll/ },
  { covers: 'information', title: 'information', before: ['punkt 4'], send: 'information', expected: 'new version', answer: /Informationen tas till protokollet/ },
  { covers: 'conflict', title: 'jäv', before: ['punkt 3'], send: 'jäv Mats Wennstig', expected: 'new version', answer: /Mats Wennstig anmäler jäv och deltar inte i handläggningen/ },
  { covers: 'reservation', title: 'reservation', before: ['punkt 1'], send: 'reservation Anna-Karin Åkesson: Dagordningen kom för sent.', expected: 'new version', answer: /Mot beslutet reserverar sig Anna-Karin Åkesson/ },
  { covers: 'reservation', title: 'reservation where nothing was decided', before: ['punkt 3'], send: 'reservation Anna-Karin Åkesson', expected: 'refused', answer: /Det finns inget beslut i punkt 3 Budget 2024 att reservera sig mot/ },
  { covers: 'immediate-adjustment', title: 'justeras omedelbart (only during the meeting)', before: ['punkt 1'], send: 'justeras omedelbart', expected: 'refused', answer: /Omedelbar justering görs under mötet/ },
  { covers: 'action', title: 'åtgärd', before: ['punkt 3'], send: 'åtgärd Ta fram budgetförslag ansvarig Tina Olsson senast 2024-04-30', expected: 'new version', answer: /Tina Olsson/ },
  { covers: 'presenters', title: 'föredragande', before: ['punkt 3'], send: 'föredragande Tina Olsson', expected: 'new version', answer: /Föredragande för punkt 3 Budget 2024: Tina Olsson/ },
  { covers: 'postpone', title: 'bordlägg', before: ['punkt 3'], send: 'bordlägg', expected: 'new version', answer: /bordläggs/ },
  { covers: 'recipients', title: 'skickas till', before: ['punkt 3'], send: 'skickas till Regionstyrelsen, Ronneby kommun', expected: 'new version', answer: /Protokollet ska skickas till Regionstyrelsen, Ronneby kommun/ },
  { covers: 'distribution', title: 'sändlista', send: 'sändlista Samtliga huvudmän', expected: 'new version', answer: /Sändlista för protokollet: Samtliga huvudmän/ },
  { covers: 'recipients', title: 'skickas till, a recipient with a comma (; separates)', before: ['punkt 3'], send: 'skickas till Region Blekinge, hälso- och sjukvårdsförvaltningen; Ronneby kommun', expected: 'new version', answer: /Protokollet ska skickas till Region Blekinge, hälso- och sjukvårdsförvaltningen; Ronneby kommun\./ },
  { covers: 'planned-time', title: 'tid (times are for the meeting, not the draft)', before: ['punkt 3'], send: 'tid 10', expected: 'refused', answer: /Mötet är avslutat: planerad tid gäller bara före och under mötet/ },
  { covers: 'place', title: 'plats', send: 'plats Sammanträdesrum Ekbacken, Ronneby rådhus', expected: 'new version', answer: /Platsen i protokollutkastet är nu Sammanträdesrum Ekbacken, Ronneby rådhus/ },

  // attendance and justering details printed in the header
  { covers: 'mark-present', title: 'närvarande <namn>', send: 'närvarande Tina Olsson', expected: 'new version', answer: /Tina Olsson .* närvarande hela mötet/ },
  { covers: 'stand-in', title: 'sekreterare <namn> (who may record, never printed)', send: 'sekreterare Anna-Karin Åkesson', expected: 'not printed', answer: /Anna-Karin Åkesson är ersättare för sekreteraren/ },
  { covers: 'confirm-identity', title: 'bekräfta <namn> (an identity, never printed)', send: 'bekräfta Mats Wennstig', expected: 'not printed', answer: /Mats Wennstig är redan bekräftad/ },
  { covers: 'mark-absent', title: 'frånvarande <namn>', send: 'frånvarande Anna-Karin Åkesson', expected: 'refused', answer: /Efter mötet kan bara närvaro läggas till/ },
  { covers: 'adjuster', title: 'justerare <namn>', send: 'justerare Tina Olsson', expected: 'new version', answer: /Tina Olsson är vald till justerare/ },
  { covers: 'approval-deadline', title: 'justering senast <datum>', send: 'justering senast 2024-03-15 kl. 12.00', expected: 'new version', answer: /Plats och tid för justering: .*2024-03-15 kl\. 12\.00/ },

  // a new item and a section go to the next meeting; the corrections of the agenda go to the draft
  { covers: 'add-item', title: 'ny punkt (the next meeting, named)', send: 'ny punkt Extra ärende', expected: 'not printed', answer: /Extra ärende är tillagd på dagordningen för nästa möte\./ },
  { covers: 'add-sub-point', title: 'underpunkt (the draft’s chosen paragraph, with a type tag)', before: ['punkt 3'], send: 'underpunkt Delrapport (I)', expected: 'new version', answer: /Underpunkten punkt 3 a\) Delrapport \(I\) är tillagd under Budget 2024 i protokollutkastet/ },
  { covers: 'add-sub-point', title: 'underpunkt with no paragraph chosen', send: 'underpunkt Delrapport', expected: 'refused', answer: /Välj först vilken punkt i utkastet underpunkten ska ligga under: skriv `punkt <nr>`/ },
  { covers: 'section', title: 'avsnitt', send: 'avsnitt ÄRENDEN FÖR BESLUT', expected: 'not printed', answer: /Avsnittet ÄRENDEN FÖR BESLUT är påbörjat/ },
  { covers: 'rename-item', title: 'ändra punkt (the draft)', send: 'ändra punkt 3 Budget 2025', expected: 'new version', answer: /Punkt 3 heter nu Budget 2025 \(B\) i protokollutkastet \(tidigare Budget 2024\)/ },
  { covers: 'rename-item', title: 'ändra punkt of a number the draft does not have', send: 'ändra punkt 9 Budget 2025', expected: 'refused', answer: /Det finns ingen punkt 9 på dagordningen/ },
  { covers: 'remove-item', title: 'ta bort punkt (the draft)', send: 'ta bort punkt 2', expected: 'new version', answer: /Punkt 2 Föregående sammanträdesprotokoll är borttagen ur protokollutkastet/ },
  { covers: 'remove-item', title: 'ta bort punkt with a decision recorded asks first', send: 'ta bort punkt 1', expected: 'not printed', answer: /Punkt 1 Godkännande av dagordning i protokollutkastet har 1 registrerade .*Bekräfta/ },

  // group settings: printed ones version the draft, the others do not touch it
  { covers: 'roster', title: 'ledamöter (a printed title changes)', send: ['ledamöter', 'Anna-Karin Åkesson; enhetschef Ronneby kommun; Ronneby kommun; ledamot'].join('\n'), expected: 'new version', answer: /sparad i ledamotslistan/ },
  // The draft rule judges the turn with the group as it was read when the turn began, so a change to
  // the group's own settings is not seen: the draft prints the new text at once, with no new version
  // (the next turn, often an approval, makes it; a final approval locks the changed text instead).
  { covers: 'deciding-body', title: 'beslutsorgan', send: 'beslutsorgan Samverkansgruppen', expected: 'new version', answer: /Samverkansgruppen beslutar/ },
  { covers: 'numbering', title: 'numrering år', send: 'numrering år start 15', expected: 'new version', answer: /Paragraferna numreras löpande under året/ },
  { covers: 'quorum-rule', title: 'beslutsförhet (never printed)', send: 'beslutsförhet region-kommun', expected: 'not printed', answer: /Beslutförhet: / },
  { covers: 'clause-style', title: 'beslutsstil numrerad', send: 'beslutsstil numrerad', expected: 'new version', answer: /Beslutssatserna numreras nu/ },
  { covers: 'clause-style', title: 'beslutsstil att (already the style)', send: 'beslutsstil att', expected: 'not printed', answer: /Beslutssatserna skrivs nu som att-satser/ },
  { covers: 'calendar', title: 'kalender av', send: 'kalender av', expected: 'not printed', answer: /kalender/i },
  { covers: 'bind-group', title: 'grupp (the channel’s own group)', send: (d) => d.channel.message(sandra, `grupp ${d.groupName}`, at(75)), expected: 'not printed', answer: /hör nu till gruppen/ },

  // the meeting's flow
  { covers: 'start', title: 'starta (the next meeting)', send: 'starta', expected: 'not printed', answer: /Mötet startade/ },
  // nothing printed has changed since version 1: no new version, the chair's approval stands
  { covers: 'end', title: 'avsluta (nothing changed)', send: 'avsluta', expected: 'not printed', answer: /Inget i protokollet har ändrats sedan version 1, så ingen ny version skapas\. Version 1 väntar på justering av Anna-Karin Åkesson\. Mats Wennstig har redan justerat den\./ },

  // approving is for the chair and the justerare
  { covers: 'approve', title: 'justera by the secretary', send: 'justera', expected: 'refused', answer: /Bara ordföranden och justerarna \(Mats Wennstig, Anna-Karin Åkesson\) kan justera/ },
  { covers: 'request-change', title: 'ändra by the secretary', send: 'ändra Rätta stavningen', expected: 'refused', answer: /Bara ordföranden och justerarna/ },

  // cards from the meeting, pressed during justering
  { covers: 'card', title: 'card attendance.present', send: card('attendance.present', (d) => ({ meetingId: d.meetingId, memberId: d.memberId('Tina Olsson') })), expected: 'refused', answer: CARD_REFUSAL },
  { covers: 'card', title: 'card attendance.absent', send: card('attendance.absent', (d) => ({ meetingId: d.meetingId, memberId: d.memberId('Anna-Karin Åkesson') })), expected: 'refused', answer: CARD_REFUSAL },
  { covers: 'card', title: 'card decision.record', send: card('decision.record', (d) => ({ meetingId: d.meetingId, itemId: d.itemId('Budget 2024'), clauses: 'anta budgeten' })), expected: 'refused', answer: CARD_REFUSAL },
  { covers: 'card', title: 'card action.record', send: card('action.record', (d) => ({ meetingId: d.meetingId, itemId: d.itemId('Budget 2024'), text: 'Skicka budgeten', ownerName: 'Tina Olsson' })), expected: 'refused', answer: CARD_REFUSAL },
  // the confirmation of `ta bort punkt` asked about this draft removes from it; one asked about another meeting is refused
  { covers: 'card', title: 'card agenda.remove-confirm (this draft)', send: card('agenda.remove-confirm', (d) => ({ meetingId: d.meetingId, number: 1 })), expected: 'new version', answer: /Punkt 1 Godkännande av dagordning är borttagen ur protokollutkastet/ },
  { covers: 'card', title: 'card agenda.remove-confirm (another meeting)', send: card('agenda.remove-confirm', () => ({ meetingId: '00000000-0000-4000-8000-000000000000', number: 3 })), expected: 'refused', answer: CARD_REFUSAL },
  { covers: 'card', title: 'card attendance.refresh', send: card('attendance.refresh', (d) => ({ meetingId: d.meetingId })), expected: 'read-only', answer: /Tina Olsson/ },

  // Teams events after the meeting
  { covers: 'teams event', title: 'a late participant join', send: (d) => d.channel.participants('join', [tina], at(75)), expected: 'not printed' },
  { covers: 'teams event', title: 'the meeting-end event after avsluta', send: (d) => d.channel.meetingEnded(at(75)), expected: 'read-only' },
  { covers: 'teams event', title: 'the next meeting starts (new Teams meeting)', send: (d) => d.channel.meetingEvent('application/vnd.microsoft.meetingStart', { Id: 'MCMxOTpuYXN0YQ', MeetingType: 'Scheduled', JoinUrl: 'https://teams.microsoft.com/l/meetup-join/y', Title: 'Sammanträde', StartTime: at(75) }, at(75), 'MCMxOTpuYXN0YQ'), expected: 'not printed', answer: /Mötet startade/ },
  // The draft keeps that Teams meeting id, so no new meeting can take it: today the turn fails (a unique
  // index on the Teams meeting id) and changes nothing.
  { covers: 'teams event', title: 'the same Teams meeting starts again', send: (d) => d.channel.meetingStarted(at(75)), expected: 'not printed' },
];

describeEachStore('the record during justering, command by command', (store) => {
  const wire = useWire(store);
  let serial = 0;

  /** A fresh group and draft (version 1 approved by the chair), so every row stands alone. */
  async function approvedDraft(row: Row): Promise<{ draft: Draft; state: DraftState }> {
    serial += 1;
    const groupName = `Justeringsgrupp ${serial}`;
    const channel = new TeamsChannel({ teamId: `19:inv-team-${serial}@thread.tacv2`, teamName: groupName, channelId: `19:inv-${serial}@thread.tacv2` }, wire.connector.url);
    await meetingWithDraft(wire.app.url, channel, { chair: mats, adjuster: anna, secretary: sandra }, at, DURING_THE_MEETING);
    for (const [i, text] of (row.before ?? []).entries()) await deliver(wire.app.url, channel.message(sandra, text, at(61 + i)));
    await deliver(wire.app.url, channel.message(mats, 'justera', at(70)));
    const state = await draftState(store(), groupName);
    const repos = repositoriesFor(store().db);
    const roster = await repos.roster.list(state.groupId);
    const items = await repos.agenda.list(state.meeting.id);
    const draft: Draft = {
      channel,
      groupName,
      meetingId: state.meeting.id,
      memberId: (name) => roster.find((m) => m.name === name)!.id,
      itemId: (title) => items.find((i) => i.title === title)!.id,
    };
    // the steps before the approval chose a paragraph at most: still version 1, approved by the chair
    expect(state.meeting.status).toBe('justering');
    expect(state.latest.version).toBe(1);
    expect(state.approvals.map((a) => [a.memberId, a.decision])).toEqual([[draft.memberId(mats.name), 'approved']]);
    return { draft, state };
  }

  /** Everything said back: messages posted in the conversation, and the invoke response of a card action. */
  async function send(draft: Draft, row: Row): Promise<string> {
    const activity = typeof row.send === 'string' ? draft.channel.message(sandra, row.send, at(75)) : row.send(draft);
    const before = wire.connector.messages.length;
    const response = await deliver(wire.app.url, activity);
    expect(response.status).toBe(200);
    const posted = wire.connector.messages.slice(before).flatMap((m) => [m.text ?? '', ...(m.attachments ?? []).map((a: any) => JSON.stringify(a.content))]);
    const invoked = response.body?.value === undefined ? [] : [typeof response.body.value === 'string' ? response.body.value : JSON.stringify(response.body.value)];
    return [...invoked, ...posted].join('\n');
  }

  for (const row of ROWS) {
    (row.knownBug ? it.failing : it)(`${row.title} → ${row.expected}${row.knownBug ? ` (known bug: ${row.knownBug})` : ''}`, async () => {
      const { draft, state: approved } = await approvedDraft(row);
      const answer = await send(draft, row);
      const after = await draftState(store(), draft.groupName);

      if (row.answer) expect(answer).toMatch(row.answer);
      expect(after.meeting.id).toBe(approved.meeting.id);
      expect(after.meeting.status).toBe('justering');
      if (row.expected === 'new version') {
        expect(answer).toMatch(/Utkastet är nu version 2\. Justeringen börjar om\./);
        expect(after.latest.version).toBe(2);
        expect(after.latest.final).toBe(false);
        expect(after.latest.id).not.toBe(approved.latest.id);
        expect(after.latest.sha256).not.toBe(approved.latest.sha256);
        expect(after.approvals).toEqual([]);
        // a new version only when what is printed changed
        expect(after.latest.contentDigest).not.toBe(approved.latest.contentDigest);
      } else {
        expect(answer).not.toMatch(/Utkastet är nu version/);
        expect(after.versions).toEqual(approved.versions);
        expect(after.latest).toEqual(approved.latest);
        expect(after.approvals).toEqual(approved.approvals);
      }
      const rendered = await renderedNow(store(), after);
      expect(rendered.nowText).toBe(rendered.storedText);
      expect(rendered.now).toBe(rendered.stored);
    });
  }

  it('has a row for every command the parser knows', () => {
    const covered = new Set(ROWS.map((r) => r.covers));
    expect((Object.keys(COMMAND_SYNTAX) as CommandKind[]).filter((kind) => !covered.has(kind))).toEqual([]);
  });
});
