/**
 * The protokoll as a Word document (.docx), a pure function of the document model: the same
 * model always gives the same bytes (see docx-determinism.ts), so a SHA-256 of them is reproducible.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import type { ProtokollDocument } from './protokoll.model';
import { frontMatter } from './protokoll.docx.front';
import { paragraphSections } from './protokoll.docx.paragraphs';
import { CM, LANGUAGE, TEXT_WIDTH, numbering, styles } from './protokoll.docx.styles';
import { corePropertiesXml, fixZipTimestamps } from './docx-determinism';
import { SV, documentTitle, pageHeader } from './strings.sv';

const CREATOR = 'Protokoll';
const SMALL = 18; // 9 pt

function header(doc: ProtokollDocument): Header {
  const { left, right } = pageHeader(doc);
  return new Header({
    children: [new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
      children: [
        new TextRun({ text: left, size: SMALL }),
        new TextRun({ children: [new Tab(), right], size: SMALL, bold: doc.status !== 'justerat' }),
      ],
    })],
  });
}

/** `Sida 1 av 4`, with Word's PAGE and NUMPAGES fields. */
function footer(): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ size: SMALL, children: [`${SV.page} `, PageNumber.CURRENT, ` ${SV.of} `, PageNumber.TOTAL_PAGES] })],
    })],
  });
}

export function buildDocx(doc: ProtokollDocument): Document {
  return new Document({
    title: documentTitle(doc),
    creator: CREATOR,
    lastModifiedBy: CREATOR,
    styles,
    numbering,
    sections: [{
      properties: {
        page: {
          size: { width: 21 * CM, height: Math.round(29.7 * CM) },
          margin: { top: Math.round(2.5 * CM), bottom: 2 * CM, left: Math.round(2.5 * CM), right: Math.round(2.5 * CM), header: Math.round(1.2 * CM), footer: Math.round(1.0 * CM) },
        },
      },
      headers: { default: header(doc) },
      footers: { default: footer() },
      children: [...frontMatter(doc), ...paragraphSections(doc.paragraphs, doc.distributionList)],
    }],
  });
}

export async function renderDocx(doc: ProtokollDocument): Promise<Buffer> {
  const core = corePropertiesXml({ title: documentTitle(doc), creator: CREATOR, at: doc.createdAt, language: LANGUAGE });
  const zip = await Packer.toBuffer(buildDocx(doc), false, [{ path: 'docProps/core.xml', data: core }]);
  return fixZipTimestamps(zip, doc.createdAt);
}
