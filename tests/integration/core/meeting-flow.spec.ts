/**
 * `starta`, `nästa`, `punkt <nr>` and `avsluta` called directly on a real store: what they change
 * (status, times, current paragraph, visits) and what they answer in Swedish, live and in the draft.
 */
import type { Repositories } from '../../../bot/src/core/ports';
import type { CommandContext } from '../../../bot/src/core/use-cases/command-context';
import { endMeeting, goToItem, nextItem, startMeeting } from '../../../bot/src/core/use-cases/meeting-flow';
import { openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { at, describeUseCase, expectDomainError } from '../../support/use-case-fixture';

const ITEMS: Array<[string, null, string[]]> = [['Vårdplatsflöde', null, ['Läkemedel avvikelser AG', 'Sjukresor/färdtjänst AG']], ['Budget 2024', null, []]];

describeUseCase('meeting flow', (fx) => {
  it('starta: the planned meeting runs from now on its first paragraph, with a visit', async () => {
    const g = await fx.group();
    await fx.plan(g, ITEMS);
    const answer = await fx.run((repos) => startMeeting(repos, g.ctx(0), { teamsMeetingId: 'teams-1', joinUrl: 'https://teams.example/join/1' }));
    expect(answer.text).toBe('Mötet startade kl. 09.00. Vi börjar med punkt 1 Godkännande av dagordning.');
    const [meeting] = await fx.meetings(g);
    const first = (await fx.repos.agenda.list(meeting!.id)).find((i) => i.number === 1)!;
    expect(meeting).toMatchObject({
      status: 'pågår', startedAt: at(0), startsAt: at(0), endedAt: null, currentItemId: first.id,
      teamsMeetingId: 'teams-1', joinUrl: 'https://teams.example/join/1',
    });
    expect(await fx.repos.records.visits(meeting!.id)).toEqual([{ itemId: first.id, openedAt: at(0) }]);
  });

  it('starta twice: says since when it runs, and changes nothing', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    const again = await fx.run((repos) => startMeeting(repos, g.ctx(7), { teamsMeetingId: 'other' }));
    expect(again.text).toBe('Mötet pågår redan sedan kl. 09.00.');
    expect(await fx.repos.meetings.findById(g.group.id, meeting.id)).toMatchObject({ startedAt: at(0), teamsMeetingId: null });
    expect(await fx.repos.records.visits(meeting.id)).toHaveLength(1);
    expect(await fx.meetings(g)).toHaveLength(1);
  });

  it('starta keeps the scheduled start of a planned meeting ("Tid och plats")', async () => {
    const g = await fx.group();
    await fx.run((repos) => openMeetingFor(repos, g.group, at(-600), { startsAt: at(-5), endsAt: at(120) }));
    await fx.run((repos) => startMeeting(repos, g.ctx(3)));
    expect((await fx.meetings(g))[0]).toMatchObject({ status: 'pågår', startsAt: at(-5), endsAt: at(120), startedAt: at(3) });
  });

  it('nästa walks main items and their sub-points in order, each move a visit; the last one refuses', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ITEMS });
    const answers: string[] = [];
    for (const minute of [5, 10, 15, 20, 25, 30, 35]) answers.push((await fx.run((repos) => nextItem(repos, g.ctx(minute)))).text);
    await expectDomainError(fx.run((repos) => nextItem(repos, g.ctx(40))), 'invalid-input', 'Det här är sista punkten på dagordningen. Skriv `avsluta` när mötet är slut.');
    expect(answers).toEqual([
      'Nu behandlas punkt 2 Föregående sammanträdesprotokoll (från kl. 09.05).',
      'Nu behandlas punkt 3 Vårdplatsflöde (från kl. 09.10).',
      'Nu behandlas punkt 3 a) Läkemedel avvikelser AG (från kl. 09.15).',
      'Nu behandlas punkt 3 b) Sjukresor/färdtjänst AG (från kl. 09.20).',
      'Nu behandlas punkt 4 Budget 2024 (från kl. 09.25).',
      'Nu behandlas punkt 5 Övriga frågor (från kl. 09.30).',
      'Nu behandlas punkt 6 Nästa sammanträde (från kl. 09.35).',
    ]);
    const visits = await fx.repos.records.visits(meeting.id);
    expect(visits.map((v) => v.openedAt)).toEqual([0, 5, 10, 15, 20, 25, 30, 35].map(at));
    const last = (await fx.repos.agenda.list(meeting.id)).find((i) => i.number === 6)!;
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.currentItemId).toBe(last.id);
  });

  it.each([
    [3, null, 'Nu behandlas punkt 3 Vårdplatsflöde (från kl. 09.12). Föredragande: Tina Olsson.'],
    [3, 1, 'Nu behandlas punkt 3 b) Sjukresor/färdtjänst AG (från kl. 09.12).'],
    [6, null, 'Nu behandlas punkt 6 Nästa sammanträde (från kl. 09.12).'],
  ])('punkt %s (sub %s) jumps there: %s', async (number, sub, text) => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ITEMS });
    const vard = (await fx.repos.agenda.list(meeting.id)).find((i) => i.title === 'Vårdplatsflöde')!;
    await fx.repos.agenda.update(meeting.id, vard.id, { presenters: ['Tina Olsson'] });
    expect((await fx.run((repos) => goToItem(repos, g.ctx(12), number, sub))).text).toBe(text);
    const visits = await fx.repos.records.visits(meeting.id);
    expect(visits.map((v) => v.openedAt)).toEqual([at(0), at(12)]);
  });

  it.each([
    [9, null, 'Punkt 9 finns inte på dagordningen. Skriv `dagordning` för att se numren.'],
    [3, 2, 'Punkt 3c finns inte på dagordningen. Skriv `dagordning` för att se numren.'],
    [4, 0, 'Punkt 4a finns inte på dagordningen. Skriv `dagordning` för att se numren.'],
  ])('punkt %s (sub %s) that does not exist: not-found, no move', async (number, sub, message) => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ITEMS });
    await expectDomainError(fx.run((repos) => goToItem(repos, g.ctx(12), number, sub)), 'not-found', message);
    expect(await fx.repos.records.visits(meeting.id)).toHaveLength(1);
  });

  // parseParagraphRef accepts `punkt 3aa` (sub 26), but the answer spells it with the character after `z`.
  it.failing('punkt 3aa that does not exist is named "3aa" in the answer', async () => {
    const g = await fx.group();
    await fx.runningMeeting(g, { items: ITEMS });
    await expectDomainError(fx.run((repos) => goToItem(repos, g.ctx(12), 3, 26)), 'not-found', 'Punkt 3aa finns inte på dagordningen. Skriv `dagordning` för att se numren.');
  });

  it('avsluta: the meeting becomes a draft that ended now, on no paragraph', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ITEMS });
    const answer = await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect(answer.text).toBe('Mötet avslutades kl. 10.30. Protokollutkastet tas fram.');
    expect(answer.data!.items.map((i) => i.title)).toContain('Vårdplatsflöde');
    expect(await fx.repos.meetings.findById(g.group.id, meeting.id)).toMatchObject({
      status: 'utkast', startedAt: at(0), endedAt: at(90), endsAt: at(90), currentItemId: null,
    });
    expect(await fx.repos.meetings.findOpen(g.group.id)).toBeNull();
  });

  it('in the draft, punkt and nästa only choose the paragraph to edit: no visit', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ITEMS });
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect((await fx.run((repos) => goToItem(repos, g.ctx(120), 3, null))).text).toBe('Du ändrar nu punkt 3 Vårdplatsflöde i protokollutkastet.');
    const next = await fx.run((repos) => nextItem(repos, g.ctx(121)));
    expect(next).toEqual({ text: 'Du ändrar nu punkt 3 a) Läkemedel avvikelser AG i protokollutkastet.', data: { phase: 'draft' } });
    expect(await fx.repos.records.visits(meeting.id)).toEqual([expect.objectContaining({ openedAt: at(0) })]);
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.status).toBe('utkast');
  });

  it.each([
    ['nästa', (repos, ctx) => nextItem(repos, ctx)],
    ['punkt 1', (repos, ctx) => goToItem(repos, ctx, 1, null)],
    ['avsluta', (repos, ctx) => endMeeting(repos, ctx)],
  ] as Array<[string, (repos: Repositories, ctx: CommandContext) => Promise<unknown>]>)('%s with no meeting held: conflict, and no meeting is created', async (_command, call) => {
    const g = await fx.group();
    await expectDomainError(fx.run((repos) => call(repos, g.ctx(0))), 'conflict', 'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
    expect(await fx.meetings(g)).toEqual([]);
  });

  it('after justering the protokoll is locked: nästa names its date', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.repos.meetings.update(g.group.id, meeting.id, { status: 'justerat' });
    await expectDomainError(fx.run((repos) => nextItem(repos, g.ctx(200))), 'conflict',
      'Inget möte pågår, och protokollet från 2024-02-16 är justerat och låst: det går inte att ändra. Skriv `starta` när nästa möte börjar.');
    await expectDomainError(fx.run((repos) => endMeeting(repos, g.ctx(200))), 'conflict', 'Inget möte pågår i den här gruppen. Skriv `starta` när mötet börjar.');
  });
});
