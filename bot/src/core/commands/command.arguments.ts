/**
 * What follows each keyword → the command, or a Swedish problem (the parser adds the syntax line).
 * `rest` is everything after the keyword, untrimmed, line breaks kept.
 */
import type { ItemTypeTag, NumberingStyle, QuorumRule } from '../model';
import type { Command, CommandKind } from './command';
import { withoutLeadingAtt } from '../decision-clause';
import { isPerMeeting, parseParagraphRef, type ParagraphRef } from '../numbering';
import { isEmailAddress, isUuid, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '../validators';
import { parseAction } from './action.arguments';
import { parseRoster } from './roster.arguments';
import {
  capitalise,
  checkedDate,
  checkedName,
  checkedNameList,
  checkedRecipientList,
  checkedTime,
  multiLine,
  oneLine,
  positiveInteger,
  shorten,
  withinLimit,
  type Checked,
} from './command.text';

type ArgumentParser = (rest: string) => Checked<Command>;

const map = <T>(checked: Checked<T>, build: (value: T) => Command): Checked<Command> =>
  'problem' in checked ? checked : { value: build(checked.value) };

const required = (raw: string, what: string, max: number): Checked<string> =>
  raw ? withinLimit(raw, max, what) : { problem: `${capitalise(what)} saknas.` };

const noArguments =
  (command: Command): ArgumentParser =>
  (rest) => {
    const extra = oneLine(rest).replace(/^\.$/, '');
    return extra ? { problem: `Kommandot tar inget mer efter sig (”${shorten(extra)}” förstods inte).` } : { value: command };
  };

/**
 * A parenthesis at the end made only of the letters I, D, B, slashes and spaces (at least one
 * letter or slash) is a type tag. Two plain tests: one pattern with a quantifier on either side of
 * the required letter would backtrack quadratically on a long parenthesis.
 */
const isTagLike = (inside: string): boolean => /^[idb/\s]+$/i.test(inside) && /[idb/]/i.test(inside);
const TAG = /^\s*[idb](?:\s*\/\s*[idb])*\s*$/i;
const TAG_ORDER = ['I', 'D', 'B'] as const;

function typeTag(inside: string): Checked<ItemTypeTag> {
  const letters = inside.toUpperCase().split('/').map((l) => l.trim());
  if (!TAG.test(inside) || new Set(letters).size !== letters.length) {
    return { problem: `Typmarkeringen ”(${shorten(oneLine(inside))})” ska vara I, D eller B, flera åtskilda med snedstreck, t.ex. (I/D/B).` };
  }
  return { value: TAG_ORDER.filter((l) => letters.includes(l)).join('/') as ItemTypeTag };
}

/**
 * The parenthesis that ends the text, when it looks like a type tag: where it opens and what is
 * inside. Found from the last `(` rather than by a pattern searching the whole title, which would
 * try every `(` against the rest of a long text.
 */
function tagLikeEnd(text: string): { index: number; inside: string } | null {
  if (!text.endsWith(')')) return null;
  const index = text.lastIndexOf('(');
  const inside = index < 0 ? '' : text.slice(index + 1, -1);
  return index >= 0 && isTagLike(inside) ? { index, inside } : null;
}

/** `Budget 2025 (I/D)` → the title and its type tag (null when there is none). */
function titleAndTag(text: string, what: string): Checked<{ title: string; typeTag: ItemTypeTag | null }> {
  const tagLike = tagLikeEnd(text);
  const tag: Checked<ItemTypeTag | null> = tagLike ? typeTag(tagLike.inside) : { value: null };
  if ('problem' in tag) return tag;
  const title = required(oneLine(tagLike ? text.slice(0, tagLike.index) : text), what, MAX_TITLE_LENGTH);
  return 'problem' in title ? title : { value: { title: title.value, typeTag: tag.value } };
}

function addItem(rest: string): Checked<Command> {
  return map(titleAndTag(oneLine(rest), 'titeln'), (item) => ({ kind: 'add-item', ...item }));
}

function addSubPoint(rest: string): Checked<Command> {
  return map(titleAndTag(oneLine(rest), 'titeln'), (item) => ({ kind: 'add-sub-point', ...item }));
}

/** Only to explain a refusal: a number followed by letters that are not all a–z (`24ö`). */
const FOREIGN_SUB_LETTERS = /^§?\s*\d+\s*(\p{L}+)\)?\.?$/u;

/** `24`, `§ 24`, `24b`, `24 aa)` as parseParagraphRef reads them; `allowSub` false refuses the letters. */
/** The agenda timer's plan: whole minutes, at most ten hours (`tid 10`, `tid 10 min`, `tid 10 minuter`). */
export const MAX_PLANNED_MINUTES = 600;

function plannedTime(rest: string): Checked<Command> {
  const raw = oneLine(rest).replace(/\s*(?:min|minut|minuter)\.?$/i, '');
  const minutes = positiveInteger(raw);
  if (minutes === null || minutes > MAX_PLANNED_MINUTES) {
    return { problem: raw ? `”${shorten(raw)}” är inget antal minuter (1–${MAX_PLANNED_MINUTES}).` : 'Antalet minuter saknas.' };
  }
  return { value: { kind: 'planned-time', minutes } };
}

function itemNumber(raw: string, allowSub: boolean): Checked<ParagraphRef> {
  const ref = parseParagraphRef(raw);
  if (!ref) {
    const letters = FOREIGN_SUB_LETTERS.exec(raw)?.[1];
    if (letters && /[^a-z]/i.test(letters)) return { problem: `”${shorten(letters)}” är ingen underpunkt; underpunkter heter a, b, c … z, aa, ab …` };
    return { problem: raw ? `”${shorten(raw)}” är inget punktnummer.` : 'Punktens nummer saknas.' };
  }
  if (ref.sub !== null && !allowSub) return { problem: `Ange punktens nummer utan bokstav (${ref.number}, inte ${raw}).` };
  return { value: ref };
}

function renameItem(rest: string): Checked<Command> {
  const match = /^(§?\s*\d+[^\s:–-]*)\s*[:–-]?\s*(.*)$/u.exec(oneLine(rest));
  if (!match) return { problem: oneLine(rest) ? `”${shorten(oneLine(rest))}” börjar inte med ett punktnummer.` : 'Punktens nummer saknas.' };
  const number = itemNumber(match[1] ?? '', false);
  if ('problem' in number) return number;
  return map(titleAndTag(match[2] ?? '', 'den nya titeln'), (item) => ({ kind: 'rename-item', number: number.value.number, ...item }));
}

// Maps, not object literals (here and below): a typed `constructor` or `__proto__` must not find Object.prototype.
const NUMBERING = new Map<string, NumberingStyle>([['möte', 'meeting'], ['möte-parentes', 'meeting-paren'], ['år', 'year'], ['år-suffix', 'year-suffix']]);

function numbering(rest: string): Checked<Command> {
  const match = /^(\S+)(?:\s+start\s+(\S+))?$/iu.exec(oneLine(rest));
  const style = match ? NUMBERING.get((match[1] ?? '').toLowerCase()) : undefined;
  if (!match || !style) return { problem: `Ange möte, möte-parentes, år eller år-suffix${oneLine(rest) ? ` (”${shorten(oneLine(rest))}” förstods inte)` : ''}.` };
  if (match[2] === undefined) return { value: { kind: 'numbering', style, start: null } };
  if (isPerMeeting(style)) return { problem: 'Numrering per möte börjar alltid på 1; start går bara med år eller år-suffix.' };
  const start = positiveInteger(match[2]);
  if (start === null) return { problem: `Start måste vara ett positivt heltal (”${shorten(match[2])}” är det inte).` };
  return { value: { kind: 'numbering', style, start } };
}

const QUORUM = new Map<string, QuorumRule>([['huvudman', 'huvudman'], ['region-kommun', 'region-kommun'], ['av', 'av']]);
/** Longer than any way of writing a rule (`region – kommun`): not searched for dashes at all. */
const MAX_QUORUM_TEXT = 40;

function quorumRule(rest: string): Checked<Command> {
  const written = oneLine(rest);
  const text = written.length > MAX_QUORUM_TEXT ? written : written.toLowerCase().replace(/\s*[–/]\s*|\s*-\s*|\s+/g, '-');
  const rule = QUORUM.get(text);
  return rule
    ? { value: { kind: 'quorum-rule', rule } }
    : { problem: `Ange huvudman, region-kommun eller av${text ? ` (”${shorten(oneLine(rest))}” förstods inte)` : ''}.` };
}

function approvalDeadline(rest: string): Checked<Command> {
  const [dateText = '', ...timeWords] = oneLine(rest).split(' ');
  if (!dateText) return { problem: 'Datumet saknas.' };
  const date = checkedDate(dateText);
  if ('problem' in date) return date;
  if (timeWords.length === 0) return { value: { kind: 'approval-deadline', date: date.value, time: null } };
  return map(checkedTime(timeWords.join(' ')), (time) => ({ kind: 'approval-deadline', date: date.value, time }));
}

/** The clause as typed: whether its `att` is kept depends on the group's clause style (decision-clause.ts). */
function decision(rest: string): Checked<Command> {
  const clause = multiLine(rest);
  if (!withoutLeadingAtt(clause)) return { problem: 'Beslutssatsen saknas.' };
  return map(withinLimit(clause, MAX_TEXT_LENGTH, 'beslutssatsen'), (value) => ({ kind: 'decision', clause: value }));
}

const CLAUSE_STYLES = new Map<string, boolean>([['att', false], ['numrerad', true], ['numrerade', true], ['numrerat', true]]);

function clauseStyle(rest: string): Checked<Command> {
  const text = oneLine(rest).toLowerCase().replace(/\.$/, '');
  const numbered = CLAUSE_STYLES.get(text);
  return numbered === undefined
    ? { problem: `Ange att eller numrerad${text ? ` (”${shorten(oneLine(rest))}” förstods inte)` : ''}.` }
    : { value: { kind: 'clause-style', numbered } };
}

function calendar(rest: string): Checked<Command> {
  const text = oneLine(rest);
  if (!text) return { value: { kind: 'calendar', link: null } };
  const [word = '', ...more] = text.split(' ');
  const argument = more.join(' ').replace(/^mailto:/i, '');
  switch (word.toLowerCase()) {
    case 'av':
      return argument ? { problem: `\`kalender av\` tar inget mer efter sig (”${shorten(argument)}” förstods inte).` } : { value: { kind: 'calendar', link: 'off' } };
    case 'grupp':
      return isUuid(argument)
        ? { value: { kind: 'calendar', link: { kind: 'group', id: argument.toLowerCase() } } }
        : { problem: `Ange Microsoft 365-gruppens id, ett GUID som 02bd9fd6-8f93-4758-87c3-1fb73740a315${argument ? ` (”${shorten(argument)}” är inget sådant)` : ''}.` };
    case 'användare':
      return isEmailAddress(argument)
        ? { value: { kind: 'calendar', link: { kind: 'user', id: argument.toLowerCase() } } }
        : { problem: `Ange e-postadressen till den som bokar mötena, t.ex. sandra.johansson@regionblekinge.se${argument ? ` (”${shorten(argument)}” är ingen sådan)` : ''}.` };
    default:
      return { problem: `Ange grupp <id>, användare <e-post> eller av (”${shorten(word)}” förstods inte).` };
  }
}

/** `Karin Berg, Per Öst: Vi anser att …`: the names before the first colon, the motivation after it. */
function reservation(rest: string): Checked<Command> {
  const colon = rest.indexOf(':');
  const names = checkedNameList(colon < 0 ? rest : rest.slice(0, colon));
  if ('problem' in names) return names;
  if (colon < 0) return { value: { kind: 'reservation', names: names.value, motivation: null } };
  const motivation = required(multiLine(rest.slice(colon + 1)), 'motiveringen efter kolon', MAX_TEXT_LENGTH);
  if ('problem' in motivation) return motivation;
  return { value: { kind: 'reservation', names: names.value, motivation: motivation.value } };
}

export const ARGUMENT_PARSERS: { readonly [K in CommandKind]: ArgumentParser } = {
  help: () => ({ value: { kind: 'help' } }),
  'bind-group': (rest) => map(checkedName(rest, 'gruppens namn'), (name) => ({ kind: 'bind-group', name })),
  roster: (rest) => map(parseRoster(rest), (entries) => ({ kind: 'roster', entries })),
  'deciding-body': (rest) => map(required(oneLine(rest), 'beslutsorganet', MAX_TITLE_LENGTH), (text) => ({ kind: 'deciding-body', text })),
  numbering,
  'quorum-rule': quorumRule,
  calendar,
  'add-item': addItem,
  'add-sub-point': addSubPoint,
  section: (rest) => map(required(oneLine(rest), 'rubriken', MAX_TITLE_LENGTH), (heading) => ({ kind: 'section', heading })),
  'rename-item': renameItem,
  'remove-item': (rest) => map(itemNumber(oneLine(rest), false), ({ number }) => ({ kind: 'remove-item', number })),
  'show-agenda': noArguments({ kind: 'show-agenda' }),
  start: noArguments({ kind: 'start' }),
  next: noArguments({ kind: 'next' }),
  'go-to': (rest) => map(itemNumber(oneLine(rest), true), ({ number, sub }) => ({ kind: 'go-to', number, sub })),
  presenters: (rest) => map(checkedNameList(rest), (names) => ({ kind: 'presenters', names })),
  note: (rest) => map(required(multiLine(rest), 'texten', MAX_TEXT_LENGTH), (text) => ({ kind: 'note', text })),
  decision,
  information: noArguments({ kind: 'information' }),
  conflict: (rest) => map(checkedName(rest), (name) => ({ kind: 'conflict', name })),
  reservation,
  'immediate-adjustment': noArguments({ kind: 'immediate-adjustment' }),
  action: parseAction,
  postpone: noArguments({ kind: 'postpone' }),
  recipients: (rest) => map(checkedRecipientList(rest), (names) => ({ kind: 'recipients', names })),
  distribution: (rest) => map(checkedRecipientList(rest), (names) => ({ kind: 'distribution', names })),
  'planned-time': plannedTime,
  place: (rest) => map(required(oneLine(rest), 'platsen', MAX_TITLE_LENGTH), (text) => ({ kind: 'place', text })),
  'clause-style': clauseStyle,
  attendance: noArguments({ kind: 'attendance' }),
  'mark-present': (rest) => map(checkedName(rest), (name) => ({ kind: 'mark-present', name })),
  'mark-absent': (rest) => map(checkedName(rest), (name) => ({ kind: 'mark-absent', name })),
  'confirm-identity': (rest) => map(checkedName(rest), (name) => ({ kind: 'confirm-identity', name })),
  adjuster: (rest) => map(checkedName(rest), (name) => ({ kind: 'adjuster', name })),
  'stand-in': (rest) => map(checkedName(rest), (name) => ({ kind: 'stand-in', name })),
  'approval-deadline': approvalDeadline,
  end: noArguments({ kind: 'end' }),
  approve: noArguments({ kind: 'approve' }),
  'request-change': (rest) => map(required(multiLine(rest), 'kommentaren', MAX_TEXT_LENGTH), (comment) => ({ kind: 'request-change', comment })),
};
