/**
 * A decision clause is kept without its leading `att`: the protokoll writes "… beslutar att" itself.
 * People type the clause with or without it (chat, the decision card, one clause per line), so
 * every entrance strips it the same way here.
 */

/** `att godkänna listan` → `godkänna listan`; `Att` alone → ``; `attestera …` is left as it is. Trimmed. */
export function withoutLeadingAtt(clause: string): string {
  return clause.trim().replace(/^att(?:\s+|$)/iu, '');
}
