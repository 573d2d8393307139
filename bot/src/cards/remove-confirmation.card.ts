/** `ta bort punkt` on an item with recorded content asks first. */
import { Verbs } from './verbs';
import { card, executeAction, textBlock, type AdaptiveCard } from './adaptive-card';
import { escapeMarkdown } from './escape';

export interface RemoveConfirmationCardModel {
  /** the meeting whose agenda was asked about: the button removes nothing from another meeting's */
  meetingId?: string;
  number: number;
  reference: string;
  title: string;
  recordedCount: number;
}

export function buildRemoveConfirmationCard(model: RemoveConfirmationCardModel): AdaptiveCard {
  return card(
    [
      textBlock(`Ta bort ${escapeMarkdown(model.reference)} ${escapeMarkdown(model.title)}?`, { weight: 'Bolder' }),
      textBlock(`Punkten har ${model.recordedCount} registrerade anteckningar, beslut eller åtgärder som också tas bort.`, { spacing: 'None' }),
    ],
    [executeAction('Ta bort ändå', Verbs.confirmRemoveItem, { number: model.number, ...(model.meetingId ? { meetingId: model.meetingId } : {}) }, { style: 'destructive' })],
  );
}
