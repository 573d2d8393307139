/**
 * Opens the generated .docx in LibreOffice (a second, independent reader of Word files), converts
 * it to PDF and checks the text a reader sees, in order, with page numbers filled in from the
 * PAGE/NUMPAGES fields. Page images are kept in test-artifacts/documents/ to look at.
 * Needs `soffice`, `pdftotext` and `pdftoppm` (apt-get install libreoffice-writer-nogui poppler-utils).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderDocx } from '../../bot/src/documents/protokoll.docx';
import type { ProtokollDocument } from '../../bot/src/documents/protokoll.model';
import { approvedProtokollDocument, protokollDocument } from '../fixtures/protokoll-document.fixture';
import { docxToPdf, flattenSpaces as flatten, headingsEndingPages, keepPages as keepPagesIn, pagesWithoutNumber, requireDocumentTools } from '../support/libreoffice';
import { expectInOrder } from '../unit/documents/expect-order';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'documents');

/** The .docx → PDF through LibreOffice (see tests/support/libreoffice.ts). */
async function toPdf(doc: ProtokollDocument, directory: string, name: string): Promise<{ pdf: string; text: string }> {
  return docxToPdf(await renderDocx(doc), directory, name);
}

const keepPages = (pdf: string, name: string) => keepPagesIn(pdf, ARTIFACTS, name);

// The page checks the replays run on their PDFs (tests/bot/replay): shown here to fail on a page that
// ends with a heading, on a wrapped heading's last line, and on a page without its number.
describe('the page checks', () => {
  const pages = [
    'Header\nSammanträdesprotokoll\nNärvarande ledamöter:\n      Sida 1 av 3\n',
    'Header\n§ 15/25 Handlingsplan för psykisk hälsa\n2025–2027 (B)\nSida 2 av 3',
    'Header\n§ 16/25 Barn och unga\nText under rubriken.\nSida 3 av 3',
  ];
  it('names the pages whose last line is a heading or ends one', () => {
    expect(headingsEndingPages(pages, ['Närvarande ledamöter:', '§ 15/25 Handlingsplan för psykisk hälsa 2025–2027 (B)', '§ 16/25 Barn och unga'])).toEqual([
      'page 1: Närvarande ledamöter:', 'page 2: 2025–2027 (B)',
    ]);
  });
  it('lets the document end with a heading: on the last page it heads nothing that could be on a next one', () => {
    const ending = [...pages.slice(0, 2), 'Header\nText\n§ 17/25 Nästa sammanträde\nSida 3 av 3'];
    expect(headingsEndingPages(ending, ['§ 17/25 Nästa sammanträde', 'Närvarande ledamöter:'])).toEqual(['page 1: Närvarande ledamöter:']);
  });
  it('names the pages without Sida x av y', () => {
    expect(pagesWithoutNumber(pages)).toEqual([]);
    expect(pagesWithoutNumber([...pages, 'Header\nText'])).toEqual([1, 2, 3, 4]);
  });
});

describe('the .docx opened in LibreOffice', () => {
  let directory: string;

  beforeAll(() => {
    requireDocumentTools();
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-docx-'));
  });

  afterAll(() => {
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
  });

  it('shows the draft protokoll in order, with page header and Sida X av Y', async () => {
    const doc = protokollDocument();
    const { pdf, text } = await toPdf(doc, directory, 'protokoll-utkast');
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    const flat = flatten(text);
    expectInOrder(flat, [
      'Samverkansgrupp att åldras UTKAST · Version 1',
      'Sammanträdesprotokoll', 'Samverkansgrupp att åldras', '2021-01-18',
      'Ärendeförteckning', '1. Godkännande av dagordning (B)', '11. Uppföljning tillfälliga arbetsgrupper', 'a) Läkemedel avvikelser AG', '12. Övrigt',
      'Tid och plats: Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams',
      'Närvarande ledamöter:', 'Ordförande Mats Wennstig', 'André Jönsson, verksamhetschef Sölvesborgs kommun (del',
      'Frånvarande: Anna Hedlund, MAS Karlskrona kommun',
      'Övriga deltagare och', 'Sekreterare: Sandra Johansson, processledare LOS',
      'Justerare: Rebecca Welander', 'Paragrafer: 1 - 12', 'Plats och tid för justering: Digital justering senast 2021-01-25 kl. 16.00',
      'Underskrifter:', '……………', 'Mats Wennstig, Enheten för kvalitet och utveckling, Region Blekinge', 'Ordförande',
      ...doc.paragraphs.map((p) => `${p.label} ${p.title}`),
    ]);
    expectInOrder(flat, [
      '1. Godkännande av dagordning (B)', 'Samverkansgruppen beslutar', 'att godkänna för sammanträdet upprättad dagordning.',
      // the note typed after the decision, after the decision block, as in the original
      'Fråga om inställning av möte',
      '2. Föregående sammanträdesprotokoll (B)', 'att godkänna för 2020-12-07 upprättat sammanträdesprotokoll.',
      '3. Protokoll LSVO:s ledningsgrupp (I)', 'Föredragande: Mats Wennstig', '• FoU har tagit fram', 'Informationen tas till protokollet.',
      '5. Mobil närvård – aktuellt läge', 'att Helen skickar ut PPT', 'att Arbetsgrupp behöver startas', 'Åtgärder',
      '• Skicka ut PPT om mobil närvård – ansvarig: Helen Bjerstedt, senast 2021-01-25', 'Protokollet ska skickas till', 'Ledamöter',
      '9. Dokument i samverkan', 'Denna punkt tas upp vid nästa möte.',
      '11. Uppföljning tillfälliga arbetsgrupper', 'a) Läkemedel avvikelser AG', 'b) Sjukresor/färdtjänst AG', 'c) Utskrivningsprocessen AG',
      '12. Övrigt', 'a) När ställs möten in?', 'Protokollet ska skickas till', 'Ledamöter', 'LSVO', 'Föredragande',
    ]);
    pages.forEach((page, i) => {
      expect(flatten(page)).toContain(`Sida ${i + 1} av ${pages.length}`);
      expect(flatten(page)).toContain('Samverkansgrupp att åldras UTKAST · Version 1');
    });
    // the paragraphs start on a page of their own
    expect(pages.findIndex((page) => page.includes('Underskrifter:'))).toBeLessThan(pages.findIndex((page) => /1\. Godkännande av dagordning \(B\)\n/.test(page) && page.includes('Samverkansgruppen beslutar')));
    expect(await keepPages(pdf, 'protokoll-utkast')).toHaveLength(2);
  });

  it('shows the approved final with its digital approval and without UTKAST', async () => {
    const { pdf, text } = await toPdf(approvedProtokollDocument(), directory, 'protokoll-justerat');
    const flat = flatten(text);
    expect(flat).not.toContain('UTKAST');
    expectInOrder(flat, [
      'Samverkansgrupp att åldras Version 3', 'Sammanträdesprotokoll', 'Underskrifter:',
      'Justerat digitalt 2021-01-22 kl. 09.14', 'Mats Wennstig', 'Ordförande',
      'Justerat digitalt 2021-01-25 kl. 10.02', 'Rebecca Welander', 'Justerare', 'Justerad version: Version 2, SHA-256 9f2c6e0b',
    ]);
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    pages.forEach((page, i) => expect(flatten(page)).toContain(`Sida ${i + 1} av ${pages.length}`));
    expect(await keepPages(pdf, 'protokoll-justerat')).toHaveLength(2);
  });
});
