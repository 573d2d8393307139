/**
 * Every Action.Execute verb, shared by the card builders and the invoke handlers, and the data each
 * carries. Invoke data comes from the network: `parseVerbData` validates it before use.
 */
export const Verbs = {
  refreshAgenda: 'agenda.refresh',
  confirmRemoveItem: 'agenda.remove-confirm',
  refreshAttendance: 'attendance.refresh',
  markPresent: 'attendance.present',
  markAbsent: 'attendance.absent',
  recordDecision: 'decision.record',
  recordAction: 'action.record',
  acceptProposedAction: 'action.accept-proposal',
  chooseOwner: 'action.choose-owner',
} as const;

export type Verb = (typeof Verbs)[keyof typeof Verbs];

export interface VerbData {
  'agenda.refresh': Record<string, never>;
  'agenda.remove-confirm': { number: number };
  'attendance.refresh': Record<string, never>;
  'attendance.present': { memberId: string };
  'attendance.absent': { memberId: string };
  'decision.record': { clauses: string };
  'action.record': { text: string; ownerMemberId: string | null; ownerName: string | null; dueDate: string | null };
  'action.accept-proposal': { text: string; ownerMemberId: string; itemId: string };
  'action.choose-owner': { text: string; ownerMemberId: string; itemId: string; dueDate: string | null };
}

const MAX_TEXT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Field = 'text' | 'uuid' | 'date' | 'int';
type Spec = Record<string, [Field, 'required' | 'optional']>;

const SPECS: { [V in Verb]: Spec } = {
  'agenda.refresh': {},
  'agenda.remove-confirm': { number: ['int', 'required'] },
  'attendance.refresh': {},
  'attendance.present': { memberId: ['uuid', 'required'] },
  'attendance.absent': { memberId: ['uuid', 'required'] },
  'decision.record': { clauses: ['text', 'required'] },
  'action.record': { text: ['text', 'required'], ownerMemberId: ['uuid', 'optional'], ownerName: ['text', 'optional'], dueDate: ['date', 'optional'] },
  'action.accept-proposal': { text: ['text', 'required'], ownerMemberId: ['uuid', 'required'], itemId: ['uuid', 'required'] },
  'action.choose-owner': { text: ['text', 'required'], ownerMemberId: ['uuid', 'required'], itemId: ['uuid', 'required'], dueDate: ['date', 'optional'] },
};

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && Object.values(Verbs).includes(value as Verb);
}

/** Typed data for the verb, or null when anything is missing, of the wrong type or too long. */
export function parseVerbData<V extends Verb>(verb: V, data: unknown): VerbData[V] | null {
  const source = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, [field, presence]] of Object.entries(SPECS[verb])) {
    const raw = source[key];
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
      return typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? raw : typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : undefined;
    case 'uuid':
      return typeof raw === 'string' && UUID.test(raw) ? raw : undefined;
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined;
    case 'text':
      return typeof raw === 'string' && raw.length <= MAX_TEXT ? raw.trim() : undefined;
  }
}
