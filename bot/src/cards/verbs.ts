/**
 * Every Action.Execute verb, shared by the card builders and the invoke handlers, and the data each
 * carries. Invoke data comes from the network (and what people typed into the card's inputs is
 * merged into it), so `parseVerbData` checks every field's type and length before anything is used.
 */
import { hasControlCharacters, isCalendarDate, isUuid, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../core/validators';

export const Verbs = {
  refreshAgenda: 'agenda.refresh',
  confirmRemoveItem: 'agenda.remove-confirm',
  refreshAttendance: 'attendance.refresh',
  markPresent: 'attendance.present',
  markAbsent: 'attendance.absent',
  confirmIdentity: 'attendance.confirm',
  recordDecision: 'decision.record',
  recordAction: 'action.record',
  showActionForm: 'action.form',
  acceptProposedAction: 'action.accept-proposal',
  chooseOwner: 'action.choose-owner',
  approve: 'approval.approve',
  requestChange: 'approval.request-change',
  refreshApproval: 'approval.refresh',
  approveParagraph: 'paragraph.approve',
  refreshParagraphAdjustment: 'paragraph.refresh',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

/** The `data` of each verb after validation. Optional inputs left empty arrive as null. */
export interface VerbData {
  'agenda.refresh': { meetingId: string | null };
  'agenda.remove-confirm': { number: number; meetingId: string | null };
  'attendance.refresh': { meetingId: string };
  /** memberId comes from the card's member picker */
  'attendance.present': { meetingId: string; memberId: string };
  'attendance.absent': { meetingId: string; memberId: string };
  /** the secretary confirms the Teams account matched to this member by display name */
  'attendance.confirm': { meetingId: string; memberId: string };
  /**
   * itemId from the paragraph picker; clauses one per line, `att ` optional; the members who declare
   * jäv and those who reserve themselves (roster ids from the card's pickers), with the motivation
   */
  'decision.record': {
    meetingId: string;
    itemId: string | null;
    clauses: string;
    conflicts: string[] | null;
    reservations: string[] | null;
    reservationMotivation: string | null;
  };
  /** swaps the card for the action form of the same meeting */
  'action.form': { meetingId: string };
  'action.record': {
    meetingId: string;
    itemId: string | null;
    text: string;
    ownerMemberId: string | null;
    ownerName: string | null;
    dueDate: string | null;
  };
  'action.accept-proposal': { meetingId: string; itemId: string; text: string; ownerMemberId: string; ownerName: string | null };
  'action.choose-owner': { meetingId: string; itemId: string; text: string; ownerMemberId: string; dueDate: string | null };
  'approval.approve': { meetingId: string; documentVersionId: string };
  'approval.request-change': { meetingId: string; documentVersionId: string; comment: string };
  'approval.refresh': { meetingId: string };
  /** omedelbar justering: the paragraph (its main item) an approver approves */
  'paragraph.approve': { meetingId: string; itemId: string };
  'paragraph.refresh': { meetingId: string; itemId: string };
}

type Field = 'uuid' | 'uuids' | 'date' | 'int' | 'text' | 'name';
type Spec = Record<string, [Field, 'required' | 'optional']>;

const SPECS: { [V in Verb]: { [K in keyof VerbData[V]]-?: [Field, 'required' | 'optional'] } } = {
  'agenda.refresh': { meetingId: ['uuid', 'optional'] },
  'agenda.remove-confirm': { number: ['int', 'required'], meetingId: ['uuid', 'optional'] },
  'attendance.refresh': { meetingId: ['uuid', 'required'] },
  'attendance.present': { meetingId: ['uuid', 'required'], memberId: ['uuid', 'required'] },
  'attendance.absent': { meetingId: ['uuid', 'required'], memberId: ['uuid', 'required'] },
  'attendance.confirm': { meetingId: ['uuid', 'required'], memberId: ['uuid', 'required'] },
  'decision.record': {
    meetingId: ['uuid', 'required'],
    itemId: ['uuid', 'optional'],
    clauses: ['text', 'required'],
    conflicts: ['uuids', 'optional'],
    reservations: ['uuids', 'optional'],
    reservationMotivation: ['text', 'optional'],
  },
  'action.form': { meetingId: ['uuid', 'required'] },
  'action.record': {
    meetingId: ['uuid', 'required'],
    itemId: ['uuid', 'optional'],
    text: ['text', 'required'],
    ownerMemberId: ['uuid', 'optional'],
    ownerName: ['name', 'optional'],
    dueDate: ['date', 'optional'],
  },
  'action.accept-proposal': {
    meetingId: ['uuid', 'required'],
    itemId: ['uuid', 'required'],
    text: ['text', 'required'],
    ownerMemberId: ['uuid', 'required'],
    ownerName: ['name', 'optional'],
  },
  'action.choose-owner': {
    meetingId: ['uuid', 'required'],
    itemId: ['uuid', 'required'],
    text: ['text', 'required'],
    ownerMemberId: ['uuid', 'required'],
    dueDate: ['date', 'optional'],
  },
  'approval.approve': { meetingId: ['uuid', 'required'], documentVersionId: ['uuid', 'required'] },
  'approval.request-change': { meetingId: ['uuid', 'required'], documentVersionId: ['uuid', 'required'], comment: ['text', 'required'] },
  'approval.refresh': { meetingId: ['uuid', 'required'] },
  'paragraph.approve': { meetingId: ['uuid', 'required'], itemId: ['uuid', 'required'] },
  'paragraph.refresh': { meetingId: ['uuid', 'required'], itemId: ['uuid', 'required'] },
};

const VERB_VALUES: readonly string[] = Object.values(Verbs);

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && VERB_VALUES.includes(value);
}

/** Typed data for the verb, or null when a field is missing, of the wrong type or too long. */
export function parseVerbData<V extends Verb>(verb: V, data: unknown): VerbData[V] | null {
  if (!isVerb(verb) || typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const source = data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, [field, presence]] of Object.entries(SPECS[verb] as Spec)) {
    const raw = Object.prototype.hasOwnProperty.call(source, key) ? source[key] : undefined;
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (presence === 'required') return null;
      out[key] = null;
      continue;
    }
    const value = checkField(field, raw);
    if (value === undefined) return null;
    out[key] = value;
  }
  return out as VerbData[V];
}

function checkField(field: Field, raw: unknown): unknown {
  switch (field) {
    case 'int':
      if (typeof raw === 'number') return Number.isInteger(raw) && raw > 0 && raw < 1_000_000 ? raw : undefined;
      return typeof raw === 'string' && /^\s*[1-9]\d{0,5}\s*$/.test(raw) ? Number(raw) : undefined;
    case 'uuid':
      return typeof raw === 'string' && isUuid(raw.trim()) ? raw.trim().toLowerCase() : undefined;
    case 'uuids': {
      // a multi-select ChoiceSet sends its values comma-separated
      if (typeof raw !== 'string' || raw.length > 50 * 37) return undefined;
      const ids = raw.split(',').map((id) => id.trim().toLowerCase());
      return ids.every(isUuid) ? [...new Set(ids)] : undefined;
    }
    case 'date':
      return typeof raw === 'string' && isCalendarDate(raw.trim()) ? raw.trim() : undefined;
    case 'text':
      return text(raw, MAX_TEXT_LENGTH, true);
    case 'name':
      return text(raw, MAX_NAME_LENGTH, false);
  }
}

function text(raw: unknown, max: number, multiline: boolean): string | undefined {
  if (typeof raw !== 'string' || raw.length > max || hasControlCharacters(raw)) return undefined;
  const value = raw.replace(/\r\n?/g, '\n').trim();
  if (!multiline && value.includes('\n')) return undefined;
  return value;
}
