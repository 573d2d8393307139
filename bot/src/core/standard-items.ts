/** The standard items every meeting has, in their places around the meeting's own items. */
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
