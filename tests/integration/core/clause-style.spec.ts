/**
 * `beslutsstil` and `beslut` on a real store: in the `att` style a clause is stored without its
 * `att`; in the numbered style as typed, so `2. Justeringen sker digitalt …` can be written. A change
 * of style moves the clauses of every protokoll not yet justerat with it; a locked one keeps its words.
 */
import { createDraft } from '../../../bot/src/core/use-cases/approval';
import { setClauseStyle } from '../../../bot/src/core/use-cases/group-settings';
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { loadMeetingRecord } from '../../../bot/src/core/use-cases/meeting-record';
import { addDecision, setDistributionList, setRecipients } from '../../../bot/src/core/use-cases/record-minutes';
import { protokollDocuments } from '../../../bot/src/documents/protokoll.documents';
import { toProtokollDocument } from '../../../bot/src/documents/protokoll.mapping';
import { at, describeUseCase, expectDomainError, type GroupFixture } from '../../support/use-case-fixture';

describeUseCase('decision clause style', (fx) => {
  const clauses = async (meetingId: string) => (await fx.repos.records.decisions(meetingId)).map((d) => d.clause);
  /** A group with the given style, refreshed as the next turn reads it. */
  const reread = async (g: GroupFixture): Promise<GroupFixture> => {
    const group = (await fx.repos.groups.findById(g.group.id))!;
    return { ...g, group, ctx: (minutes) => ({ ...g.ctx(minutes), group }) };
  };
  const printed = async (g: GroupFixture, meetingId: string) => {
    const doc = toProtokollDocument(await fx.run((repos) => loadMeetingRecord(repos, g.group, meetingId, at(200))), { status: 'utkast', version: 1, renderedAt: at(200) });
    return doc.paragraphs.flatMap((p) => p.content.flatMap((b) => (b.kind === 'decision' ? b.clauses.map((c) => `${c.marker} ${c.text}`) : [])));
  };

  it('beslutsstil numrerad: stored, and beslut keeps the clause as typed, answering with its number', async () => {
    let g = await fx.group();
    expect((await fx.run((repos) => setClauseStyle(repos, g.group, true))).text)
      .toBe('Beslutssatserna numreras nu: 1. Att …, 2. … Varje sats skrivs som den skrevs, med stor bokstav, och inget ”att” läggs till.');
    g = await reread(g);
    expect(g.group.numberedClauses).toBe(true);
    const meeting = await fx.runningMeeting(g, { items: ['Val av justerare'], joined: ['mats', 'carina', 'rebecca', 'anna'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    const first = await fx.run((repos) => addDecision(repos, g.ctx(6), 'att utse Rebecca Welander till justerare.'));
    const second = await fx.run((repos) => addDecision(repos, g.ctx(7), 'Justeringen sker digitalt senast den 3 maj klockan 12.00.'));
    expect(first.text).toBe('Beslut under punkt 3 Val av justerare: Samverkansgruppen beslutar: 1. Att utse Rebecca Welander till justerare.');
    expect(second.text).toBe('Beslut under punkt 3 Val av justerare: Samverkansgruppen beslutar: 2. Justeringen sker digitalt senast den 3 maj klockan 12.00.');
    expect(await clauses(meeting.id)).toEqual(['att utse Rebecca Welander till justerare.', 'Justeringen sker digitalt senast den 3 maj klockan 12.00.']);
    expect(await printed(g, meeting.id)).toEqual(['1. Att utse Rebecca Welander till justerare.', '2. Justeringen sker digitalt senast den 3 maj klockan 12.00.']);
  });

  it('in the att style beslut drops a typed att and the answer adds one', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'], joined: ['mats', 'carina', 'rebecca', 'anna'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    expect((await fx.run((repos) => addDecision(repos, g.ctx(6), 'Att anta budgeten.'))).text).toBe('Beslut under punkt 3 Budget 2024: Samverkansgruppen beslutar att anta budgeten.');
    expect(await clauses(meeting.id)).toEqual(['anta budgeten.']);
    await expectDomainError(fx.run((repos) => addDecision(repos, g.ctx(7), ' att ')), 'invalid-input', 'Beslutssatsen saknas. Skriv beslutet efter `beslut`.');
    expect(await clauses(meeting.id)).toEqual(['anta budgeten.']);
  });

  it('a change of style moves the clauses of the draft, and back; a justerat protokoll keeps its words', async () => {
    let g = await fx.group();
    const locked = await fx.runningMeeting(g, { items: ['Gammalt ärende'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    await fx.run((repos) => addDecision(repos, g.ctx(6), 'godkänna det gamla'));
    await fx.run((repos) => endMeeting(repos, g.ctx(20)));
    await fx.repos.meetings.update(g.group.id, locked.id, { status: 'justerat' });

    const draft = await fx.runningMeeting(g, { items: ['Budget 2024'] });
    await fx.run((repos) => goToItem(repos, g.ctx(25), 3, null));
    await fx.run((repos) => addDecision(repos, g.ctx(26), 'att anta budgeten'));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect(await clauses(draft.id)).toEqual(['anta budgeten']);

    await fx.run((repos) => setClauseStyle(repos, g.group, true));
    g = await reread(g);
    expect(await clauses(draft.id)).toEqual(['Att anta budgeten']);
    expect(await printed(g, draft.id)).toEqual(['1. Att anta budgeten']);
    expect(await clauses(locked.id)).toEqual(['godkänna det gamla']);

    // a clause typed in the numbered style without att keeps its words in the att style
    await fx.run((repos) => goToItem(repos, g.ctx(100), 3, null));
    await fx.run((repos) => addDecision(repos, g.ctx(101), 'Justeringen sker digitalt.'));
    // the same style again rewrites nothing
    await fx.run((repos) => setClauseStyle(repos, g.group, true));
    expect(await clauses(draft.id)).toEqual(['Att anta budgeten', 'Justeringen sker digitalt.']);

    await fx.run((repos) => setClauseStyle(repos, g.group, false));
    g = await reread(g);
    expect(g.group.numberedClauses).toBe(false);
    expect(await clauses(draft.id)).toEqual(['anta budgeten', 'Justeringen sker digitalt.']);
    expect(await printed(g, draft.id)).toEqual(['att anta budgeten', 'att Justeringen sker digitalt.']);
  });

  it('a change of style changes what the draft awaiting justering prints', async () => {
    let g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    await fx.run((repos) => addDecision(repos, g.ctx(6), 'anta budgeten'));
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.run((repos) => createDraft(repos, g.group, meeting.id, at(91), protokollDocuments));
    const before = protokollDocuments.contentDigest(await fx.run((repos) => loadMeetingRecord(repos, g.group, meeting.id, at(95))));
    await fx.run((repos) => setClauseStyle(repos, g.group, true));
    g = await reread(g);
    const after = protokollDocuments.contentDigest(await fx.run((repos) => loadMeetingRecord(repos, g.group, meeting.id, at(95))));
    expect(after).not.toBe(before);
  });
});

describeUseCase('recipients with commas in them', (fx) => {
  it('skickas till and sändlista keep a recipient with a comma whole, and answer with ; between them', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Budget 2024'] });
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    const names = ['Region Blekinge, hälso- och sjukvårdsförvaltningen', 'Ronneby kommun'];
    expect((await fx.run((repos) => setRecipients(repos, g.ctx(6), names))).text)
      .toBe('punkt 3 Budget 2024: Protokollet ska skickas till Region Blekinge, hälso- och sjukvårdsförvaltningen; Ronneby kommun.');
    expect((await fx.run((repos) => setDistributionList(repos, g.ctx(7), names))).text)
      .toBe('Sändlista för protokollet: Region Blekinge, hälso- och sjukvårdsförvaltningen; Ronneby kommun.');
    const item = (await fx.repos.agenda.list(meeting.id)).find((i) => i.number === 3)!;
    expect(item.recipients).toEqual(names);
    expect((await fx.repos.meetings.findById(g.group.id, meeting.id))!.distributionList).toEqual(names);
  });
});
