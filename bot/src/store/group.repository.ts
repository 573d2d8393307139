import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { ConversationBinding, ConversationPlace, GroupSettings, GroupStore } from '../core/ports';
import type { DocumentKind, Group, NumberingStyle, QuorumRule } from '../core/model';
import type { Database, GroupsTable } from './schema';
import { nameKey } from './rows';

export const groupColumns = [
  'id', 'name', 'deciding_body', 'document_kind', 'numbering_style', 'numbering_start', 'numbering_start_year',
  'quorum_rule', 'numbered_clauses', 'elects_adjuster', 'tenant_id', 'team_id', 'channel_id',
] as const;

const columns = groupColumns;

/** The group columns of `g`, for the conversation's group below (built once: they never change). */
const groupList = sql.join(groupColumns.map((c) => sql.ref(`g.${c}`)));

/** A team's channel, not a chat: a chat's meeting group is never looked for in a channel. */
export const isTeamChannel = (place: ConversationPlace): boolean => place.teamId !== null && place.channelId !== null;

/**
 * The group a conversation belongs to, as one row of the group's columns (none when it has none):
 * its binding (`grupp <namn>` or install), else in a team the group of its channel — so a channel
 * meeting's chat belongs to its channel's group — else the group whose calendar meeting has this
 * chat, as Graph told for a short join link. The one statement of this rule, for the turn's context
 * and for the group resolver alike.
 */
export function conversationGroup(place: ConversationPlace, inTeamChannel = isTeamChannel(place)): RawBuilder<unknown> {
  return sql`
      select ${groupList}, 1 as preference from conversations c join groups g on g.id = c.group_id
      where c.conversation_id = ${place.conversationId}
      union all
      select ${groupList}, 2 from groups g
      where g.team_id = ${place.teamId} and g.channel_id = ${place.channelId}
      union all
      select * from (
        select ${groupList}, 3 from online_meetings o join groups g on g.id = o.group_id
        where o.chat_id = ${place.conversationId} and ${sql.lit(!inTeamChannel)}
        order by o.resolved_at desc limit 1
      ) of_chat
      order by preference limit 1`;
}

type GroupRow = Pick<Selectable<GroupsTable>, (typeof columns)[number]>;

export function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    name: row.name,
    decidingBody: row.deciding_body,
    documentKind: row.document_kind as DocumentKind,
    numberingStyle: row.numbering_style as NumberingStyle,
    numberingStart: row.numbering_start,
    numberingStartYear: row.numbering_start_year,
    quorumRule: row.quorum_rule as QuorumRule,
    numberedClauses: row.numbered_clauses,
    electsAdjuster: row.elects_adjuster,
    tenantId: row.tenant_id,
    teamId: row.team_id,
    channelId: row.channel_id,
  };
}

export class GroupRepository implements GroupStore {
  constructor(private readonly db: Kysely<Database>) {}

  async findById(groupId: string): Promise<Group | null> {
    const row = await this.db.selectFrom('groups').select(columns).where('id', '=', groupId).executeTakeFirst();
    return row ? toGroup(row) : null;
  }

  async findByMeeting(meetingId: string): Promise<Group | null> {
    const row = await this.db
      .selectFrom('groups')
      .select(columns)
      .where('id', '=', (eb) => eb.selectFrom('meetings').select('meetings.group_id').where('meetings.id', '=', meetingId))
      .executeTakeFirst();
    return row ? toGroup(row) : null;
  }

  async findByName(tenantId: string | null, name: string): Promise<Group | null> {
    const row = await this.db
      .selectFrom('groups')
      .select(columns)
      .where(sql<string>`coalesce(tenant_id, '')`, '=', tenantId ?? '')
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return row ? toGroup(row) : null;
  }

  async rename(groupId: string, name: string, decidingBody: string): Promise<Group> {
    const row = await this.db
      .updateTable('groups')
      .set({ name, name_key: nameKey(name), deciding_body: decidingBody })
      .where('id', '=', groupId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toGroup(row);
  }

  async findForConversation(place: ConversationPlace): Promise<Group | null> {
    const result = await sql<Selectable<GroupsTable>>`${conversationGroup(place)}`.execute(this.db);
    return result.rows[0] ? toGroup(result.rows[0]) : null;
  }

  async create(input: { name: string; decidingBody: string; tenantId?: string | null; teamId?: string | null; channelId?: string | null }): Promise<Group> {
    const row = await this.db
      .insertInto('groups')
      .values({
        name: input.name,
        name_key: nameKey(input.name),
        deciding_body: input.decidingBody,
        tenant_id: input.tenantId ?? null,
        team_id: input.teamId ?? null,
        channel_id: input.channelId ?? null,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toGroup(row);
  }

  async updateSettings(groupId: string, settings: GroupSettings): Promise<Group> {
    const row = await this.db
      .updateTable('groups')
      .set({
        deciding_body: settings.decidingBody,
        document_kind: settings.documentKind,
        numbering_style: settings.numberingStyle,
        numbering_start: settings.numberingStart,
        numbering_start_year: settings.numberingStartYear,
        quorum_rule: settings.quorumRule,
        numbered_clauses: settings.numberedClauses,
        elects_adjuster: settings.electsAdjuster,
      })
      .where('id', '=', groupId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toGroup(row);
  }

  async bindConversation(groupId: string | null, binding: ConversationBinding): Promise<void> {
    const reference = JSON.stringify(binding.reference);
    await this.db
      .insertInto('conversations')
      .values({ conversation_id: binding.conversationId, group_id: groupId, kind: binding.kind, reference })
      .onConflict((oc) =>
        oc.column('conversation_id').doUpdateSet((eb) => ({
          // Refreshing the reference never unbinds: a null group keeps the existing binding.
          group_id: groupId ?? eb.ref('conversations.group_id'),
          kind: binding.kind,
          reference,
          updated_at: new Date(),
        })),
      )
      .execute();
  }

  async conversationReferences(groupId: string, kind?: ConversationBinding['kind']): Promise<ConversationBinding[]> {
    let query = this.db
      .selectFrom('conversations')
      .select(['conversation_id', 'kind', 'reference'])
      .where('group_id', '=', groupId);
    if (kind) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('updated_at', 'desc').execute();
    return rows.map((r) => ({ conversationId: r.conversation_id, kind: r.kind as ConversationBinding['kind'], reference: r.reference }));
  }

  async listForMember(aadObjectId: string): Promise<Group[]> {
    const rows = await this.db
      .selectFrom('groups')
      .select(columns)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('roster_members')
            .select('roster_members.id')
            .whereRef('roster_members.group_id', '=', 'groups.id')
            .where('roster_members.aad_object_id', '=', aadObjectId),
        ),
      )
      .orderBy('name')
      .execute();
    return rows.map(toGroup);
  }

  async listAll(): Promise<Group[]> {
    const rows = await this.db.selectFrom('groups').select(columns).orderBy('name').execute();
    return rows.map(toGroup);
  }
}
