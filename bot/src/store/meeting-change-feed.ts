/**
 * The database's word that a meeting changed (migration 0019-live-meeting: triggers on every table the live
 * panel shows send `pg_notify('protokoll_live', <meeting id>)`, delivered on commit). One LISTEN per
 * server instance, shared by every open stream of that instance; with several instances behind a
 * load balancer each hears every other's commits, because the notification comes from the database.
 */
import type { MeetingChangeFeed } from '../core/ports';
import type { StoreConnection } from './database';

export const LIVE_CHANNEL = 'protokoll_live';

export class DatabaseMeetingChangeFeed implements MeetingChangeFeed {
  private readonly subscribers = new Map<string, Set<() => void>>();
  private stopListening: (() => Promise<void>) | null = null;

  static async start(store: StoreConnection): Promise<DatabaseMeetingChangeFeed> {
    const feed = new DatabaseMeetingChangeFeed();
    feed.stopListening = await store.listen(LIVE_CHANNEL, (meetingId) => feed.changed(meetingId), () => feed.changedAll());
    return feed;
  }

  subscribe(meetingId: string, onChange: () => void): () => void {
    const set = this.subscribers.get(meetingId) ?? new Set();
    set.add(onChange);
    this.subscribers.set(meetingId, set);
    return () => {
      set.delete(onChange);
      if (set.size === 0 && this.subscribers.get(meetingId) === set) this.subscribers.delete(meetingId);
    };
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    const stop = this.stopListening;
    this.stopListening = null;
    await stop?.();
  }

  // Later, not now: the notification arrives while the database connection that delivered it may
  // still be busy, and every subscriber reads from the database.
  private changed(meetingId: string): void {
    for (const onChange of this.subscribers.get(meetingId) ?? []) setImmediate(onChange);
  }

  private changedAll(): void {
    for (const set of this.subscribers.values()) for (const onChange of set) setImmediate(onChange);
  }
}
