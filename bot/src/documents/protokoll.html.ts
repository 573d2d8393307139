/**
 * The protokoll as one self-contained HTML page (inline CSS, no scripts, no external resources),
 * with the same content in the same order as the Word document. Every paragraph has an id
 * (`p-15`) so the tab can link to it. All text goes through the escaping element builder.
 */
import type {
  ContentBlock,
  DocumentDecision,
  DocumentParagraph,
  DocumentSubPoint,
  IndexSection,
  ProtokollDocument,
  SubPointsBlock,
  TextBlock,
} from './protokoll.model';
import { factRows } from './protokoll.layout';
import { PROTOKOLL_CSS } from './protokoll.html.css';
import { h, htmlDocument, trustedCss, type Child } from './html-builder';
import { conflictLine, IMMEDIATELY_ADJUSTED, RESERVATION_HEADING, reservationLine } from '../core/statements.sv';
import {
  SV,
  actionLine,
  approvalChecksumLine,
  approvedAtLine,
  documentTitle,
  draftMark,
  label,
  pageHeader,
  paragraphHeading,
  presentersLine,
  signatureNameLine,
} from './strings.sv';

const withTag = (title: string, typeTag: string | null) => (typeTag ? `${title} ${typeTag}` : title);

function indexList(sections: readonly IndexSection[]): Child {
  return sections.map((section) => [
    section.heading ? h('p', { class: 'index-section' }, section.heading) : null,
    h('ol', { class: 'index' }, section.entries.map((entry) => h('li', {},
      h('span', { class: 'index-label' }, entry.label),
      h('span', {}, withTag(entry.title, entry.typeTag)),
      entry.subPoints.length > 0
        ? h('ol', {}, entry.subPoints.map((sub) => h('li', {}, h('span', {}, sub.label), h('span', {}, withTag(sub.title, sub.typeTag)))))
        : null,
    ))),
  ]);
}

function facts(doc: ProtokollDocument): Child {
  const rows = factRows(doc);
  if (rows.length === 0) return null;
  // A label on a row of its own spans both columns, so a long one does not wrap. A continuation row
  // (the next person under the same label) has no header cell of its own: an empty <th> would be
  // announced as a nameless header by screen readers.
  return h('table', { class: 'facts' }, h('tbody', {}, rows.map((row) => h('tr', { class: row.groupStart ? 'group-start' : null },
    row.label === ''
      ? h('td', { class: 'continuation' })
      : h('th', { scope: 'row', class: row.label.endsWith(':') ? null : 'plain', colspan: row.value === '' ? '2' : null }, row.label),
    row.value === '' ? null : h('td', {}, row.value),
  ))));
}

function signatures(doc: ProtokollDocument): Child {
  if (doc.signatures.length === 0) return null;
  return h('section', { class: 'signatures' },
    h('p', { class: 'label' }, label(SV.signatures)),
    doc.signatures.map((s) => h('div', { class: 'signature' },
      h('p', { class: 'line' }, s.approvedAt ? approvedAtLine(s.approvedAt) : SV.signatureLine),
      h('p', { class: 'name' }, signatureNameLine(s)),
      h('p', { class: 'role' }, s.roleLabel),
    )),
    doc.approval ? h('p', { class: 'checksum' }, approvalChecksumLine(doc.approval)) : null,
  );
}

function block(b: TextBlock): Child {
  if (b.kind === 'bullets') return h('ul', {}, b.items.map((item) => h('li', {}, item)));
  return b.text.split(/\n\s*\n/).map((part) => h('p', {}, part.split('\n').map((line, i) => [i > 0 ? h('br') : null, line])));
}

function decision(d: DocumentDecision): Child {
  return h('div', { class: 'decision' },
    h('p', { class: 'decision-body' }, d.bodyPhrase),
    d.clauses.map((c) => h('div', { class: c.marker ? 'clause' : 'clause unmarked' },
      c.marker ? h('span', { class: 'marker' }, c.marker) : null,
      h('span', { class: 'text' }, c.text),
    )),
  );
}

function listUnder(heading: string, items: readonly string[], className: string): Child {
  if (items.length === 0) return null;
  return h('div', { class: className },
    h('p', { class: 'label' }, heading),
    h('ul', { class: className === 'actions' ? null : 'plain' }, items.map((item) => h('li', {}, item))),
  );
}

function content(b: ContentBlock | SubPointsBlock, subPoints: readonly DocumentSubPoint[]): Child {
  switch (b.kind) {
    case 'text':
    case 'bullets': return block(b);
    case 'decision': return decision(b);
    case 'information': return h('p', { class: 'information' }, SV.information);
    case 'actions': return listUnder(SV.actions, b.actions.map(actionLine), 'actions');
    case 'recipients': return listUnder(SV.recipients, b.recipients, 'recipients');
    case 'conflict': return h('p', { class: 'conflict' }, conflictLine(b.name));
    case 'adjusted': return h('p', { class: 'adjusted' }, IMMEDIATELY_ADJUSTED);
    case 'reservation': return h('div', { class: 'reservation' },
      h('p', {}, reservationLine(b.names)),
      b.motivation ? [h('p', { class: 'label' }, RESERVATION_HEADING), block({ kind: 'text', text: b.motivation })] : null);
    case 'subPoints': return subPoints.map((sub) => h('section', { class: 'sub-point', id: sub.anchor }, h('h3', {}, paragraphHeading(sub)), body(sub, [])));
  }
}

/** Everything after the heading, in the content's order; the same for a paragraph and a sub-point. */
function body(p: DocumentSubPoint | DocumentParagraph, subPoints: readonly DocumentSubPoint[]): Child {
  return [
    p.presenters.length > 0 ? h('p', { class: 'presenters' }, presentersLine(p.presenters)) : null,
    p.content.map((b) => content(b, subPoints)),
  ];
}

/**
 * `stored`: the stored version this page shows (during justering and after the lock), whose .docx
 * bytes have this SHA-256. The page names it in a meta element, so a saved copy still says which
 * approved bytes it is; the hash is not printed (the Word document cannot print its own hash).
 */
export function renderHtml(doc: ProtokollDocument, stored?: { sha256: string }): string {
  const { left, right } = pageHeader(doc);
  const draft = draftMark(doc.status) !== null;
  const head = [
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    stored ? h('meta', { name: 'protokoll-sha256', content: stored.sha256 }) : null,
    h('title', {}, documentTitle(doc)),
    h('style', {}, trustedCss(PROTOKOLL_CSS)),
  ];
  const page = [
    h('header', { class: 'page-header' }, h('span', {}, left), h('span', { class: draft ? 'mark draft' : 'mark' }, right)),
    h('main', {},
      h('section', { class: 'front' },
        h('h1', { class: 'title' }, doc.kind),
        h('p', { class: 'body-name' }, doc.bodyName),
        h('p', { class: 'meeting-date' }, doc.date),
        h('h2', {}, SV.index),
        indexList(doc.index),
        facts(doc),
        signatures(doc),
      ),
      doc.paragraphs.map((p) => h('section', { class: 'paragraph', id: p.anchor }, h('h2', {}, paragraphHeading(p)), body(p, p.subPoints))),
      listUnder(SV.recipients, doc.distributionList, 'distribution'),
    ),
  ];
  return htmlDocument('sv', head, page);
}
