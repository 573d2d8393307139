/**
 * The Word styles of the protokoll: real styles (Title, Heading1, Heading2, ListParagraph and a few
 * of our own) so a secretary who opens the file in Word can restyle it, and one bullet list
 * definition so bullets are Word lists rather than literal characters.
 */
import { AlignmentType, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';

/** twentieths of a point per centimetre */
export const CM = 567;
/** A4 width (21 cm) minus 2.5 cm margins on each side */
export const TEXT_WIDTH = 16 * CM;
/** the left column of the attendance block */
export const LABEL_WIDTH = Math.round(5.2 * CM);
/** where a clause's text starts after its marker (`att`, `1.`) */
export const CLAUSE_INDENT = Math.round(1.5 * CM);

export const FONT = 'Arial';
export const LANGUAGE = 'sv-SE';

/** Our own paragraph style ids (Title, Heading1, Heading2 and ListParagraph are Word's built-ins). */
export const STYLE = {
  bodyName: 'BodyName',
  meetingDate: 'MeetingDate',
  indexSection: 'IndexSection',
  indexEntry: 'IndexEntry',
  indexSubEntry: 'IndexSubEntry',
  fact: 'Fact',
  label: 'Label',
  presenters: 'Presenters',
  decisionBody: 'DecisionBody',
  clause: 'Clause',
  signature: 'Signature',
} as const;

export const BULLETS = 'protokoll-bullets';

const size = (points: number) => points * 2;

export const styles: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: size(11), language: { value: LANGUAGE } },
      paragraph: { spacing: { after: 120, line: 264 } },
    },
    title: { run: { font: FONT, size: size(22), bold: false, color: '000000' }, paragraph: { spacing: { after: 60 } } },
    heading1: {
      run: { font: FONT, size: size(13), bold: true, color: '000000' },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: size(11), bold: true, color: '000000' },
      paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
    },
    listParagraph: { run: { font: FONT, size: size(11) }, paragraph: { spacing: { after: 60 } } },
  },
  paragraphStyles: [
    { id: STYLE.bodyName, name: 'Protokoll – organ', basedOn: 'Normal', next: 'Normal', run: { size: size(14) }, paragraph: { spacing: { after: 40 } } },
    { id: STYLE.meetingDate, name: 'Protokoll – datum', basedOn: 'Normal', next: 'Normal', run: { size: size(12) }, paragraph: { spacing: { after: 360 } } },
    {
      id: STYLE.indexSection, name: 'Ärendeförteckning – avsnitt', basedOn: 'Normal', next: STYLE.indexEntry,
      run: { bold: true, size: size(10) }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
    },
    {
      id: STYLE.indexEntry, name: 'Ärendeförteckning – punkt', basedOn: 'Normal', next: STYLE.indexEntry,
      paragraph: { spacing: { after: 40 }, indent: { left: Math.round(1.3 * CM), hanging: Math.round(1.3 * CM) } },
    },
    {
      id: STYLE.indexSubEntry, name: 'Ärendeförteckning – underpunkt', basedOn: STYLE.indexEntry, next: STYLE.indexSubEntry,
      paragraph: { indent: { left: Math.round(2.1 * CM), hanging: Math.round(0.8 * CM) } },
    },
    { id: STYLE.fact, name: 'Protokoll – uppgift', basedOn: 'Normal', next: STYLE.fact, paragraph: { spacing: { after: 20 } } },
    { id: STYLE.label, name: 'Protokoll – etikett', basedOn: 'Normal', next: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 240, after: 60 }, keepNext: true } },
    { id: STYLE.presenters, name: 'Föredragande', basedOn: 'Normal', next: 'Normal', run: { italics: true }, paragraph: { keepNext: true } },
    {
      id: STYLE.decisionBody, name: 'Beslutande organ', basedOn: 'Normal', next: STYLE.clause,
      run: { bold: true }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true },
    },
    {
      id: STYLE.clause, name: 'Attsats', basedOn: 'Normal', next: STYLE.clause,
      paragraph: { indent: { left: CLAUSE_INDENT, hanging: CLAUSE_INDENT } },
    },
    { id: STYLE.signature, name: 'Underskrift', basedOn: 'Normal', next: STYLE.signature, paragraph: { spacing: { after: 0 }, keepNext: true, keepLines: true } },
  ],
};

export const numbering: INumberingOptions = {
  config: [
    {
      reference: BULLETS,
      levels: [0, 1, 2].map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: level === 1 ? '–' : '•',
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: Math.round((0.63 + 0.63 * level) * CM), hanging: Math.round(0.5 * CM) } } },
      })),
    },
  ],
};
