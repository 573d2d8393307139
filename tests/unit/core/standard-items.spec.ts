import type { StandardItemKind } from '../../../bot/src/core/model';
import { composeAgenda, headKinds, STANDARD_TITLES, standardKindOf, TAIL_KINDS, type OwnItemDraft } from '../../../bot/src/core/standard-items';
import type { CarriedItem } from '../../../bot/src/core/carry-over';

describe('standard items', () => {
  it.each<[boolean, string[]]>([
    [false, ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll']],
    [true, ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Val av justerare samt tid för justering']],
  ])('electsAdjuster %s: the head of the agenda is %j', (electsAdjuster, titles) => {
    expect(headKinds({ electsAdjuster }).map((k) => STANDARD_TITLES[k])).toEqual(titles);
  });

  it('every meeting ends with other business and then the next meeting', () => {
    expect(TAIL_KINDS.map((k) => STANDARD_TITLES[k])).toEqual(['Övriga frågor', 'Nästa sammanträde']);
  });

  it('every standard kind has exactly one place: head or tail', () => {
    const kinds = Object.keys(STANDARD_TITLES) as StandardItemKind[];
    const placed = [...headKinds({ electsAdjuster: true }), ...TAIL_KINDS];
    expect([...placed].sort()).toEqual([...kinds].sort());
    expect(new Set(placed).size).toBe(placed.length);
  });

  it('hands out a fresh list each time, so a caller cannot change the next agenda', () => {
    const first = headKinds({ electsAdjuster: false });
    first.push('next-meeting');
    expect(headKinds({ electsAdjuster: false })).toEqual(['approve-agenda', 'previous-minutes']);
  });

  it.each<[string, StandardItemKind | null]>([
    ['Godkännande av dagordning', 'approve-agenda'],
    ['Godkännande av dagordningen', 'approve-agenda'], // reference 002
    ['Godkännande av föredragningslista', 'approve-agenda'],
    ['  godkännande  av DAGORDNING: ', 'approve-agenda'],
    ['Föregående sammanträdesprotokoll', 'previous-minutes'],
    ['Föregående protokoll.', 'previous-minutes'],
    ['Val av justerare', 'elect-adjuster'],
    ['Övrigt', 'other-business'], // reference 000
    ['Övriga frågor', 'other-business'],
    ['O\u0308vriga fra\u030agor', 'other-business'], // ö and å typed with combining marks
    ['Nästa möte', 'next-meeting'],
    ['Nästa sammanträde', 'next-meeting'],
    ['Protokoll LSVO:s ledningsgrupp', null],
    ['Övriga frågor om VFU', null],
    ['Ovrigt', null], // o is not ö
    ['', null],
  ])('standardKindOf(%j) = %s', (title, kind) => {
    expect(standardKindOf(title)).toBe(kind);
  });
});

describe('composeAgenda', () => {
  // reference 000 (Samverkansgrupp att åldras, 2021-01-18), with its sections
  const own: OwnItemDraft[] = [
    { title: 'Protokoll LSVO:s ledningsgrupp', typeTag: 'I', presenters: ['Mats Wennstig'], section: 'INFORMATION, BEREDNING, DIALOG' },
    { title: 'Revidering av LSVO:S ledningssystem', typeTag: 'I/D/B', section: 'ÄRENDEN FÖR BESLUT', subPoints: ['Ledamöter i samverkansgrupp'] },
    { title: 'Uppföljning tillfälliga arbetsgrupper:', section: 'ÅTERKOPPLING', subPoints: ['Läkemedel avvikelser AG', 'Sjukresor/färdtjänst AG', 'Utskrivningsprocessen AG'] },
  ];
  const carried: CarriedItem[] = [
    { title: 'VFU-platser', typeTag: 'I', carriedFromItemId: 'item-vfu', subPoints: [] },
    { title: 'Uppföljning av åtgärder', typeTag: 'I', carriedFromItemId: null, subPoints: ['Ta fram reservrutin för Link (ansvarig Mats Wennstig, senast 2021-01-15)'] },
  ];
  const blank = { typeTag: null, standardKind: null, section: null, subPoints: [], carriedFromItemId: null, presenters: [] };

  it('puts the standard head first, then own items, carried-over items, Övriga frågor and Nästa sammanträde last', () => {
    expect(composeAgenda({ group: { electsAdjuster: true }, ownItems: own, carriedOver: carried })).toEqual([
      { ...blank, title: 'Godkännande av dagordning', standardKind: 'approve-agenda' },
      { ...blank, title: 'Föregående sammanträdesprotokoll', standardKind: 'previous-minutes' },
      { ...blank, title: 'Val av justerare samt tid för justering', standardKind: 'elect-adjuster' },
      { ...blank, title: 'Protokoll LSVO:s ledningsgrupp', typeTag: 'I', presenters: ['Mats Wennstig'], section: 'INFORMATION, BEREDNING, DIALOG' },
      { ...blank, title: 'Revidering av LSVO:S ledningssystem', typeTag: 'I/D/B', section: 'ÄRENDEN FÖR BESLUT', subPoints: ['Ledamöter i samverkansgrupp'] },
      { ...blank, title: 'Uppföljning tillfälliga arbetsgrupper:', section: 'ÅTERKOPPLING', subPoints: ['Läkemedel avvikelser AG', 'Sjukresor/färdtjänst AG', 'Utskrivningsprocessen AG'] },
      { ...blank, title: 'VFU-platser', typeTag: 'I', carriedFromItemId: 'item-vfu' },
      { ...blank, title: 'Uppföljning av åtgärder', typeTag: 'I', subPoints: ['Ta fram reservrutin för Link (ansvarig Mats Wennstig, senast 2021-01-15)'] },
      { ...blank, title: 'Övriga frågor', standardKind: 'other-business' },
      { ...blank, title: 'Nästa sammanträde', standardKind: 'next-meeting' },
    ]);
  });

  it.each<[string, boolean, OwnItemDraft[], CarriedItem[], string[]]>([
    ['an empty meeting still has the standard items', false, [], [],
      ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Övriga frågor', 'Nästa sammanträde']],
    ['no adjuster unless the group elects one', false, [{ title: 'Vårdplatsflöde' }], [],
      ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Vårdplatsflöde', 'Övriga frågor', 'Nästa sammanträde']],
    ['only carried-over items', true, [], [{ title: 'Dokument i samverkan', typeTag: 'D', carriedFromItemId: 'p9', subPoints: [] }],
      ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Val av justerare samt tid för justering', 'Dokument i samverkan', 'Övriga frågor', 'Nästa sammanträde']],
    ['standard items named in the invitation take their own slot, in their own words', false,
      [{ title: 'Övrigt' }, { title: 'Mobil närvård-aktuellt läge' }, { title: 'Godkännande av dagordningen' }, { title: 'Nästa möte' }], [],
      ['Godkännande av dagordningen', 'Föregående sammanträdesprotokoll', 'Mobil närvård-aktuellt läge', 'Övrigt', 'Nästa möte']],
    ['"Val av justerare" in the invitation puts it on the agenda', false, [{ title: 'Val av justerare' }, { title: 'VFU-platser' }], [],
      ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Val av justerare', 'VFU-platser', 'Övriga frågor', 'Nästa sammanträde']],
    ['a standard item named twice fills its slot once; the repeat stays an own item', false, [{ title: 'Övrigt' }, { title: 'Övriga frågor' }], [],
      ['Godkännande av dagordning', 'Föregående sammanträdesprotokoll', 'Övriga frågor', 'Övrigt', 'Nästa sammanträde']],
  ])('%s', (_title, electsAdjuster, ownItems, carriedOver, titles) => {
    expect(composeAgenda({ group: { electsAdjuster }, ownItems, carriedOver }).map((i) => i.title)).toEqual(titles);
  });

  it('"Övriga frågor" from the invitation keeps its sub-points and tag, but leaves its section', () => {
    const agenda = composeAgenda({
      group: { electsAdjuster: false },
      ownItems: [{ title: 'Övriga frågor', typeTag: 'I', section: 'ÅTERKOPPLING', subPoints: ['Fysiska möten för Samverkansgrupp att åldras våren 2025'], presenters: ['Anna-Karin Åkesson'] }],
      carriedOver: [],
    });
    expect(agenda[2]).toEqual({
      title: 'Övriga frågor', typeTag: 'I', standardKind: 'other-business', section: null,
      subPoints: ['Fysiska möten för Samverkansgrupp att åldras våren 2025'], carriedFromItemId: null, presenters: ['Anna-Karin Åkesson'],
    });
    expect(agenda.filter((i) => i.standardKind === 'other-business')).toHaveLength(1);
  });

  it('copies every list, so changing the agenda never changes the input', () => {
    const ownItems: OwnItemDraft[] = [{ title: 'Vårdplatsflöde', subPoints: ['a'], presenters: ['Carina Fransson'] }];
    const carriedOver: CarriedItem[] = [{ title: 'VFU-platser', typeTag: 'I', carriedFromItemId: 'p6', subPoints: ['b'] }];
    const agenda = composeAgenda({ group: { electsAdjuster: false }, ownItems, carriedOver });
    agenda.forEach((i) => { i.subPoints.push('x'); i.presenters.push('y'); });
    expect(ownItems[0]).toEqual({ title: 'Vårdplatsflöde', subPoints: ['a'], presenters: ['Carina Fransson'] });
    expect(carriedOver[0]!.subPoints).toEqual(['b']);
    expect(composeAgenda({ group: { electsAdjuster: false }, ownItems: [], carriedOver: [] })[0]!.subPoints).toEqual([]);
  });
});
