/** Variants of the reference fixture for the parts meeting 000 does not have. */
import type { ProtokollDocument } from '../../../bot/src/documents/protokoll.model';
import { decisionClauses } from '../../../bot/src/documents/strings.sv';
import { protokollDocument } from '../../fixtures/protokoll-document.fixture';

/** Section headings in the Ärendeförteckning, and numbered clauses (`1. Att …`). */
export function sectioned(): ProtokollDocument {
  const doc = protokollDocument();
  const entries = doc.index[0]!.entries;
  const [first, ...rest] = doc.paragraphs;
  return {
    ...doc,
    index: [
      { heading: 'INFORMATION, BEREDNING, DIALOG', entries: entries.slice(0, 4) },
      { heading: 'ÄRENDEN FÖR BESLUT', entries: entries.slice(4) },
    ],
    paragraphs: [{
      ...first!,
      content: [{
        kind: 'decision',
        bodyPhrase: 'LSVO beslutar',
        clauses: decisionClauses([{ clause: 'att godkänna dagordningen.' }, { clause: 'Att utse Rebecca Welander till justerare.' }], 'numbered'),
        postponed: false,
      }],
    }, ...rest],
  };
}
