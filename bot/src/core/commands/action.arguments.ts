/**
 * `åtgärd <text> [ansvarig <namn>] [senast <ÅÅÅÅ-MM-DD>]`: `ansvarig` and `senast` in either
 * order at the end (the last occurrence of each word counts).
 */
import type { Command } from './command';
import { MAX_TEXT_LENGTH } from '../validators';
import { checkedDate, checkedName, oneLine, withinLimit, type Checked } from './command.text';

const MARKERS = ['ansvarig', 'senast'] as const;
type Marker = (typeof MARKERS)[number];

export function parseAction(rest: string): Checked<Command> {
  let words = oneLine(rest).split(' ').filter(Boolean);
  const found: Partial<Record<Marker, string>> = {};
  for (let round = 0; round < MARKERS.length; round++) {
    const index = Math.max(
      ...MARKERS.filter((m) => found[m] === undefined).map((m) => words.map((w) => w.toLowerCase()).lastIndexOf(m)),
    );
    if (index < 0) break;
    const marker = (words[index] ?? '').toLowerCase() as Marker;
    found[marker] = words.slice(index + 1).join(' ');
    words = words.slice(0, index);
  }

  const text = words.join(' ');
  if (!text) return { problem: 'Åtgärdens text saknas.' };
  const checkedText = withinLimit(text, MAX_TEXT_LENGTH, 'åtgärdens text');
  if ('problem' in checkedText) return checkedText;

  let owner: string | null = null;
  if (found.ansvarig !== undefined) {
    const name = checkedName(found.ansvarig, 'namnet efter ansvarig');
    if ('problem' in name) return name;
    owner = name.value;
  }
  let dueDate: string | null = null;
  if (found.senast !== undefined) {
    if (!found.senast) return { problem: 'Datumet efter senast saknas.' };
    const date = checkedDate(found.senast);
    if ('problem' in date) return date;
    dueDate = date.value;
  }
  return { value: { kind: 'action', text: checkedText.value, owner, dueDate } };
}
