import { buildAgendaCard } from '../../../bot/src/cards/agenda.card';
import { Verbs } from '../../../bot/src/cards/verbs';
import { expectValidCard } from '../../support/adaptive-card-validator';
import { actionsOf, agendaView, elementsOf, ITEM_ID, MEETING_ID, textsOf } from './fixtures';

const LONG_TITLE = 'Lång rubrik om samverkan mellan region och kommuner i Blekinge län '.repeat(5).slice(0, 296);

describe('agenda card', () => {
  it('should build: title and date, sections, numbered paragraphs with type tags, sub-points, presenters, carried-over items', () => {
    const card = buildAgendaCard(agendaView());
    expectValidCard(card);
    const texts = textsOf(card);
    expect(texts[0]).toBe('Dagordning – Samverkansgrupp att åldras');
    expect(texts[1]).toBe('Fredag den 16 februari 2024 · Mötet pågår');
    expect(texts).toEqual(expect.arrayContaining([
      'INFORMATION, BEREDNING, DIALOG',
      'ÄRENDEN FÖR BESLUT',
      '§ 15 Godkännande av föredragningslista (I/D/B)',
      '▶ § 17 Vårdplatsflöde 2',
      'Föredragande: Mats Wennstig, Anna-Karin Åkesson',
      'a) Läkemedel avvikelser AG',
      'b) Sjukresor/färdtjänst AG (I/D)',
      'Från tidigare möte',
    ]));
    // a sub-point without a type tag gets none
    expect(texts.filter((t) => t.startsWith('a) Läkemedel'))).toEqual(['a) Läkemedel avvikelser AG']);
    // each section heading once, before its first paragraph
    expect(texts.filter((t) => t === 'ÄRENDEN FÖR BESLUT')).toHaveLength(1);
    expect(texts.indexOf('ÄRENDEN FÖR BESLUT')).toBeLessThan(texts.findIndex((t) => t.startsWith('§ 18')));
  });

  it('highlights the current paragraph', () => {
    const card = buildAgendaCard(agendaView());
    const highlighted = elementsOf(card).filter((e) => e.type === 'Container' && e.style === 'emphasis');
    expect(highlighted).toHaveLength(1);
    expect((highlighted[0]!.items as any[])[0]).toMatchObject({ text: '▶ § 17 Vårdplatsflöde 2', weight: 'Bolder' });
  });

  it('highlights a current sub-point and its paragraph', () => {
    const view = agendaView();
    view.entries[2]!.current = false;
    view.entries[3]!.subPoints[1]!.current = true;
    const texts = textsOf(buildAgendaCard(view));
    expect(texts).toContain('▶ b) Sjukresor/färdtjänst AG (I/D)');
    expect(texts).not.toContain('▶ § 17 Vårdplatsflöde 2');
  });

  it('has an Uppdatera button carrying the meeting and sending no inputs', () => {
    expect(actionsOf(buildAgendaCard(agendaView()))).toEqual([
      { type: 'Action.Execute', title: 'Uppdatera', verb: Verbs.refreshAgenda, data: { meetingId: MEETING_ID }, associatedInputs: 'none' },
    ]);
  });

  it('says so when the agenda is empty', () => {
    expect(textsOf(buildAgendaCard(agendaView(0)))).toContain('Dagordningen är tom. Lägg till punkter med ny punkt följt av rubriken.');
  });

  it('with 60 paragraphs of the longest titles stays under 28 KB and valid', () => {
    const view = agendaView(60, LONG_TITLE);
    for (const entry of view.entries) entry.presenters = ['Anna-Karin Åkesson', 'Carina Ingemansson'];
    const card = buildAgendaCard(view);
    const result = expectValidCard(card);
    expect(result.bytes).toBeLessThan(28 * 1024);
    expect(textsOf(card).join('\n')).toMatch(/… och \d+ punkter till/);
  });

  it('cuts a long agenda at the end, saying how many were left out', () => {
    const card = buildAgendaCard(agendaView(120, LONG_TITLE));
    expectValidCard(card);
    const texts = textsOf(card);
    const shown = texts.filter((t) => /^(▶ )?§ \d+/.test(t)).length;
    expect(texts).toContain(`… och ${120 - shown} punkter till. Hela dagordningen finns i fliken.`);
    expect(texts.some((t) => t.startsWith('▶ § 17'))).toBe(true);
  });

  it('keeps a current paragraph late in a long agenda in view', () => {
    const view = agendaView(120, LONG_TITLE);
    view.entries[2]!.current = false;
    view.entries[100]!.current = true;
    const card = buildAgendaCard(view);
    expectValidCard(card);
    const texts = textsOf(card);
    const before = Number(/^… (\d+) punkter före$/.exec(texts[2]!)?.[1]);
    expect(before).toBeGreaterThan(50);
    expect(texts).toContain(`▶ § 115 ${LONG_TITLE} 100`);
    const shown = texts.filter((t) => /^(▶ )?§ \d+/.test(t)).length;
    const after = Number(/^… och (\d+) punkter till/.exec(texts.find((t) => t.startsWith('… och')) ?? '… och 0 punkter till')?.[1]);
    expect(before + shown + after).toBe(120);
  });

  it('cuts a single over-long title for display', () => {
    const view = agendaView(1);
    view.entries[0]!.title = 'x'.repeat(5000);
    const title = textsOf(buildAgendaCard(view)).find((t) => t.startsWith('§ 15'))!;
    expect(title.length).toBeLessThan(320);
    expect(title).toContain('…');
  });

  it('does not use the item ids it is given for anything a user sees', () => {
    expect(JSON.stringify(buildAgendaCard(agendaView()))).not.toContain(ITEM_ID);
  });
});
