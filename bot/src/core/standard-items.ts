/**
 * The standard items every meeting has, generated around the meeting's own items:
 *   head (headKinds(group)): Godkännande av dagordning · Föregående sammanträdesprotokoll ·
 *                            Val av justerare samt tid för justering (only when the group elects one)
 *   …the meeting's own items, then anything carried over…
 *   tail (TAIL_KINDS):       Övriga frågor · Nästa sammanträde (always last)
 * STANDARD_TITLES gives each kind its Swedish title as printed in the protokoll.
 */
import type { Group, StandardItemKind } from './model';

export const STANDARD_TITLES: Record<StandardItemKind, string> = {
  'approve-agenda': 'Godkännande av dagordning',
  'previous-minutes': 'Föregående sammanträdesprotokoll',
  'elect-adjuster': 'Val av justerare samt tid för justering',
  'other-business': 'Övriga frågor',
  'next-meeting': 'Nästa sammanträde',
};

/** Before the meeting's own items. */
export function headKinds(group: Pick<Group, 'electsAdjuster'>): StandardItemKind[] {
  return group.electsAdjuster ? ['approve-agenda', 'previous-minutes', 'elect-adjuster'] : ['approve-agenda', 'previous-minutes'];
}

/** After the meeting's own items (and anything carried over). */
export const TAIL_KINDS: readonly StandardItemKind[] = ['other-business', 'next-meeting'];
