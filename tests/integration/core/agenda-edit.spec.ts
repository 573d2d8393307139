/**
 * `ny punkt`, `underpunkt`, `avsnitt`, `ändra punkt` and `ta bort punkt` called directly on a real
 * store: where items land, how they are numbered, and the Swedish answers and refusals. After the
 * meeting, `underpunkt`, `ändra punkt` and `ta bort punkt` correct the draft; `ny punkt` goes to the
 * next meeting and says which.
 */
import { addItem, addSubPoint, removeItem, renameItem, setSection } from '../../../bot/src/core/use-cases/agenda-edit';
import { endMeeting, goToItem } from '../../../bot/src/core/use-cases/meeting-flow';
import { openMeetingFor } from '../../../bot/src/core/use-cases/open-meeting';
import { at, describeUseCase, expectDomainError, type GroupFixture } from '../../support/use-case-fixture';

describeUseCase('agenda edits', (fx) => {
  it('ny punkt: own items go between the standard head and tail, numbered in order', async () => {
    const g = await fx.group();
    const first = await fx.run((repos) => addItem(repos, g.ctx(-60), 'Vårdplatsflöde', 'I/D'));
    const second = await fx.run((repos) => addItem(repos, g.ctx(-59), 'Budget 2024', null));
    expect(first.text).toBe('Punkt 3 Vårdplatsflöde (I/D) är tillagd på dagordningen.');
    expect(second.text).toBe('Punkt 4 Budget 2024 är tillagd på dagordningen.');
    const [meeting] = await fx.meetings(g);
    expect(meeting!.status).toBe('planerat');
    expect(await fx.agenda(meeting!.id)).toEqual([
      [1, 'Godkännande av dagordning'], [2, 'Föregående sammanträdesprotokoll'], [3, 'Vårdplatsflöde'], [4, 'Budget 2024'],
      [5, 'Övriga frågor'], [6, 'Nästa sammanträde'],
    ]);
    expect((await fx.repos.agenda.list(meeting!.id)).find((i) => i.title === 'Vårdplatsflöde')).toMatchObject({ typeTag: 'I/D', section: null, outcome: 'open' });
  });

  it.each([
    ['year', 15, '§ 17 Vårdplatsflöde är tillagd på dagordningen.'],
    ['year-suffix', 15, '§ 17/24 Vårdplatsflöde är tillagd på dagordningen.'],
    ['meeting-paren', null, 'Punkt 3 Vårdplatsflöde är tillagd på dagordningen.'],
  ] as const)('numbering %s (start %s) → %s', async (style, start, text) => {
    const g = await fx.group({ numberingStyle: style, numberingStart: start, numberingStartYear: start === null ? null : 2024 });
    expect((await fx.run((repos) => addItem(repos, g.ctx(-59), 'Vårdplatsflöde', null))).text).toBe(text);
    expect((await fx.agenda((await fx.meetings(g))[0]!.id)).map(([n]) => n)).toEqual(start === null ? [1, 2, 3, 4, 5] : [15, 16, 17, 18, 19]);
  });

  it('avsnitt: items added after it carry the section, and the answer names it', async () => {
    const g = await fx.group();
    await fx.run((repos) => addItem(repos, g.ctx(-60), 'Information från regionen', 'I'));
    expect((await fx.run((repos) => setSection(repos, g.ctx(-59), 'ÄRENDEN FÖR BESLUT'))).text)
      .toBe('Avsnittet ÄRENDEN FÖR BESLUT är påbörjat: punkter som läggs till nu hamnar under det.');
    expect((await fx.run((repos) => addItem(repos, g.ctx(-58), 'Budget 2024', 'D'))).text)
      .toBe('Punkt 4 Budget 2024 (D) är tillagd på dagordningen under avsnittet ÄRENDEN FÖR BESLUT.');
    const items = await fx.repos.agenda.list((await fx.meetings(g))[0]!.id);
    expect(items.filter((i) => i.standardKind === null).map((i) => [i.title, i.section])).toEqual([
      ['Information från regionen', null], ['Budget 2024', 'ÄRENDEN FÖR BESLUT'],
    ]);
  });

  it('underpunkt: before the meeting under the last own item; during it under the current paragraph', async () => {
    const g = await fx.group();
    await fx.plan(g, ['Vårdplatsflöde', 'Budget 2024']);
    expect((await fx.run((repos) => addSubPoint(repos, g.ctx(-50), 'Investeringar'))).text).toBe('Underpunkten punkt 4 a) Investeringar är tillagd under Budget 2024.');
    expect((await fx.run((repos) => addSubPoint(repos, g.ctx(-49), 'Drift'))).text).toBe('Underpunkten punkt 4 b) Drift är tillagd under Budget 2024.');
    const meeting = await fx.runningMeeting(g);
    await fx.run((repos) => goToItem(repos, g.ctx(5), 3, null));
    expect((await fx.run((repos) => addSubPoint(repos, g.ctx(6), 'Läkemedel'))).text).toBe('Underpunkten punkt 3 a) Läkemedel är tillagd under Vårdplatsflöde.');
    // standing on a sub-point, the next one goes under its paragraph
    await fx.run((repos) => goToItem(repos, g.ctx(7), 4, 1));
    expect((await fx.run((repos) => addSubPoint(repos, g.ctx(8), 'Lokaler'))).text).toBe('Underpunkten punkt 4 c) Lokaler är tillagd under Budget 2024.');
    expect(await fx.agenda(meeting.id)).toEqual([
      [1, 'Godkännande av dagordning'], [2, 'Föregående sammanträdesprotokoll'], [3, 'Vårdplatsflöde'], [null, 'Läkemedel'],
      [4, 'Budget 2024'], [null, 'Investeringar'], [null, 'Drift'], [null, 'Lokaler'], [5, 'Övriga frågor'], [6, 'Nästa sammanträde'],
    ]);
  });

  it('underpunkt with no own item yet: invalid, nothing added', async () => {
    const g = await fx.group();
    await expectDomainError(fx.run((repos) => addSubPoint(repos, g.ctx(-50), 'Läkemedel')), 'invalid-input',
      'Det finns ingen punkt att lägga underpunkten under. Lägg först till en punkt med `ny punkt <titel>`.');
    expect(await fx.meetings(g)).toEqual([]); // the new planned meeting was rolled back with the refusal
  });

  it('ändra punkt: renames (and retags) by number; an unknown number lists the range', async () => {
    const g = await fx.group();
    await fx.plan(g, [['Vårdplatsflöde', 'I']]);
    expect((await fx.run((repos) => renameItem(repos, g.ctx(-40), 3, 'Vårdplatser i länet'))).text).toBe('Punkt 3 heter nu Vårdplatser i länet (I) (tidigare Vårdplatsflöde).');
    expect((await fx.run((repos) => renameItem(repos, g.ctx(-39), 3, 'Vårdplatser', 'I/D'))).text).toBe('Punkt 3 heter nu Vårdplatser (I/D) (tidigare Vårdplatser i länet).');
    await expectDomainError(fx.run((repos) => renameItem(repos, g.ctx(-38), 9, 'X')), 'not-found',
      'Det finns ingen punkt 9 på dagordningen (den har punkt 1–punkt 5). Skriv `dagordning` för att se numren.');
    const item = (await fx.repos.agenda.list((await fx.meetings(g))[0]!.id)).find((i) => i.number === 3)!;
    expect(item).toMatchObject({ title: 'Vårdplatser', typeTag: 'I/D' });
  });

  it('ta bort punkt: removes the item with its sub-points, and the numbers close up', async () => {
    const g = await fx.group();
    await fx.plan(g, [['Vårdplatsflöde', null, ['Läkemedel']], 'Budget 2024']);
    const answer = await fx.run((repos) => removeItem(repos, g.ctx(-30), 3, false));
    expect(answer).toEqual({ text: 'Punkt 3 Vårdplatsflöde är borttagen. Punkterna efter har numrerats om.' });
    expect(await fx.agenda((await fx.meetings(g))[0]!.id)).toEqual([
      [1, 'Godkännande av dagordning'], [2, 'Föregående sammanträdesprotokoll'], [3, 'Budget 2024'], [4, 'Övriga frågor'], [5, 'Nästa sammanträde'],
    ]);
    await expectDomainError(fx.run((repos) => removeItem(repos, g.ctx(-29), 6, true)), 'not-found',
      'Det finns ingen punkt 6 på dagordningen (den har punkt 1–punkt 5). Skriv `dagordning` för att se numren.');
  });

  it('ta bort punkt with something recorded asks first; the current paragraph is refused even when confirmed', async () => {
    const g = await fx.group();
    const meeting = await fx.runningMeeting(g, { items: ['Vårdplatsflöde', 'Budget 2024'] });
    const items = await fx.repos.agenda.list(meeting.id);
    const vard = items.find((i) => i.number === 3)!;
    await fx.repos.records.addNote(meeting.id, { itemId: vard.id, text: 'Anteckning', createdAt: g.ctx(2).at });
    await fx.repos.records.addDecision(meeting.id, { itemId: vard.id, clause: 'godkänna', quorate: true, createdAt: g.ctx(3).at });
    const asked = await fx.run((repos) => removeItem(repos, g.ctx(4), 3, false));
    expect(asked).toEqual({
      text: 'Punkt 3 Vårdplatsflöde har 2 registrerade anteckningar, beslut eller åtgärder. Bekräfta om den ska tas bort ändå.',
      data: { meetingId: meeting.id, itemId: vard.id, reference: 'punkt 3', title: 'Vårdplatsflöde', recordedCount: 2 },
    });
    expect((await fx.repos.agenda.list(meeting.id)).map((i) => i.id)).toContain(vard.id);

    await fx.run((repos) => goToItem(repos, g.ctx(5), 4, null));
    await expectDomainError(fx.run((repos) => removeItem(repos, g.ctx(6), 4, true)), 'locked', 'Mötet står på punkt 4. Gå till en annan punkt innan du tar bort den.');
    expect((await fx.run((repos) => removeItem(repos, g.ctx(7), 3, true))).text).toBe('Punkt 3 Vårdplatsflöde är borttagen. Punkterna efter har numrerats om.');
    expect(await fx.repos.records.notes(meeting.id)).toEqual([]);
    expect((await fx.agenda(meeting.id)).map(([n]) => n)).toEqual([1, 2, 3, 4, 5]);
  });

  it('after the meeting has ended, ny punkt goes to a new planned meeting', async () => {
    const g = await fx.group();
    const held = await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    expect((await fx.run((repos) => addItem(repos, g.ctx(120), 'Uppföljning', null))).text).toBe('Punkt 3 Uppföljning är tillagd på dagordningen för nästa möte.');
    const meetings = await fx.meetings(g);
    expect(meetings.map((m) => m.status).sort()).toEqual(['planerat', 'utkast']);
    expect((await fx.agenda(held.id)).map(([, title]) => title)).not.toContain('Uppföljning');
  });

  it('after the meeting, ny punkt names the next meeting by its date when it has one', async () => {
    const g = await fx.group();
    await fx.runningMeeting(g, { items: ['Vårdplatsflöde'] });
    await fx.run((repos) => endMeeting(repos, g.ctx(90)));
    await fx.run((repos) => openMeetingFor(repos, g.group, at(100), { startsAt: '2024-03-18T12:00:00.000Z', endsAt: '2024-03-18T15:00:00.000Z' }));
    expect((await fx.run((repos) => addItem(repos, g.ctx(120), 'Uppföljning', 'I'))).text)
      .toBe('Punkt 3 Uppföljning (I) är tillagd på dagordningen för mötet 2024-03-18.');
  });

  it('before the meeting, with no draft waiting, ny punkt names no meeting', async () => {
    const g = await fx.group();
    const answer = await fx.run((repos) => addItem(repos, g.ctx(-60), 'Vårdplatsflöde', null));
    expect(answer.text).toBe('Punkt 3 Vårdplatsflöde är tillagd på dagordningen.');
    expect(answer.text).not.toMatch(/nästa möte|för mötet|protokollutkast/);
  });

  it('underpunkt takes a type tag, printed in the answer and kept on the sub-point', async () => {
    const g = await fx.group();
    await fx.plan(g, ['Budget 2024']);
    expect((await fx.run((repos) => addSubPoint(repos, g.ctx(-50), 'Investeringar', 'I/B'))).text)
      .toBe('Underpunkten punkt 3 a) Investeringar (I/B) är tillagd under Budget 2024.');
    expect((await fx.run((repos) => addSubPoint(repos, g.ctx(-49), 'Drift'))).text).toBe('Underpunkten punkt 3 b) Drift är tillagd under Budget 2024.');
    const items = await fx.repos.agenda.list((await fx.meetings(g))[0]!.id);
    expect(items.filter((i) => i.parentId !== null).map((i) => [i.title, i.typeTag])).toEqual([['Investeringar', 'I/B'], ['Drift', null]]);
  });

  describe('after the meeting: the draft is corrected, not the next agenda', () => {
    /** A held meeting (own items 3 and 4) whose draft is being completed, and a next meeting already planned. */
    async function draftAndNext(settings = {}): Promise<{ g: GroupFixture; draftId: string; nextId: string }> {
      const g = await fx.group(settings);
      const held = await fx.runningMeeting(g, { items: ['Vårdplatsflöde', 'Budget 2024'] });
      await fx.run((repos) => endMeeting(repos, g.ctx(90)));
      await fx.run((repos) => addItem(repos, g.ctx(100), 'Nästa mötes ärende', null));
      const next = (await fx.meetings(g)).find((m) => m.status === 'planerat')!;
      return { g, draftId: held.id, nextId: next.id };
    }

    it('ändra punkt renames the draft’s item and says so', async () => {
      const { g, draftId, nextId } = await draftAndNext();
      const before = await fx.agenda(nextId);
      expect((await fx.run((repos) => renameItem(repos, g.ctx(110), 3, 'Vårdplatser i länet', 'I'))).text)
        .toBe('Punkt 3 heter nu Vårdplatser i länet (I) i protokollutkastet (tidigare Vårdplatsflöde).');
      expect((await fx.agenda(draftId))[2]).toEqual([3, 'Vårdplatser i länet']);
      expect(await fx.agenda(nextId)).toEqual(before);
    });

    it('underpunkt goes under the draft’s chosen paragraph, with its tag; without one it asks for it', async () => {
      const { g, draftId, nextId } = await draftAndNext();
      await expectDomainError(fx.run((repos) => addSubPoint(repos, g.ctx(110), 'Delrapport', 'I')), 'conflict',
        'Välj först vilken punkt i utkastet underpunkten ska ligga under: skriv `punkt <nr>`.');
      await fx.run((repos) => goToItem(repos, g.ctx(111), 4, null));
      expect((await fx.run((repos) => addSubPoint(repos, g.ctx(112), 'Delrapport', 'I'))).text)
        .toBe('Underpunkten punkt 4 a) Delrapport (I) är tillagd under Budget 2024 i protokollutkastet.');
      expect(await fx.agenda(draftId)).toContainEqual([null, 'Delrapport']);
      expect((await fx.agenda(nextId)).map(([, title]) => title)).not.toContain('Delrapport');
    });

    it('ta bort punkt removes the draft’s item; the paragraph chosen for edits goes with it', async () => {
      const { g, draftId, nextId } = await draftAndNext();
      await fx.run((repos) => goToItem(repos, g.ctx(110), 3, null));
      expect((await fx.run((repos) => removeItem(repos, g.ctx(111), 3, false))).text)
        .toBe('Punkt 3 Vårdplatsflöde är borttagen ur protokollutkastet. Punkterna efter har numrerats om.');
      expect(await fx.agenda(draftId)).toEqual([
        [1, 'Godkännande av dagordning'], [2, 'Föregående sammanträdesprotokoll'], [3, 'Budget 2024'], [4, 'Övriga frågor'], [5, 'Nästa sammanträde'],
      ]);
      expect((await fx.repos.meetings.findById(g.group.id, draftId))!.currentItemId).toBeNull();
      expect((await fx.agenda(nextId)).map(([, title]) => title)).toContain('Nästa mötes ärende');
    });

    it('ta bort punkt with something recorded in the draft asks first, naming the draft', async () => {
      const { g, draftId } = await draftAndNext();
      const vard = (await fx.repos.agenda.list(draftId)).find((i) => i.number === 3)!;
      await fx.repos.records.addNote(draftId, { itemId: vard.id, text: 'Anteckning', createdAt: at(30) });
      expect(await fx.run((repos) => removeItem(repos, g.ctx(110), 3, false))).toEqual({
        text: 'Punkt 3 Vårdplatsflöde i protokollutkastet har 1 registrerade anteckningar, beslut eller åtgärder. Bekräfta om den ska tas bort ändå.',
        data: { meetingId: draftId, itemId: vard.id, reference: 'punkt 3', title: 'Vårdplatsflöde', recordedCount: 1 },
      });
      // the confirmation card names the draft: it removes from the draft, and from no other meeting
      await expectDomainError(fx.run((repos) => removeItem(repos, g.ctx(111), 3, true, '00000000-0000-4000-8000-000000000000')), 'conflict',
        'Kortet hör till ett möte som inte pågår längre. Skriv kommandot i chatten i stället.');
      expect((await fx.agenda(draftId)).map(([, title]) => title)).toContain('Vårdplatsflöde');
      expect((await fx.run((repos) => removeItem(repos, g.ctx(112), 3, true, draftId))).text).toMatch(/borttagen ur protokollutkastet/);
      expect(await fx.repos.records.notes(draftId)).toEqual([]);
    });

    it('with yearly numbering the draft keeps its first number, and the next meeting follows on', async () => {
      const { g, draftId, nextId } = await draftAndNext({ numberingStyle: 'year', numberingStart: 15, numberingStartYear: 2024 });
      expect((await fx.agenda(draftId)).map(([n]) => n)).toEqual([15, 16, 17, 18, 19, 20]);
      expect((await fx.agenda(nextId)).filter(([n]) => n !== null).map(([n]) => n)).toEqual([21, 22, 23, 24, 25]);
      expect((await fx.run((repos) => removeItem(repos, g.ctx(110), 17, false))).text)
        .toBe('§ 17 Vårdplatsflöde är borttagen ur protokollutkastet. Punkterna efter har numrerats om.');
      expect((await fx.agenda(draftId)).map(([n]) => n)).toEqual([15, 16, 17, 18, 19]);
      expect((await fx.agenda(nextId)).filter(([n]) => n !== null).map(([n]) => n)).toEqual([20, 21, 22, 23, 24]);
      // the first paragraph goes: the rest close up from the same number
      await fx.run((repos) => removeItem(repos, g.ctx(111), 15, false));
      expect((await fx.agenda(draftId)).map(([n]) => n)).toEqual([15, 16, 17, 18]);
      expect((await fx.agenda(nextId)).filter(([n]) => n !== null).map(([n]) => n)).toEqual([19, 20, 21, 22, 23]);
    });

    it('a justerat protokoll is corrected no more: the next meeting’s agenda is', async () => {
      const { g, draftId, nextId } = await draftAndNext();
      await fx.repos.meetings.update(g.group.id, draftId, { status: 'justerat' });
      expect((await fx.run((repos) => renameItem(repos, g.ctx(110), 3, 'Nytt namn'))).text).toBe('Punkt 3 heter nu Nytt namn (tidigare Nästa mötes ärende).');
      expect((await fx.agenda(nextId))[2]).toEqual([3, 'Nytt namn']);
      expect((await fx.agenda(draftId))[2]).toEqual([3, 'Vårdplatsflöde']);
    });
  });
});
