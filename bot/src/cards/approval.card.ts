/**
 * The draft posted for justering: what it contains, each approver's state, a link to the document
 * and the two actions. Approvers press Justera or write a comment and press Begär ändring; the bot
 * refuses anyone else, and the card is answered with its refreshed state.
 */
import { MAX_TEXT_LENGTH } from '../core/validators';
import { Verbs } from './verbs';
import { actionSet, card, container, executeAction, factSet, heading, textBlock, textInput, type AdaptiveCard, type CardElement } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface ApprovalCardModel {
  meetingId: string;
  documentVersionId: string;
  title: string;
  versionLabel: string;
  paragraphRange: string | null;
  /** the main paragraphs, `§ 15 Vårdplatsflöde` */
  paragraphs: Array<{ label: string; title: string }>;
  decisionCount: number;
  openActionCount: number;
  sha256: string;
  documentUrl: string;
  deadline: string | null;
  locked: boolean;
  /** show Justera / Begär ändring: to an approver, or to everyone while some approver has no Teams user id yet */
  showActions: boolean;
  /** Teams user ids of the approvers, whose clients fetch their own view of the card (refresh.userIds) */
  refreshUserIds: string[];
  approvers: Array<{ name: string; role: string; state: 'waiting' | 'approved' | 'changes-requested'; comment: string | null; at: string | null }>;
}

/** A long agenda is cut short on the card; the document has it all. */
const MAX_LISTED_PARAGRAPHS = 40;

function paragraphList(paragraphs: ApprovalCardModel['paragraphs']): CardElement[] {
  if (paragraphs.length === 0) return [];
  const shown = paragraphs.slice(0, MAX_LISTED_PARAGRAPHS).map((p) => textBlock(`${p.label} ${escapeMarkdown(p.title)}`, { spacing: 'None', size: 'Small' }));
  const rest = paragraphs.length - MAX_LISTED_PARAGRAPHS;
  if (rest > 0) shown.push(textBlock(`… och ${rest} till`, { spacing: 'None', size: 'Small', isSubtle: true }));
  return [container(shown, { spacing: 'Small' })];
}

/** Teams gives a user-specific view to at most 60 users per card. */
const MAX_REFRESH_USERS = 60;

const STATE = { waiting: '⏳ väntar', approved: '✅ justerat', 'changes-requested': '✏️ begär ändring' } as const;

export function buildApprovalCard(model: ApprovalCardModel): AdaptiveCard {
  const body: CardElement[] = [
    heading(escapeMarkdown(model.title)),
    textBlock(model.locked ? '🔒 Protokollet är justerat och låst.' : `Utkast för justering · ${model.versionLabel}`, { isSubtle: !model.locked, weight: model.locked ? 'Bolder' : 'Default', spacing: 'None' }),
    factSet([
      ...(model.paragraphRange ? [{ title: 'Paragrafer', value: model.paragraphRange }] : []),
      { title: 'Beslut', value: String(model.decisionCount) },
      { title: 'Öppna åtgärder', value: String(model.openActionCount) },
      ...(model.deadline ? [{ title: 'Justering', value: model.deadline }] : []),
      { title: 'SHA-256', value: model.sha256.slice(0, 16) },
    ]),
    ...paragraphList(model.paragraphs),
    textBlock(`[Öppna protokollet](${model.documentUrl})`),
    container(
      model.approvers.map((a) =>
        textBlock(`${escapeMarkdown(a.name)} (${a.role}): ${STATE[a.state]}${a.at ? ` ${a.at}` : ''}${a.comment ? ` – ${escapeMarkdown(a.comment)}` : ''}`, { spacing: 'None' }),
      ),
      { spacing: 'Medium' },
    ),
  ];
  if (!model.locked && !model.showActions) {
    body.push(textBlock('Ordföranden och justerarna justerar här i kortet.', { isSubtle: true }));
  }
  if (!model.locked && model.showActions) {
    body.push(
      textInput('comment', 'Kommentar (vid begäran om ändring)', { isMultiline: true, maxLength: MAX_TEXT_LENGTH }),
      actionSet([
        executeAction('Justera', Verbs.approve, { meetingId: model.meetingId, documentVersionId: model.documentVersionId }, { associatedInputs: 'none', style: 'positive' }),
        executeAction('Begär ändring', Verbs.requestChange, { meetingId: model.meetingId, documentVersionId: model.documentVersionId }, { associatedInputs: 'auto' }),
      ]),
    );
  }
  const refresh = executeAction('Uppdatera', Verbs.refreshApproval, { meetingId: model.meetingId }, { associatedInputs: 'none' });
  const userSpecific = !model.locked && model.refreshUserIds.length > 0 ? { action: refresh, userIds: model.refreshUserIds.slice(0, MAX_REFRESH_USERS) } : undefined;
  return card(body, [refresh], userSpecific);
}
