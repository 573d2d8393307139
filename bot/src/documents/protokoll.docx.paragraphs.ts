/**
 * The paragraphs of the Word document: heading (Heading1, sub-points Heading2), Föredragande, then
 * the paragraph's content in its order: text and bullet lists (a Word list), decision blocks with
 * their `att` clauses, the information line, jäv and reservations, Åtgärder, Protokollet ska skickas till, and the
 * sub-points where the content places them; then the distribution list of the whole protokoll.
 */
import { HeadingLevel, Paragraph, Tab, TabStopType, TextRun, type FileChild } from 'docx';
import type { ContentBlock, DecisionClause, DocumentDecision, DocumentParagraph, DocumentSubPoint, SubPointsBlock, TextBlock } from './protokoll.model';
import { BULLETS, CLAUSE_INDENT, STYLE } from './protokoll.docx.styles';
import { SV, actionLine, paragraphHeading, presentersLine } from './strings.sv';
import { conflictLine, IMMEDIATELY_ADJUSTED, RESERVATION_HEADING, reservationLine } from '../core/statements.sv';

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

function decisionParagraphs(decision: DocumentDecision): Paragraph[] {
  return [
    new Paragraph({ style: STYLE.decisionBody, text: decision.bodyPhrase }),
    ...decision.clauses.map(clauseParagraph),
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

function contentParagraphs(block: ContentBlock | SubPointsBlock, subPoints: readonly DocumentSubPoint[]): Paragraph[] {
  switch (block.kind) {
    case 'text':
    case 'bullets': return blockParagraphs(block);
    case 'decision': return decisionParagraphs(block);
    case 'information': return [new Paragraph({ spacing: { before: 160 }, text: SV.information })];
    case 'actions': return listUnder(SV.actions, block.actions.map(actionLine), true);
    case 'recipients': return listUnder(SV.recipients, block.recipients, false);
    case 'conflict': return [new Paragraph({ text: conflictLine(block.name) })];
    case 'adjusted': return [new Paragraph({ spacing: { before: 160 }, text: IMMEDIATELY_ADJUSTED })];
    case 'reservation': return [
      new Paragraph({ text: reservationLine(block.names) }),
      ...(block.motivation ? [new Paragraph({ style: STYLE.label, text: RESERVATION_HEADING }), ...textLines(block.motivation)] : []),
    ];
    case 'subPoints': return subPoints.flatMap((sub) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, text: paragraphHeading(sub) }),
      ...body(sub, []),
    ]);
  }
}

/** Everything after the heading, in the content's order; the same for a paragraph and a sub-point. */
function body(p: DocumentSubPoint | DocumentParagraph, subPoints: readonly DocumentSubPoint[]): Paragraph[] {
  return [
    ...(p.presenters.length > 0 ? [new Paragraph({ style: STYLE.presenters, text: presentersLine(p.presenters) })] : []),
    ...p.content.flatMap((block) => contentParagraphs(block, subPoints)),
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
