import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { NewRosterEntry, ProvisionalMatch, RosterStore } from '../core/ports';
import type { RosterMember, RosterRole } from '../core/model';
import { distinctRoles, primaryRole, rosterMember } from '../core/roster-roles';
import type { Database, RosterMembersTable } from './schema';
import { iso, jsonObjectOf, nameKey } from './rows';

export const rosterColumns = ['id', 'group_id', 'name', 'title', 'principal', 'role', 'roles', 'party', 'aad_object_id', 'email', 'teams_user_id'] as const;

const columns = rosterColumns;

export class RosterRepository implements RosterStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(groupId: string): Promise<RosterMember[]> {
    const rows = await this.db
      .selectFrom('roster_members')
      .select(columns)
      .where('group_id', '=', groupId)
      .orderBy('position')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toMember);
  }

  /**
   * New names go after the last entry, in the order given; a name already on the roster keeps its
   * place and takes the new title, huvudman, roles and party. An e-mail is only ever added or
   * changed, never cleared by a line without one, and it leaves an identity already tied (Entra
   * object id, Teams user id) alone: who someone is in Teams is learnt from Teams, not typed.
   */
  async upsert(groupId: string, entries: NewRosterEntry[]): Promise<RosterMember[]> {
    for (const entry of entries) {
      const roles = distinctRoles(entry.roles);
      const values = {
        name: entry.name,
        title: entry.title,
        principal: entry.principal,
        role: primaryRole({ roles }),
        roles: JSON.stringify(roles),
        party: entry.party ?? null,
      };
      const email = entry.email?.trim().toLowerCase() || null;
      await this.db
        .insertInto('roster_members')
        .values({
          group_id: groupId,
          name_key: nameKey(entry.name),
          ...values,
          position: sql<number>`(select coalesce(max(position), 0) + 1 from roster_members where group_id = ${groupId})`,
          aad_object_id: entry.aadObjectId ?? null,
          email,
        })
        .onConflict((oc) =>
          oc.columns(['group_id', 'name_key']).doUpdateSet({
            ...values,
            email: sql<string | null>`coalesce(excluded.email, roster_members.email)`,
          }),
        )
        .execute();
    }
    return this.list(groupId);
  }

  async rememberIdentity(groupId: string, memberId: string, identity: { aadObjectId: string | null; teamsUserId: string | null }): Promise<void> {
    const changes = {
      ...(identity.aadObjectId ? { aad_object_id: identity.aadObjectId } : {}),
      ...(identity.teamsUserId ? { teams_user_id: identity.teamsUserId } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    await this.db
      .updateTable('roster_members')
      .set(changes)
      .where('group_id', '=', groupId)
      .where('id', '=', memberId)
      .execute();
  }

  async addProvisionalMatch(groupId: string, memberId: string, match: Omit<ProvisionalMatch, 'memberId'>): Promise<void> {
    await this.db
      .insertInto('provisional_identities')
      .values({ group_id: groupId, member_id: memberId, aad_object_id: match.aadObjectId.toLowerCase(), teams_user_id: match.teamsUserId, display_name: match.displayName, seen_at: match.at })
      .onConflict((oc) => oc.columns(['group_id', 'member_id', 'aad_object_id']).doUpdateSet({ teams_user_id: match.teamsUserId, display_name: match.displayName, seen_at: match.at }))
      .execute();
  }

  async provisionalMatches(groupId: string, memberId?: string): Promise<ProvisionalMatch[]> {
    let query = this.db
      .selectFrom('provisional_identities')
      .select(['member_id', 'aad_object_id', 'teams_user_id', 'display_name', 'seen_at'])
      .where('group_id', '=', groupId);
    if (memberId) query = query.where('member_id', '=', memberId);
    const rows = await query.orderBy('seen_at').execute();
    return rows.map((r) => ({ memberId: r.member_id, aadObjectId: r.aad_object_id, teamsUserId: r.teams_user_id, displayName: r.display_name, at: iso(r.seen_at) }));
  }

  async clearProvisionalMatches(groupId: string, memberId: string): Promise<void> {
    await this.db.deleteFrom('provisional_identities').where('group_id', '=', groupId).where('member_id', '=', memberId).execute();
  }

  async findByAadObjectId(groupId: string, aadObjectId: string): Promise<RosterMember | null> {
    const row = await this.db
      .selectFrom('roster_members')
      .select(columns)
      .where('group_id', '=', groupId)
      .where(sql<string>`lower(aad_object_id)`, '=', aadObjectId.toLowerCase())
      .executeTakeFirst();
    return row ? toMember(row) : null;
  }
}

export type MemberRow = { [K in (typeof columns)[number]]: Selectable<RosterMembersTable>[K] };

export function toMember(r: MemberRow): RosterMember {
  return rosterMember({
    id: r.id,
    groupId: r.group_id,
    name: r.name,
    title: r.title,
    principal: r.principal,
    roles: r.roles as RosterRole[],
    party: r.party,
    aadObjectId: r.aad_object_id,
    email: r.email,
    teamsUserId: r.teams_user_id,
  });
}

/**
 * The group's roster in its order as one JSON array (empty, not null, without members), for reads
 * that bring it beside something else in one statement. `groupId`: a value or a column reference.
 */
export function rosterJson(groupId: unknown): RawBuilder<MemberRow[]> {
  return sql<MemberRow[]>`coalesce((select json_agg(${rosterMemberObject} order by r.position, r.created_at, r.id) from roster_members r where r.group_id = ${groupId}), '[]')`;
}

/** A roster row `r` as a JSON object with the columns toMember reads (built once: it never changes). */
export const rosterMemberObject = jsonObjectOf('r', rosterColumns);
