/**
 * The first page of the Word document: title, body, date, Ärendeförteckning, the attendance block
 * (a borderless two-column table, as the reference minutes lay it out) and Underskrifter.
 */
import {
  HeadingLevel,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { IndexSection, ProtokollDocument } from './protokoll.model';
import { factRows, type FactRow } from './protokoll.layout';
import { CM, LABEL_WIDTH, STYLE, TEXT_WIDTH } from './protokoll.docx.styles';
import { SV, approvalChecksumLine, approvedAtLine, label, signatureNameLine } from './strings.sv';

const withTag = (title: string, typeTag: string | null) => (typeTag ? `${title} ${typeTag}` : title);

/**
 * How far the titles stand from the labels: the style's 1.3 cm fits `§ 15` and `1.`, not `§ 12/25`,
 * whose title would run into its label; about 0.25 cm per character of the longest label, plus a gap.
 */
function labelColumn(sections: readonly IndexSection[]): number {
  const longest = Math.max(0, ...sections.flatMap((s) => s.entries.map((e) => e.label.length)));
  return Math.max(Math.round(1.3 * CM), Math.round((longest * 0.25 + 0.3) * CM));
}

/** `§ 15<tab>Godkännande av föredragningslista (B)`: the label hangs, the title wraps under itself. */
function indexParagraphs(sections: readonly IndexSection[]): Paragraph[] {
  const column = labelColumn(sections);
  const entryIndent = { left: column, hanging: column };
  const subIndent = { left: column + Math.round(0.8 * CM), hanging: Math.round(0.8 * CM) };
  return sections.flatMap((section) => [
    ...(section.heading ? [new Paragraph({ style: STYLE.indexSection, text: section.heading })] : []),
    ...section.entries.flatMap((entry) => [
      new Paragraph({
        style: STYLE.indexEntry,
        indent: entryIndent,
        children: [new TextRun({ children: [entry.label, new Tab(), withTag(entry.title, entry.typeTag)] })],
      }),
      ...entry.subPoints.map((sub) => new Paragraph({
        style: STYLE.indexSubEntry,
        indent: subIndent,
        children: [new TextRun({ children: [sub.label, new Tab(), withTag(sub.title, sub.typeTag)] })],
      })),
    ]),
  ]);
}

function factCell(text: string, width: number, bold: boolean, spaceAbove: boolean, columnSpan = 1, keepNext = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    margins: { top: 0, bottom: 0, left: 0, right: 113 },
    children: [new Paragraph({
      style: STYLE.fact,
      keepNext,
      spacing: spaceAbove ? { before: 200 } : undefined,
      children: [new TextRun({ text, bold })],
    })],
  });
}

/**
 * Label and value side by side; the first row of each group gets space above it, in both cells so
 * they stay aligned. A label on a row of its own spans both columns, so a long one does not wrap.
 */
function factTable(rows: readonly FactRow[]): Table {
  const valueWidth = TEXT_WIDTH - LABEL_WIDTH;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, valueWidth],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map((row, i) => {
      const spaceAbove = row.groupStart && i > 0;
      // `Närvarande ledamöter:` and its people stay on one page: no label ends a page
      const keepNext = rows[i + 1] !== undefined && !rows[i + 1]!.groupStart;
      return new TableRow({
        cantSplit: true,
        children: row.value === ''
          ? [factCell(row.label, TEXT_WIDTH, row.label.endsWith(':'), spaceAbove, 2, keepNext)]
          : [
            factCell(row.label, LABEL_WIDTH, row.label.endsWith(':'), spaceAbove, 1, keepNext),
            factCell(row.value, valueWidth, false, spaceAbove, 1, keepNext),
          ],
      });
    }),
  });
}

function signatureParagraphs(doc: ProtokollDocument): Paragraph[] {
  if (doc.signatures.length === 0) return [];
  return [
    new Paragraph({ style: STYLE.label, text: label(SV.signatures) }),
    ...doc.signatures.flatMap((s) => [
      new Paragraph({
        style: STYLE.signature,
        spacing: { before: s.approvedAt ? 240 : 600 },
        text: s.approvedAt ? approvedAtLine(s.approvedAt) : SV.signatureLine,
      }),
      new Paragraph({ style: STYLE.signature, text: signatureNameLine(s) }),
      new Paragraph({ style: STYLE.signature, children: [new TextRun({ text: s.roleLabel, italics: true })] }),
    ]),
    ...(doc.approval
      ? [new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: approvalChecksumLine(doc.approval), size: 16 })] })]
      : []),
  ];
}

export function frontMatter(doc: ProtokollDocument): FileChild[] {
  const rows = factRows(doc);
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, text: doc.kind }),
    new Paragraph({ style: STYLE.bodyName, text: doc.bodyName }),
    new Paragraph({ style: STYLE.meetingDate, text: doc.date }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: SV.index }),
    ...indexParagraphs(doc.index),
    new Paragraph({ text: '' }),
    ...(rows.length > 0 ? [factTable(rows)] : []),
    ...signatureParagraphs(doc),
  ];
}
