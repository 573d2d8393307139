/**
 * Finding the command keyword at the start of a message: case-insensitive, any spaces between the
 * words of a keyword, the longest keyword wins (`ny punkt` before `punkt`, `beslutsförhet` before
 * `beslut`); and the closest keyword for a typo.
 */
import { COMMAND_SYNTAX, type CommandKind } from './command';

interface Keyword {
  kind: CommandKind;
  keyword: string;
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const KEYWORDS: readonly Keyword[] = (Object.keys(COMMAND_SYNTAX) as CommandKind[])
  .flatMap((kind) => COMMAND_SYNTAX[kind].keywords.map((keyword) => ({ kind, keyword })))
  .sort((a, b) => b.keyword.length - a.keyword.length)
  .map(({ kind, keyword }) => ({
    kind,
    keyword,
    // the keyword must end at a word end: whitespace, `:`, a final `.`, or the end of the text
    pattern: new RegExp(`^${keyword.split(' ').map(escape).join('[ \\t]+')}(?=$|\\s|:|\\.(?:\\s|$))`, 'iu'),
  }));

export interface KeywordMatch {
  kind: CommandKind;
  keyword: string;
  /** what follows the keyword (a `:` right after it dropped), untrimmed */
  rest: string;
}

export function matchKeyword(text: string): KeywordMatch | null {
  for (const { kind, keyword, pattern } of KEYWORDS) {
    const match = pattern.exec(text);
    if (match) return { kind, keyword, rest: text.slice(match[0].length).replace(/^:/, '') };
  }
  return null;
}

/**
 * The command whose multi-word keyword starts with this word (`ny …` → add-item), when the rest of
 * the keyword is missing or misspelt.
 */
export function kindByFirstWord(word: string): KeywordMatch | null {
  const lower = word.toLowerCase();
  const found = KEYWORDS.filter((k) => k.keyword.includes(' ') && k.keyword.split(' ')[0] === lower);
  const first = found[0];
  if (!first || found.some((k) => k.kind !== first.kind)) return null;
  return { kind: first.kind, keyword: first.keyword, rest: '' };
}

/** The keyword closest to what was written, when it is close enough to be a typo. */
export function closestKeyword(text: string): { kind: CommandKind; keyword: string } | null {
  // only the first few words matter; long words are cut so a huge message costs nothing
  const words = text.toLowerCase().split(/\s+/, 3).map((word) => word.slice(0, 30));
  let best: { kind: CommandKind; keyword: string; distance: number } | null = null;
  for (const { kind, keyword } of KEYWORDS) {
    const typed = words.slice(0, keyword.split(' ').length).join(' ');
    const distance = editDistance(typed, keyword);
    const allowed = keyword.length <= 4 ? 1 : 2;
    if (distance <= allowed && (!best || distance < best.distance)) best = { kind, keyword, distance };
  }
  return best ? { kind: best.kind, keyword: best.keyword } : null;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
