/**
 * `närvaro`: present and absent per huvudman with partial-presence marks, övriga deltagare (not
 * counted), whether the meeting is quorate with the count per bloc, and a compact correction:
 * pick a roster member, then Närvarande or Frånvarande.
 */
import type { AttendanceMemberView, AttendanceView } from '../core/use-cases/attendance-view';
import { formatRoles } from '../core/roster-roles';
import { Verbs } from './verbs';
import {
  actionSet, card, choiceSet, clip, container, executeAction, factSet, heading, textBlock, type AdaptiveCard, type CardElement,
} from './adaptive-card';
import { escapeMarkdown } from './escape';

export type AttendanceCardModel = AttendanceView;

const MAX_NAME = 120;

export function buildAttendanceCard(model: AttendanceCardModel): AdaptiveCard {
  const body: CardElement[] = [heading('Närvaro'), quorumBlock(model)];

  for (const { principal, members } of model.principals) {
    const present = members.filter((m) => m.presentNow || m.attended);
    const absent = members.filter((m) => !m.presentNow && !m.attended);
    body.push(textBlock(escapeMarkdown(principal || 'Utan huvudman'), { weight: 'Bolder', spacing: 'Medium' }));
    body.push(textBlock(`Närvarande: ${present.length ? present.map(describe).join(', ') : '–'}`, { spacing: 'None' }));
    if (absent.length) {
      body.push(textBlock(`Frånvarande: ${absent.map((m) => escapeMarkdown(clip(m.name, MAX_NAME))).join(', ')}`, { spacing: 'None', isSubtle: true }));
    }
  }

  if (model.others.length) {
    body.push(textBlock('Övriga deltagare (räknas inte)', { weight: 'Bolder', spacing: 'Medium' }));
    const others = model.others.map((o) => `${escapeMarkdown(clip(o.name, MAX_NAME))}${o.presentNow ? '' : ' (har lämnat)'}`);
    body.push(textBlock(others.join(', '), { spacing: 'None' }));
  }

  if (model.unconfirmed.length) {
    body.push(textBlock('Ej bekräftade (matchade bara på namnet i Teams)', { weight: 'Bolder', spacing: 'Medium', color: 'Warning' }));
    const lines = model.unconfirmed.map((u) => `${escapeMarkdown(clip(u.name, MAX_NAME))}${u.accounts > 1 ? ` (${u.accounts} olika Teams-konton)` : ''}`);
    body.push(textBlock(`${lines.join(', ')}. Räknas som närvarande men kan inte justera eller föra protokollet förrän sekreteraren bekräftar: välj personen nedan och tryck Bekräfta.`, { spacing: 'None' }));
  }

  const members = model.principals.flatMap((p) => p.members.map((m) => ({ member: m, principal: p.principal })));
  if (members.length) {
    body.push(choiceSet(
      'memberId',
      'Rätta närvaro för',
      members.map(({ member, principal }) => ({ title: `${member.name}${principal ? ` (${principal})` : ''}`, value: member.memberId })),
      { isRequired: true, errorMessage: 'Välj en person i listan.', placeholder: 'Välj person', spacing: 'Medium' },
    ));
    body.push(actionSet([
      executeAction('Närvarande', Verbs.markPresent, { meetingId: model.meetingId }),
      executeAction('Frånvarande', Verbs.markAbsent, { meetingId: model.meetingId }),
      ...(model.unconfirmed.length ? [executeAction('Bekräfta', Verbs.confirmIdentity, { meetingId: model.meetingId })] : []),
    ]));
  }
  // Uppdatera must not demand a member to be chosen: it sends no inputs.
  return card(body, [executeAction('Uppdatera', Verbs.refreshAttendance, { meetingId: model.meetingId }, { associatedInputs: 'none' })]);
}

function quorumBlock(model: AttendanceCardModel): CardElement {
  const { quorum } = model;
  if (quorum.rule === 'av') return container([textBlock(escapeMarkdown(model.quorumLine), { isSubtle: true })]);
  const items: CardElement[] = [
    textBlock(quorum.quorate ? '✅ Beslutsför' : '⚠️ Inte beslutsför', { weight: 'Bolder', color: quorum.quorate ? 'Good' : 'Warning' }),
  ];
  if (quorum.blocs.length) {
    items.push(factSet(quorum.blocs.map((bloc) => ({
      title: escapeMarkdown(bloc.label),
      value: `${bloc.quorate ? '✅' : '⚠️'} ${bloc.present} av ${bloc.members}, krävs ${bloc.required}`,
    })), { spacing: 'Small' }));
  } else {
    items.push(textBlock(escapeMarkdown(model.quorumLine), { spacing: 'None' }));
  }
  return container(items, { style: quorum.quorate ? 'good' : 'warning' });
}

function describe(member: AttendanceMemberView): string {
  const marks = [
    member.partialPresence ? escapeMarkdown(member.partialPresence) : '',
    member.counts ? '' : `(${formatRoles(member.roles)})`,
    member.attended && !member.presentNow && !member.partialPresence ? '(har lämnat)' : '',
  ].filter(Boolean);
  return [escapeMarkdown(clip(member.name, MAX_NAME)), ...marks].join(' ');
}
