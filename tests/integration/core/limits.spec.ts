/**
 * The caps on what one group may hold (core/limits.ts), on a real store: at the limit a command is
 * refused with a Swedish message that names the limit, and the store is exactly as before (the
 * call's transaction is rolled back). Arranging up to the limit writes through the repositories.
 */
import type { NewRosterEntry } from '../../../bot/src/core/ports';
import { LIMITS } from '../../../bot/src/core/limits';
import type { CalendarEvent } from '../../../bot/src/core/calendar';
import { addItem, addSubPoint } from '../../../bot/src/core/use-cases/agenda-edit';
import { importEventAgenda, syncUpcomingMeeting } from '../../../bot/src/core/use-cases/agenda-from-event';
import { createDraft, sha256 } from '../../../bot/src/core/use-cases/approval';
import { updateRoster } from '../../../bot/src/core/use-cases/group-settings';
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { addDecision, addNote } from '../../../bot/src/core/use-cases/record-minutes';
import { addAction } from '../../../bot/src/core/use-cases/record-action';
import { protokollDocuments } from '../../../bot/src/documents/protokoll.documents';
import { at, describeUseCase, expectDomainError, PEOPLE } from '../../support/use-case-fixture';

const person = (n: number): NewRosterEntry => ({ name: `Person ${n}`, title: 'ledamot', principal: `Kommun ${n % 10}`, roles: ['ledamot'] });
const sandra = { aadObjectId: null, name: PEOPLE.sandra.name };

describeUseCase('limits', (fx) => {
  it(`a roster of more than ${LIMITS.rosterMembers} people is refused, saying the limit; the roster stays as it was`, async () => {
    const g = await fx.group();
    const before = await fx.repos.roster.list(g.group.id);
    const tooMany = Array.from({ length: LIMITS.rosterMembers - before.length + 1 }, (_, i) => person(i));
    await expectDomainError(
      fx.run((repos) => updateRoster(repos, g.group, tooMany, sandra)),
      'too-large',
      `Ledamotslistan kan ha högst 300 personer, men skulle få ${LIMITS.rosterMembers + 1}. Inget sparades; dela upp gruppen eller ta bort rader som inte behövs.`,
    );
    expect(await fx.repos.roster.list(g.group.id)).toEqual(before);

    // Exactly at the limit is fine, and updating people already listed does not count twice.
    const fits = tooMany.slice(1);
    await fx.run((repos) => updateRoster(repos, g.group, fits, sandra));
    await fx.run((repos) => updateRoster(repos, g.group, fits.slice(0, 5).map((p) => ({ ...p, title: 'ordförande i nämnden' })), sandra));
    const full = await fx.repos.roster.list(g.group.id);
    expect(full).toHaveLength(LIMITS.rosterMembers);
    await expectDomainError(fx.run((repos) => updateRoster(repos, g.group, [person(9999)], sandra)), 'too-large', /högst 300 personer, men skulle få 301/);
    expect(await fx.repos.roster.list(g.group.id)).toEqual(full);
  });

  it(`a meeting takes at most ${LIMITS.agendaItemsPerMeeting} agenda items, sub-points included; ny punkt and underpunkt beyond it change nothing`, async () => {
    const g = await fx.group();
    await fx.plan(g, ['Budget 2024']);
    const [meeting] = await fx.meetings(g);
    const existing = await fx.repos.agenda.list(meeting!.id);
    for (let n = existing.length; n < LIMITS.agendaItemsPerMeeting; n++) {
      await fx.repos.agenda.insert(g.group.id, {
        meetingId: meeting!.id, parentId: null, position: 1000 + n, section: null, title: `Punkt ${n}`, typeTag: null, standardKind: null,
        number: null, presenters: [], outcome: 'open', recipients: [], carriedFromItemId: null,
      });
    }
    const full = await fx.agenda(meeting!.id);
    expect(full).toHaveLength(LIMITS.agendaItemsPerMeeting);
    const refusal = `Ett möte kan ha högst 200 punkter på dagordningen (underpunkter medräknade), och det här mötet har 200. Inget sparades; lägg punkten på ett senare möte.`;
    await expectDomainError(fx.run((repos) => addItem(repos, g.ctx(-30), 'En punkt för mycket', null)), 'too-large', refusal);
    await expectDomainError(fx.run((repos) => addSubPoint(repos, g.ctx(-30), 'En underpunkt för mycket')), 'too-large', refusal);
    expect(await fx.agenda(meeting!.id)).toEqual(full);
  });

  it(`a paragraph holds at most ${LIMITS.entriesPerParagraph} notes, decisions and actions; anteckning, beslut and åtgärd beyond it change nothing`, async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'], joined: ['mats', 'carina', 'rebecca', 'anna', 'sandra'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    const item = (await fx.repos.agenda.list(meeting.id)).find((i) => i.number === 3)!;
    for (let n = 0; n < LIMITS.entriesPerParagraph - 1; n++) await fx.repos.records.addNote(meeting.id, { itemId: item.id, text: `Rad ${n}`, createdAt: at(6) });
    await fx.run((repos) => addNote(repos, g.ctx(7), 'Den sista som får plats'));
    const count = () => fx.repos.records.countForItem(meeting.id, item.id);
    expect(await count()).toBe(LIMITS.entriesPerParagraph);

    const refusal = 'En paragraf kan ha högst 500 anteckningar, beslut och åtgärder tillsammans, och den här har redan 500. Inget sparades; samla texten i färre anteckningar.';
    await expectDomainError(fx.run((repos) => addNote(repos, g.ctx(8), 'En för mycket')), 'too-large', refusal);
    await expectDomainError(fx.run((repos) => addDecision(repos, g.ctx(8), 'godkänna planen')), 'too-large', refusal);
    await expectDomainError(fx.run((repos) => addAction(repos, g.ctx(8), { text: 'Ta fram en plan', owner: null, dueDate: null })), 'too-large', refusal);
    expect(await count()).toBe(LIMITS.entriesPerParagraph);
    expect((await fx.repos.agenda.list(meeting.id)).find((i) => i.id === item.id)!.outcome).toBe('open');
  });

  it(`a protokoll gets at most ${LIMITS.draftVersionsPerMeeting} draft versions; the next change is refused and version ${LIMITS.draftVersionsPerMeeting} still awaits justering`, async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'], joined: ['mats', 'anna', 'sandra'] });
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.run((repos) => createDraft(repos, g.group, meeting.id, at(91), protokollDocuments));
    for (let version = 2; version <= LIMITS.draftVersionsPerMeeting; version++) {
      const docx = Buffer.from(`version ${version}`);
      await fx.repos.documents.addVersion(meeting.id, { version, sha256: sha256(docx), docx, final: false, createdAt: at(91), contentDigest: null });
    }
    await expectDomainError(
      fx.run((repos) => createDraft(repos, g.group, meeting.id, at(120), protokollDocuments)),
      'too-large',
      'Protokollet har redan 100 utkastversioner, det högsta antalet. Ändringen sparades inte; låt justerarna justera den senaste versionen, eller kontakta den som driftar Protokoll.',
    );
    expect((await fx.repos.documents.latest(meeting.id))!.version).toBe(LIMITS.draftVersionsPerMeeting);
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.status).toBe('justering');
  });

  it(`an invitation listing more items and sub-points than a meeting may hold is imported in order as far as it fits in ${LIMITS.agendaItemsPerMeeting} items`, async () => {
    const g = await fx.group();
    await fx.repos.calendar.link(g.group.id, { kind: 'group', id: 'calendar-1' });
    // The invitation parser takes at most 100 items, but each may have sub-points: 80 × 3 = 240 lines.
    const lines = Array.from({ length: 80 }, (_, i) => [`${i + 1}. Ärende ${i + 1}`, 'a) Första delen', 'b) Andra delen']).flat();
    const event: CalendarEvent = {
      id: 'event-1', subject: 'Samverkansgruppen', startsAt: at(0), endsAt: at(120), isCancelled: false,
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_limits%40thread.v2/0', location: null,
      body: { contentType: 'text', content: ['Dagordning', ...lines].join('\n') }, organizer: { name: 'Sandra Johansson', email: null }, attendees: [],
    };
    const meeting = await fx.run((repos) => syncUpcomingMeeting(repos, g.group, event, at(-2880)));
    expect(await fx.run((repos) => importEventAgenda(repos, g.group, meeting!, event, at(-1000)))).toBe(true);
    const agenda = await fx.agenda(meeting!.id);
    // An item goes in whole with its sub-points or not at all, so the agenda may end a little short of the limit.
    expect(agenda.length).toBeLessThanOrEqual(LIMITS.agendaItemsPerMeeting);
    expect(agenda.length).toBeGreaterThan(LIMITS.agendaItemsPerMeeting - 3);
    const own = agenda.map(([, title]) => title).filter((title) => title.startsWith('Ärende '));
    expect(own).toEqual(own.map((_, i) => `Ärende ${i + 1}`));
  });
});
