/**
 * A decision clause is stored as it prints after its marker. In the `att` style the protokoll
 * writes "att" itself, so the clause is kept without its leading `att`; people type the clause with
 * or without it (chat, the decision card, one clause per line), so every entrance strips it the
 * same way here. In the numbered style (`1. Att …`) the clause is kept as typed and printed
 * capitalised: nothing is added, so `2. Justeringen sker digitalt …` can be written.
 */

/** `att godkänna listan` → `godkänna listan`; `Att` alone → ``; `attestera …` is left as it is. Trimmed. */
export function withoutLeadingAtt(clause: string): string {
  return clause.trim().replace(/^att(?:\s+|$)/iu, '');
}

/** What is stored for a clause typed in a group with this style; '' when nothing but `att` was typed. */
export function storedClause(typed: string, numbered: boolean): string {
  if (!withoutLeadingAtt(typed)) return '';
  return numbered ? typed.trim() : withoutLeadingAtt(typed);
}

/**
 * A clause stored in one style, as the other style stores it (the group changed its style):
 * `godkänna listan` ⇄ `Att godkänna listan`. A numbered clause without `att` (`Justeringen sker …`)
 * keeps its words.
 */
export function clauseInStyle(stored: string, numbered: boolean): string {
  const bare = withoutLeadingAtt(stored);
  if (!numbered) return bare;
  return bare === stored.trim() ? `Att ${stored.trim()}` : stored.trim();
}

/** The first letter upper-case, as a numbered clause is printed. */
export function capitalisedClause(clause: string): string {
  const text = clause.trim();
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}
