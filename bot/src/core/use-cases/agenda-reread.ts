/**
 * An invitation edited after its agenda was read (a new item in the body, a changed presenter, an
 * item struck): the agenda is read again, until the meeting starts.
 *
 *   rereadEventAgenda(repos, group, meeting, event, at) → what changed, in Swedish (`ny punkt: X`,
 *     `borttagen: Y`, `ändrad: Z`), or [] when nothing did. The new invitation is compared with the
 *     one read last time, not with the agenda as it stands, so what the secretary did meanwhile
 *     stays: items typed with `ny punkt`, added by hand or carried over are never touched, and an
 *     invitation item renamed with `ändra punkt` is no longer the invitation's to remove. Run under
 *     the calendar link's row lock; the invitation as read is stored in the same transaction.
 */
import type { CalendarEvent } from '../calendar';
import type { AgendaItem, Group, IsoTime, Meeting } from '../model';
import type { Repositories } from '../ports';
import { parseEventAgenda } from '../event-agenda-parser';
import { composeAgenda, type AgendaDraftItem } from '../standard-items';
import { mainItems, OWN_POSITION, subPointsOf } from './agenda-order';
import { renumber } from './renumber';

export async function rereadEventAgenda(repos: Repositories, group: Group, meeting: Meeting, event: CalendarEvent, at: IsoTime): Promise<string[]> {
  if (meeting.status !== 'planerat') return [];
  const before = await repos.calendar.eventAgenda(meeting.id);
  if (!before) return []; // not read yet: the first import (at the lead time) reads it whole
  const after = composeAgenda({ group, ownItems: parseEventAgenda(event.body), carriedOver: [] });
  if (canonical(before) === canonical(after)) return [];

  const items = await repos.agenda.list(meeting.id);
  const mains = mainItems(items);
  const changes: string[] = [];
  const oldOwn = new Map(before.filter((d) => d.standardKind === null).map((d) => [key(d.title), d]));
  const newOwn = after.filter((d) => d.standardKind === null);
  const ours = (draft: AgendaDraftItem) => mains.find((i) => i.fromInvitation && i.standardKind === null && key(i.title) === key(draft.title));

  for (const [title, draft] of oldOwn) {
    if (newOwn.some((d) => key(d.title) === title)) continue;
    const item = ours(draft);
    if (item) {
      await repos.agenda.remove(meeting.id, item.id);
      changes.push(`borttagen: ${item.title}`);
    }
  }
  // The invitation's items keep the invitation's order, before the items added with `ny punkt`.
  let position = OWN_POSITION - newOwn.length;
  for (const draft of newOwn) {
    const old = oldOwn.get(key(draft.title));
    const item = old ? ours(old) : undefined;
    if (item) {
      await repos.agenda.update(meeting.id, item.id, { position });
      if (differs(old!, draft)) {
        await rewrite(repos, group, meeting, item, items, draft);
        changes.push(`ändrad: ${draft.title}`);
      }
    } else if (!old) {
      await insert(repos, group, meeting, draft, position);
      changes.push(`ny punkt: ${draft.title}`);
    }
    position++;
  }
  for (const draft of after.filter((d) => d.standardKind !== null)) {
    const was = before.find((d) => d.standardKind === draft.standardKind);
    const slot = mains.find((i) => i.standardKind === draft.standardKind);
    if (!slot || (was && !differs(was, draft))) continue;
    await repos.agenda.update(meeting.id, slot.id, { title: draft.title, typeTag: draft.typeTag ?? slot.typeTag, presenters: draft.presenters });
    if (was) changes.push(`ändrad: ${draft.title}`);
  }
  await repos.calendar.setEventAgenda(meeting.id, after);
  if (changes.length) await renumber(repos, group, meeting, at);
  return changes;
}

/** Compared field by field: the stored copy comes back from jsonb with its keys in another order. */
const canonical = (drafts: AgendaDraftItem[]) =>
  JSON.stringify(drafts.map((d) => [d.title, d.typeTag, d.standardKind, d.section, d.subPoints, d.presenters, d.carriedFromItemId]));

const key = (title: string) => title.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');

const differs = (a: AgendaDraftItem, b: AgendaDraftItem) =>
  a.title !== b.title || a.typeTag !== b.typeTag || a.section !== b.section ||
  JSON.stringify(a.presenters) !== JSON.stringify(b.presenters) || JSON.stringify(a.subPoints) !== JSON.stringify(b.subPoints);

/** The invitation's version of an item: its wording and sub-points; sub-points added by hand stay, after them. */
async function rewrite(repos: Repositories, group: Group, meeting: Meeting, item: AgendaItem, items: AgendaItem[], draft: AgendaDraftItem): Promise<void> {
  await repos.agenda.update(meeting.id, item.id, { title: draft.title, typeTag: draft.typeTag, presenters: draft.presenters, section: draft.section });
  const subs = subPointsOf(items, item.id);
  for (const sub of subs.filter((s) => s.fromInvitation)) await repos.agenda.remove(meeting.id, sub.id);
  const kept = subs.filter((s) => !s.fromInvitation);
  let sub = 0;
  for (const title of draft.subPoints) await repos.agenda.insert(group.id, { ...blank(meeting, item.id), position: sub++, title, fromInvitation: true });
  for (const own of kept) await repos.agenda.update(meeting.id, own.id, { position: sub++ });
}

async function insert(repos: Repositories, group: Group, meeting: Meeting, draft: AgendaDraftItem, position: number): Promise<void> {
  const item = await repos.agenda.insert(group.id, {
    ...blank(meeting, null), position, title: draft.title, section: draft.section, typeTag: draft.typeTag, presenters: draft.presenters, fromInvitation: true,
  });
  let sub = 0;
  for (const title of draft.subPoints) await repos.agenda.insert(group.id, { ...blank(meeting, item.id), position: sub++, title, fromInvitation: true });
}

const blank = (meeting: Meeting, parentId: string | null) => ({
  meetingId: meeting.id, parentId, section: null, typeTag: null, standardKind: null, number: null,
  presenters: [] as string[], outcome: 'open' as const, recipients: [] as string[], carriedFromItemId: null,
});
