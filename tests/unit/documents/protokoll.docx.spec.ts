import { createHash } from 'node:crypto';
import { Packer } from 'docx';
import { buildDocx, renderDocx } from '../../../bot/src/documents/protokoll.docx';
import { renderHtml } from '../../../bot/src/documents/protokoll.html';
import type { ProtokollDocument } from '../../../bot/src/documents/protokoll.model';
import { approvedProtokollDocument, protokollDocument } from '../../fixtures/protokoll-document.fixture';
import { expectInOrder } from './expect-order';
import { sectioned } from './variants';
import { outline } from './outline';
import { readZip, wordText, zipText } from '../../support/zip-reader';

/** Runs `render` with the clock (Date only) set to `now`, to show what output depends on the clock. */
async function at<T>(now: string, render: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: new Date(now),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'],
  });
  try {
    return await render();
  } finally {
    jest.useRealTimers();
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('renderDocx', () => {
  let bytes: Buffer;
  let parts: ReturnType<typeof readZip>;
  let documentXml: string;

  beforeAll(async () => {
    bytes = await renderDocx(protokollDocument());
    parts = readZip(bytes);
    documentXml = zipText(parts, 'word/document.xml');
  });

  it('is a zip with the parts of a Word document', () => {
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/header1.xml', 'word/footer1.xml', 'docProps/core.xml']) {
      expect(parts.has(name)).toBe(true);
    }
    expect(zipText(parts, '[Content_Types].xml')).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
  });

  it('contains every part of the protokoll in the order of the reference minutes', () => {
    expectInOrder(wordText(documentXml), outline(protokollDocument()));
  });

  it('uses real Word styles: Title, Heading1 for paragraphs, Heading2 for sub-points, a bullet list definition', () => {
    const styleOf = (text: string) => {
      const paragraph = documentXml.split('</w:p>').find((p) => wordText(p).includes(text));
      return paragraph?.match(/<w:pStyle w:val="([^"]+)"\/>/)?.[1];
    };
    expect(styleOf('Sammanträdesprotokoll')).toBe('Title');
    expect(styleOf('Ärendeförteckning')).toBe('Heading1');
    expect(styleOf('5. Mobil närvård – aktuellt läge')).toBe('Heading1');
    expect(styleOf('a) Läkemedel avvikelser AG')).toBe('Heading2');
    expect(styleOf('Samverkansgruppen beslutar')).toBe('DecisionBody');
    const bullet = documentXml.split('</w:p>').find((p) => p.includes('FoU har tagit fram'))!;
    expect(bullet).toContain('<w:pStyle w:val="ListParagraph"/>');
    expect(bullet).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(wordText(documentXml)).not.toContain('•');
    const styles = zipText(parts, 'word/styles.xml');
    for (const id of ['Title', 'Heading1', 'Heading2', 'ListParagraph', 'DecisionBody', 'Clause', 'IndexEntry']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(styles).toContain('<w:lang w:val="sv-SE"/>');
    expect(zipText(parts, 'word/numbering.xml')).toMatch(/<w:numFmt w:val="bullet"\/><w:lvlText w:val="•"\/>/);
  });

  it('lays the attendance block out as a borderless two-column table', () => {
    const table = documentXml.slice(documentXml.indexOf('<w:tbl>'), documentXml.indexOf('</w:tbl>'));
    expect(table).toMatch(/<w:tblBorders><w:top w:val="none"/);
    expect(table.match(/<w:gridCol /g)).toHaveLength(2);
    expect(wordText(table)).toContain('Ordförande\nMats Wennstig, hälso- och sjukvårdsstrateg/processledare LOS\n');
    // a label on a row of its own spans both columns, so `Övriga deltagare och föredragande:` does not wrap
    const row = table.split('</w:tr>').find((r) => wordText(r).includes('Övriga deltagare och föredragande:'))!;
    expect(row).toContain('<w:gridSpan w:val="2"/>');
    expect(row.match(/<w:tc>/g)).toHaveLength(1);
  });

  it('puts the group name and UTKAST in the page header and Sida X av Y with PAGE and NUMPAGES in the footer', () => {
    expect(wordText(zipText(parts, 'word/header1.xml'))).toContain('Samverkansgrupp att åldras\tUTKAST · Version 1');
    const footer = zipText(parts, 'word/footer1.xml');
    expect(footer).toMatch(/Sida <\/w:t>.*PAGE.*> av <\/w:t>.*NUMPAGES/s);
  });

  it('writes the approved final without UTKAST, with the digital approval lines', async () => {
    const final = readZip(await renderDocx(approvedProtokollDocument()));
    expect(wordText(zipText(final, 'word/header1.xml'))).not.toContain('UTKAST');
    const text = wordText(zipText(final, 'word/document.xml'));
    expectInOrder(text, ['Underskrifter:', 'Justerat digitalt 2021-01-22 kl. 09.14', 'Mats Wennstig', 'Ordförande', '……', 'Sandra Johansson',
      'Justerat digitalt 2021-01-25 kl. 10.02', 'Rebecca Welander', 'Justerad version: Version 2, SHA-256 9f2c6e0b']);
  });

  it('writes section headings in the Ärendeförteckning and numbered clauses with their marker hanging', async () => {
    const xml = zipText(readZip(await renderDocx(sectioned())), 'word/document.xml');
    const section = xml.split('</w:p>').find((p) => wordText(p) === 'ÄRENDEN FÖR BESLUT')!;
    expect(section).toContain('<w:pStyle w:val="IndexSection"/>');
    expectInOrder(wordText(xml), ['INFORMATION, BEREDNING, DIALOG', '1.\tGodkännande av dagordning (B)', 'ÄRENDEN FÖR BESLUT', '5.\tMobil närvård',
      'LSVO beslutar\n1.\tAtt godkänna dagordningen.\n2.\tAtt utse Rebecca Welander till justerare.\n']);
    expect(wordText(xml)).not.toMatch(/beslutfört|beslutsför/i);
  });

  it('renders a protokoll with nothing recorded yet, in both forms', async () => {
    const empty: ProtokollDocument = {
      ...protokollDocument(), index: [], presentMembers: [], absentMembers: [], otherParticipants: [], secretary: null, adjusters: [],
      paragraphRange: null, approvalPlaceAndTime: null, signatures: [], paragraphs: [], distributionList: [],
    };
    const text = wordText(zipText(readZip(await renderDocx(empty)), 'word/document.xml'));
    expect(text).toBe('Sammanträdesprotokoll\nSamverkansgrupp att åldras\n2021-01-18\nÄrendeförteckning\nTid och plats:\nMåndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams\n');
    expect(renderHtml(empty)).toContain('<h2>Ärendeförteckning</h2><table class="facts">');
  });

  it('escapes user text in the XML', async () => {
    const doc: ProtokollDocument = { ...protokollDocument(), bodyName: `LSVO <script>alert("x")</script> & 'Co'` };
    const xml = zipText(readZip(await renderDocx(doc)), 'word/document.xml');
    expect(xml).toContain('LSVO &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(xml).not.toContain('<script>');
  });
});

describe('renderDocx determinism', () => {
  it('gives the same bytes for the same model, whatever the clock says', async () => {
    const first = await at('2030-06-01T12:00:00Z', () => renderDocx(protokollDocument()));
    const second = await at('2031-11-17T03:41:07Z', () => renderDocx(protokollDocument()));
    expect(sha256(second)).toBe(sha256(first));
    expect(second.equals(first)).toBe(true);
  });

  it('stamps core.xml and every zip entry with the model createdAt', async () => {
    const parts = readZip(await renderDocx(protokollDocument()));
    const core = zipText(parts, 'docProps/core.xml');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2021-01-20T08:30:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2021-01-20T08:30:00Z</dcterms:modified>');
    expect(core).toContain('<dc:language>sv-SE</dc:language>');
    const dosDate = ((2021 - 1980) << 9) | (1 << 5) | 20;
    const dosTime = (8 << 11) | (30 << 5);
    for (const entry of parts.values()) expect([entry.name, entry.dosDate, entry.dosTime]).toEqual([entry.name, dosDate, dosTime]);
  });

  it('is needed: docx alone writes the clock into core.xml and the zip entries', async () => {
    const first = await at('2030-06-01T12:00:00Z', () => Packer.toBuffer(buildDocx(protokollDocument())));
    const second = await at('2031-11-17T03:41:07Z', () => Packer.toBuffer(buildDocx(protokollDocument())));
    expect(first.equals(second)).toBe(false);
    expect(zipText(readZip(first), 'docProps/core.xml')).toContain('2030-06-01T12:00:00');
    // the document itself does not depend on the clock, nor on how many documents were built before
    expect(zipText(readZip(first), 'word/document.xml')).toBe(zipText(readZip(second), 'word/document.xml'));
    expect(zipText(readZip(first), 'word/document.xml')).not.toContain('w:bookmarkStart');
  });
});
