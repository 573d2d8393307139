/**
 * The paragraphs of the Word document: heading (Heading1, sub-points Heading2), Föredragande, text
 * and bullet lists (a Word list), sub-points, the decision block with its `att` clauses, Åtgärder
 * and Protokollet ska skickas till; then the distribution list of the whole protokoll.
 */
import { HeadingLevel, Paragraph, Tab, TabStopType, TextRun, type FileChild } from 'docx';
import type { DecisionClause, DocumentDecision, DocumentParagraph, DocumentSubPoint, TextBlock } from './protokoll.model';
import { BULLETS, CLAUSE_INDENT, STYLE } from './protokoll.docx.styles';
import { SV, actionLine, paragraphHeading, presentersLine } from './strings.sv';

function blockParagraphs(block: TextBlock): Paragraph[] {
  if (block.kind === 'text') return textLines(block.text);
  // the list keeps its items close together and the usual space after its last item
  return block.items.map((item, i) => new Paragraph({
    style: 'ListParagraph',
    numbering: { reference: BULLETS, level: 0 },
    spacing: i === block.items.length - 1 ? { after: 120 } : undefined,
    text: item,
  }));
}

/** A note may hold line breaks: each blank-line-separated part is a paragraph, single breaks stay line breaks. */
function textLines(text: string): Paragraph[] {
  return text.split(/\n\s*\n/).map((part) => new Paragraph({
    children: part.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
  }));
}

/** `att<tab>godkänna …` with the text hanging at the tab, so a long clause wraps under itself. */
function clauseParagraph(clause: DecisionClause): Paragraph {
  const layout = clause.marker ? { style: STYLE.clause, tabStops: [{ type: TabStopType.LEFT, position: CLAUSE_INDENT }] } : {};
  const children = clause.marker ? [clause.marker, new Tab(), clause.text] : [clause.text];
  return new Paragraph({ ...layout, children: [new TextRun({ children })] });
}

function decisionParagraphs(decision: DocumentDecision | null): Paragraph[] {
  if (!decision) return [];
  const showBody = decision.clauses.length > 0;
  return [
    ...(showBody ? [new Paragraph({ style: STYLE.decisionBody, text: decision.bodyPhrase })] : []),
    ...decision.clauses.map(clauseParagraph),
    ...(decision.closing === 'information' ? [new Paragraph({ spacing: { before: 160 }, text: SV.information })] : []),
  ];
}

function listUnder(heading: string, items: readonly string[], bullets: boolean): Paragraph[] {
  if (items.length === 0) return [];
  return [
    new Paragraph({ style: STYLE.label, text: heading }),
    ...items.map((item) => bullets
      ? new Paragraph({ style: 'ListParagraph', numbering: { reference: BULLETS, level: 0 }, text: item })
      : new Paragraph({ spacing: { after: 0 }, text: item })),
  ];
}

/** Everything after the heading; the same for a paragraph and a sub-point. */
function body(p: DocumentSubPoint, subPoints: readonly DocumentSubPoint[]): Paragraph[] {
  return [
    ...(p.presenters.length > 0 ? [new Paragraph({ style: STYLE.presenters, text: presentersLine(p.presenters) })] : []),
    ...p.blocks.flatMap(blockParagraphs),
    ...subPoints.flatMap((sub) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: paragraphHeading(sub) }),
      ...body(sub, []),
    ]),
    ...decisionParagraphs(p.decision),
    ...listUnder(SV.actions, p.actions.map(actionLine), true),
    ...listUnder(SV.recipients, p.recipients, false),
  ];
}

export function paragraphSections(paragraphs: readonly DocumentParagraph[], distributionList: readonly string[]): FileChild[] {
  return [
    ...paragraphs.flatMap((p, i) => [
      // the paragraphs start on a page of their own, after the first page
      new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: i === 0, text: paragraphHeading(p) }),
      ...body(p, p.subPoints),
    ]),
    ...(distributionList.length > 0
      ? [new Paragraph({ spacing: { before: 480 }, text: '' }), ...listUnder(SV.recipients, distributionList, false)]
      : []),
  ];
}
