/**
 * Invitations as secretaries write them (Outlook HTML with Teams' join block appended, or plain
 * text) → the meeting's own agenda items, with type tags, sub-points, presenters and sections.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseEventAgenda } from '../../../bot/src/core/event-agenda-parser';
import { bodyLines } from '../../../bot/src/core/html-lines';

const calendarPage = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/graph/calendarview-page1.json'), 'utf8'));
const html = (content: string) => ({ contentType: 'html' as const, content });
const text = (content: string) => ({ contentType: 'text' as const, content });
const titles = (body: Parameters<typeof parseEventAgenda>[0]) => parseEventAgenda(body).map((i) => i.title);

describe('parseEventAgenda', () => {
  it('reads the Outlook invitation of the Graph fixture: list items, tags, nested sub-points, presenters, and stops at the Teams block', () => {
    const items = parseEventAgenda(calendarPage.value[0].body);
    expect(items).toEqual([
      { title: 'Godkännande av dagordning', typeTag: null, section: null, subPoints: [], presenters: [] },
      { title: 'Föregående sammanträdesprotokoll', typeTag: null, section: null, subPoints: [], presenters: [] },
      { title: 'Rapport från vårdplatsgruppen', typeTag: 'I', section: null, subPoints: [], presenters: ['Mats Wennstig'] },
      { title: 'Budget 2025', typeTag: 'B', section: null, subPoints: ['Region Blekinge', 'Kommunerna'], presenters: ['Anna-Karin Åkesson', 'Carina Fransson'] },
      { title: 'Mobil närvård', typeTag: 'I/D/B', section: null, subPoints: [], presenters: [] },
      { title: 'Övriga frågor', typeTag: null, section: null, subPoints: [], presenters: [] },
    ]);
  });

  it.each([
    ['numbered lines', '1. Budget (B)\n2) Vårdplatser\n§ 3 Läkemedel (I/D)', ['Budget', 'Vårdplatser', 'Läkemedel']],
    ['bullets', '- Budget\n• Vårdplatser\n* Läkemedel', ['Budget', 'Vårdplatser', 'Läkemedel']],
    ['tag-only lines among prose', 'Hej alla!\nBudget 2025 (B)\nVälkomna.\nVårdplatser (i / d)', ['Budget 2025', 'Vårdplatser']],
    ['prose only', 'Hej!\nVälkomna till mötet.\nMvh Sandra', []],
    ['nothing after the Teams block', '1. Budget\n________________\nMicrosoft Teams meeting\n2. Not an item', ['Budget']],
  ])('plain text: %s', (_name, content, expected) => {
    expect(titles(text(content))).toEqual(expected);
  });

  it('sub-points a) b) belong to the item before them; tags are canonical', () => {
    expect(parseEventAgenda(text('1. Rapporter (b/i)\na) Region Blekinge\nb) Kommunerna\n2. Övrigt'))).toEqual([
      { title: 'Rapporter', typeTag: 'I/B', section: null, subPoints: ['Region Blekinge', 'Kommunerna'], presenters: [] },
      { title: 'Övrigt', typeTag: null, section: null, subPoints: [], presenters: [] },
    ]);
  });

  it('capital lines are sections for the items after them, but "DAGORDNING" is not', () => {
    const items = parseEventAgenda(html('<p>DAGORDNING</p><p>INFORMATION, BEREDNING, DIALOG</p><ol><li>Läget i vården (I)</li></ol><p>ÄRENDEN FÖR BESLUT</p><ol><li>Budget (B)</li></ol>'));
    expect(items.map((i) => [i.title, i.section])).toEqual([
      ['Läget i vården', 'INFORMATION, BEREDNING, DIALOG'],
      ['Budget', 'ÄRENDEN FÖR BESLUT'],
    ]);
  });

  it('presenters on their own line or in parentheses', () => {
    const items = parseEventAgenda(html('<ol><li>Budget (Föredragande: Mats Wennstig) (B)</li></ol><p>Föredragande: Anna Berg och Bo Ek</p>'));
    expect(items).toEqual([{ title: 'Budget', typeTag: 'B', section: null, subPoints: [], presenters: ['Mats Wennstig', 'Anna Berg', 'Bo Ek'] }]);
  });

  it('keeps names exactly, decodes entities, and never lets markup into a title', () => {
    const items = parseEventAgenda(html('<ul><li>F&ouml;rb&auml;ttring &amp; &#197;tg&#xE4;rder f&ouml;r <b>Anna-Karin</b> &lt;script&gt;</li></ul>'));
    expect(items.map((i) => i.title)).toEqual(['Förbättring & Åtgärder för Anna-Karin <script>']);
  });

  it('caps the number of items from a pasted document', () => {
    const content = Array.from({ length: 500 }, (_, i) => `${i + 1}. Punkt ${i + 1}`).join('\n');
    expect(parseEventAgenda(text(content))).toHaveLength(100);
  });
});

describe('bodyLines', () => {
  it('gives list depth and drops head and style', () => {
    expect(bodyLines(html('<html><head><style>p{}</style></head><body><p>Intro</p><ol><li><p>A</p><ul><li>A1</li></ul></li><li>B</li></ol></body></html>'))).toEqual([
      { text: 'Intro', depth: 0 }, { text: 'A', depth: 1 }, { text: 'A1', depth: 2 }, { text: 'B', depth: 1 },
    ]);
  });
});
