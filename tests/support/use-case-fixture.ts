/**
 * The starting point of the use-case specs (tests/integration/core): a real store per engine, and
 * in it groups with a known roster and meetings at fixed times. Use cases are called as the bot
 * calls them, one transaction per call, so a DomainError rolls back whatever the call had written.
 */
import { DomainError, type DomainErrorCode } from '../../bot/src/core/errors';
import type { Group, IsoTime, ItemTypeTag, Meeting, RosterMember } from '../../bot/src/core/model';
import type { GroupSettings, NewRosterEntry, Repositories } from '../../bot/src/core/ports';
import type { CommandContext } from '../../bot/src/core/use-cases/command-context';
import { addItem, addSubPoint } from '../../bot/src/core/use-cases/agenda-edit';
import { startMeeting } from '../../bot/src/core/use-cases/meeting-flow';
import { openMeetingFor } from '../../bot/src/core/use-cases/open-meeting';
import type { StoreConnection } from '../../bot/src/store/database';
import { DatabaseUnitOfWork, repositoriesFor } from '../../bot/src/store/unit-of-work';
import { describeEachStore, type TestStore } from './stores';

/** Fredag den 16 februari 2024 kl. 09.00 in Stockholm (CET, UTC+1). */
export const MEETING_START = '2024-02-16T08:00:00.000Z';
/** `minutes` after the meeting's start: at(0) is kl. 09.00, at(-60) kl. 08.00, at(90) kl. 10.30. */
export const at = (minutes: number): IsoTime => new Date(Date.parse(MEETING_START) + minutes * 60_000).toISOString();

/**
 * With the default 'huvudman' rule: Region Blekinge has two voting members (Mats, Carina; Sandra is
 * the secretary), Karlshamns kommun and Ronneby kommun one each. The roster keeps the order typed:
 * these are typed by huvudman, then name.
 */
export const PEOPLE = {
  rebecca: { name: 'Rebecca Welander', title: 'verksamhetschef', principal: 'Karlshamns kommun', roles: ['ledamot'], email: 'rebecca.welander@karlshamn.se' },
  carina: { name: 'Carina Ingemansson', title: 'stf verksamhetschef medicinkliniken', principal: 'Region Blekinge', roles: ['ledamot'] },
  mats: {
    name: 'Mats Wennstig', title: 'hälso- och sjukvårdsstrateg', principal: 'Region Blekinge', roles: ['ordförande'],
    aadObjectId: 'c0000000-0000-4000-8000-000000000001', email: 'mats.wennstig@regionblekinge.se',
  },
  sandra: { name: 'Sandra Johansson', title: 'processledare LOS', principal: 'Region Blekinge', roles: ['sekreterare'] },
  anna: { name: 'Anna-Karin Åkesson', title: 'verksamhetschef HSL/myndighet', principal: 'Ronneby kommun', roles: ['ledamot'] },
} satisfies Record<string, NewRosterEntry>;

export type PersonKey = keyof typeof PEOPLE;

export interface GroupFixture {
  group: Group;
  members: Record<PersonKey, RosterMember>;
  /** the secretary writing at `minutes` after the start */
  ctx(minutes: number): CommandContext;
}

export interface MeetingOptions {
  /** own items as `ny punkt` takes them: a title, or `[title, type tag, sub-points]` (the sub-points added with `underpunkt`) */
  items?: Array<string | [string, ItemTypeTag | null, string[]?]>;
  /** roster members whose Teams join arrives two minutes before the start */
  joined?: PersonKey[];
}

let groups = 0;

export class UseCaseFixture {
  constructor(private readonly store: () => StoreConnection) {}

  /** Repositories outside any transaction, for arranging and asserting. */
  get repos(): Repositories {
    return repositoriesFor(this.store().db);
  }

  /** The store's database, for arranging what no repository does (a roster entry deleted outright). */
  get db(): StoreConnection['db'] {
    return this.store().db;
  }

  /** One use-case call in one transaction, as the bot runs it. */
  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return new DatabaseUnitOfWork(this.store().db).read(work);
  }

  /** A new group (its own name, so groups of one store never meet) with the five people on its roster. */
  async group(settings: GroupSettings = {}, roster: PersonKey[] = Object.keys(PEOPLE) as PersonKey[]): Promise<GroupFixture> {
    groups += 1;
    const created = await this.repos.groups.create({ name: `Samverkansgrupp ${groups} ${Math.random().toString(36).slice(2, 8)}`, decidingBody: 'Samverkansgruppen' });
    const group = Object.keys(settings).length ? await this.repos.groups.updateSettings(created.id, settings) : created;
    const stored = await this.repos.roster.upsert(group.id, roster.map((key) => PEOPLE[key]));
    const members = Object.fromEntries(
      roster.map((key) => [key, stored.find((m) => m.name === PEOPLE[key].name)!]),
    ) as Record<PersonKey, RosterMember>;
    const actor = { aadObjectId: null, name: PEOPLE.sandra.name };
    return { group, members, ctx: (minutes) => ({ group, actor, at: at(minutes) }) };
  }

  /** Plans the group's meeting (own items an hour before), lets `joined` join at -2 and starts it at 0. */
  async runningMeeting(g: GroupFixture, options: MeetingOptions = {}): Promise<Meeting> {
    await this.plan(g, options.items ?? []);
    await this.run((repos) => openMeetingFor(repos, g.group, at(-60)));
    for (const key of options.joined ?? []) await this.join(g, key, -2);
    const started = await this.run((repos) => startMeeting(repos, g.ctx(0)));
    return started.data!.meeting;
  }

  /** Own items (and their sub-points) put on the group's next meeting with `ny punkt` / `underpunkt`. */
  async plan(g: GroupFixture, items: NonNullable<MeetingOptions['items']>): Promise<void> {
    for (const [index, item] of items.entries()) {
      const [title, tag, subPoints] = typeof item === 'string' ? [item, null, []] : item;
      await this.run((repos) => addItem(repos, g.ctx(-60 + index), title, tag));
      for (const sub of subPoints ?? []) await this.run((repos) => addSubPoint(repos, g.ctx(-60 + index), sub));
    }
  }

  /**
   * A live Teams join or leave of a roster member, stored as the participant event handler stores it:
   * on the planned or running meeting, else (a late event) on the group's newest meeting.
   */
  async join(g: GroupFixture, key: PersonKey, minutes: number, kind: 'join' | 'leave' = 'join'): Promise<void> {
    const meeting = (await this.repos.meetings.findOpen(g.group.id)) ?? (await this.meetings(g))[0];
    if (!meeting) throw new Error('the group has no meeting to join');
    const member = g.members[key];
    await this.repos.attendance.addEvent(meeting.id, {
      memberId: member.id, displayName: member.name, aadObjectId: member.aadObjectId, kind, at: at(minutes), source: 'live',
    });
  }

  /** The group's meetings, newest first, as stored. */
  async meetings(g: GroupFixture): Promise<Meeting[]> {
    return this.repos.meetings.list(g.group.id);
  }

  /** `[number, title]` of the meeting's main items and `[null, title]` of its sub-points, in walk order. */
  async agenda(meetingId: string): Promise<Array<[number | null, string]>> {
    const items = await this.repos.agenda.list(meetingId);
    const main = items.filter((i) => i.parentId === null).sort((a, b) => a.position - b.position);
    return main.flatMap((m) => [
      [m.number, m.title] as [number | null, string],
      ...items.filter((i) => i.parentId === m.id).sort((a, b) => a.position - b.position).map((s) => [s.number, s.title] as [number | null, string]),
    ]);
  }
}

/** `describeEachStore` with a use-case fixture on the block's store. */
export function describeUseCase(title: string, body: (fx: UseCaseFixture, kind: TestStore['name']) => void): void {
  describeEachStore(title, (store, kind) => body(new UseCaseFixture(store), kind));
}

/** The promise fails with a DomainError of this code and exactly this Swedish message. */
export async function expectDomainError(promise: Promise<unknown>, code: DomainErrorCode, userMessage: string | RegExp): Promise<void> {
  const error = await promise.then(
    () => { throw new Error(`expected a ${code} DomainError, but the call succeeded`); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (typeof userMessage === 'string') expect((error as DomainError).userMessage).toBe(userMessage);
  else expect((error as DomainError).userMessage).toMatch(userMessage);
}
