/** `närvaro`: present and absent per huvudman, övriga deltagare, the quorum line, and corrections. */
import type { AttendanceView } from '../core/use-cases/attendance-view';
import { Verbs } from '../teams/verbs';
import { actionSet, card, choiceSet, container, executeAction, heading, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown } from './escape';

export function buildAttendanceCard(view: AttendanceView): AdaptiveCard {
  const body: CardElement[] = [
    heading('Närvaro'),
    container([textBlock(`${view.quorum.quorate ? '✅' : '⚠️'} ${escapeMarkdown(view.quorumLine)}`, { weight: 'Bolder' })], {
      style: view.quorum.quorate ? 'good' : 'warning',
    }),
  ];
  for (const { principal, members } of view.principals) {
    const present = members.filter((m) => m.presentNow || m.attended);
    const absent = members.filter((m) => !m.presentNow && !m.attended);
    body.push(textBlock(escapeMarkdown(principal || 'Utan huvudman'), { weight: 'Bolder', spacing: 'Medium' }));
    body.push(textBlock(`Närvarande: ${present.length ? present.map(describe).join(', ') : '–'}`, { spacing: 'None' }));
    if (absent.length) body.push(textBlock(`Frånvarande: ${absent.map((m) => escapeMarkdown(m.name)).join(', ')}`, { spacing: 'None', isSubtle: true }));
  }
  if (view.others.length) {
    body.push(textBlock('Övriga deltagare (räknas inte)', { weight: 'Bolder', spacing: 'Medium' }));
    body.push(textBlock(view.others.map((o) => escapeMarkdown(o.name)).join(', '), { spacing: 'None' }));
  }
  const members = view.principals.flatMap((p) => p.members);
  if (members.length) {
    body.push(choiceSet('memberId', 'Rätta närvaro för', members.map((m) => ({ title: m.name, value: m.memberId })), undefined, { spacing: 'Medium' }));
    body.push(actionSet([
      executeAction('Närvarande', Verbs.markPresent, {}, { associatedInputs: 'auto' }),
      executeAction('Frånvarande', Verbs.markAbsent, {}, { associatedInputs: 'auto' }),
    ]));
  }
  return card(body, [executeAction('Uppdatera', Verbs.refreshAttendance, {})]);
}

function describe(member: AttendanceView['principals'][number]['members'][number]): string {
  const mark = member.partialPresence ? ` ${member.partialPresence}` : '';
  const away = member.attended && !member.presentNow ? ' (har lämnat)' : '';
  const guest = member.counts ? '' : ` (${member.role})`;
  return `${escapeMarkdown(member.name)}${escapeMarkdown(mark)}${guest}${away}`;
}
