/**
 * What the next agenda inherits: every postponed item ("Denna punkt tas upp vid nästa möte"), and
 * open action items due soon (or overdue) as one follow-up item with a sub-point per action.
 *
 *   carryOver({ postponedItems, openActions, today, followUpWithinDays }) → CarriedItem[]
 *     postponed items keep title and type tag, in the order given (carriedFromItemId = their id);
 *     open actions due on or before today + followUpWithinDays become one item
 *     "Uppföljning av åtgärder" (I), earliest due first, a sub-point each:
 *     "<text> (ansvarig <owner>, senast <date>)", leaving out what is unknown. Actions without a
 *     due date are not followed up automatically: nothing says when they are due.
 */
import type { ActionItem, AgendaItem, IsoDate, ItemTypeTag } from './model';
import { addDays } from './swedish-time';

export interface CarriedItem {
  title: string;
  typeTag: ItemTypeTag | null;
  carriedFromItemId: string | null;
  subPoints: string[];
}

export const FOLLOW_UP_TITLE = 'Uppföljning av åtgärder';

export function carryOver(input: {
  postponedItems: AgendaItem[];
  openActions: ActionItem[];
  today: IsoDate;
  followUpWithinDays: number;
}): CarriedItem[] {
  const carried: CarriedItem[] = input.postponedItems.map((item) => ({
    title: item.title,
    typeTag: item.typeTag,
    carriedFromItemId: item.id,
    subPoints: [],
  }));
  const horizon = addDays(input.today, input.followUpWithinDays);
  const due = input.openActions
    .filter((a) => a.status === 'open' && a.dueDate !== null && a.dueDate <= horizon)
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0));
  if (due.length > 0) {
    carried.push({ title: FOLLOW_UP_TITLE, typeTag: 'I', carriedFromItemId: null, subPoints: due.map(describeAction) });
  }
  return carried;
}

function describeAction(action: ActionItem): string {
  const details = [action.ownerName ? `ansvarig ${action.ownerName}` : null, action.dueDate ? `senast ${action.dueDate}` : null].filter(Boolean);
  return details.length ? `${action.text} (${details.join(', ')})` : action.text;
}
