/**
 * The one way in. A chat message, a card action and a Teams meeting event all pass here, and only
 * here: one transaction together with the activity's idempotency key (a retried activity records
 * nothing twice), the conversation's group, the sender's identity, the handler, then the draft
 * rule of the core (a change to what a draft awaiting justering prints makes a new version in the
 * same transaction), and every error mapped to a Swedish answer. Slow work a handler declares
 * (reading Microsoft Graph) runs before or after the transaction, never inside it.
 */
import type { Group } from '../core/model';
import { DomainError, invalid } from '../core/errors';
import { keepDraftCurrent } from '../core/use-cases/draft-rule';
import { learnActorIdentity } from '../core/use-cases/teams-identity';
import { authorizeSender, type Permission } from '../core/use-cases/authorization';
import { isDatabaseUnavailable } from '../store/database-errors';
import type { Logger } from '../logger';
import type { GroupScope, Outcome, TurnScope, TurnServices } from './handlers/handler';
import { resolveGroup } from './group-resolver';
import { DATABASE_UNAVAILABLE_TEXT, GENERIC_FAILURE_TEXT, NO_GROUP_TEXT, OTHER_TENANT_TEXT } from './replies';
import type { TurnInfo } from './turn-info';

/**
 * What runs in a turn: in the conversation's group (most), or without one (help, binding a group).
 * `prepare` (before the transaction; its result is given to `run`) and `after` (after commit) are
 * the slow work outside it: reading Microsoft Graph, asking Teams.
 */
export type TurnWork = (
  | { group: 'required'; permission: Permission; run(scope: GroupScope, prepared: string | null): Promise<Outcome> }
  | { group: 'none'; run(scope: TurnScope, prepared: string | null): Promise<Outcome> }
) & {
  prepare?(): Promise<string | null>;
  after?(outcome: Outcome): Promise<Outcome>;
  /**
   * The work may change the group's open meeting (commands, card buttons): its lock is taken first
   * of all, with the turn's context. Meeting events (joins) and automatic card refreshes leave it.
   */
  changesOpenMeeting?: boolean;
};

export type TurnResult =
  | { kind: 'answered'; outcome: Outcome }
  /** the activity was handled before (Teams retried it): nothing was done again */
  | { kind: 'duplicate' }
  /** a rule said no (or nothing to act on): nothing was stored; `text` says why, in Swedish */
  | { kind: 'refused'; text: string; forbidden?: boolean }
  /** something broke: nothing was stored; `text` is a Swedish apology */
  | { kind: 'failed'; text: string };

const silently = async () => undefined;

export class TurnEnvelope {
  constructor(
    readonly services: TurnServices,
    private readonly logger: Logger,
  ) {}

  /**
   * `identify` asks Teams for the sender's e-mail/UPN. It is asked only when a rule refused a sender
   * the roster does not know by id yet: the turn then runs once more, and the roster's e-mail may
   * tie the sender to their entry (a fact Teams vouches for). Nothing of the refused run was stored.
   */
  async run(turn: TurnInfo, work: TurnWork, progress: (text: string) => Promise<void> = silently, identify?: () => Promise<string | null>): Promise<TurnResult> {
    let result = await this.runOnce(turn, work, progress);
    if (result.kind === 'refused' && result.forbidden && identify && turn.actor.email === undefined) {
      const email = await identify().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'the sender\'s e-mail could not be asked of Teams');
        return null;
      });
      if (email) result = await this.runOnce({ ...turn, actor: { ...turn.actor, email } }, work, progress);
    }
    return result.kind === 'refused' ? this.answeredOnce(turn, result) : result;
  }

  /** A refusal stored nothing, but it is an answer: Teams' retry of the same activity is not answered again. */
  private async answeredOnce(turn: TurnInfo, refusal: TurnResult): Promise<TurnResult> {
    if (!turn.idempotencyKey) return refusal;
    try {
      const claimed = await this.services.uow.run(async () => undefined, turn.idempotencyKey);
      return claimed.duplicate ? { kind: 'duplicate' } : refusal;
    } catch (error) {
      this.logger.warn({ err: error }, 'a refusal could not be remembered');
      return refusal;
    }
  }

  private async runOnce(turn: TurnInfo, work: TurnWork, progress: (text: string) => Promise<void>): Promise<TurnResult> {
    const own = this.services.ownTenantId;
    if (own && turn.tenantId && turn.tenantId.toLowerCase() !== own.toLowerCase()) {
      this.logger.warn({ tenantId: turn.tenantId }, 'activity from another tenant refused');
      return { kind: 'refused', text: OTHER_TENANT_TEXT };
    }
    try {
      const prepared = (await work.prepare?.()) ?? null;
      const facts = { idempotencyKey: turn.idempotencyKey, conversationId: turn.conversationId, teamId: turn.teamId, channelId: turn.channelId, senderAadObjectId: turn.actor.aadObjectId, lockOpenMeeting: work.changesOpenMeeting === true };
      const done = await this.services.uow.runTurn(facts, async (repos, context) => {
        const scope: TurnScope = { ...this.services, repos, turn, progress };
        if (work.group === 'none') return work.run(scope, prepared);
        const group = context.group;
        if (!group) throw invalid(NO_GROUP_TEXT);
        const sender = await learnActorIdentity(repos, group, { ...turn.actor, teamsUserId: turn.actor.teamsUserId ?? null }, context.sender);
        await authorizeSender(repos, group, sender, work.permission, { inGroupChannel: inChannelOf(group, turn) });
        const outcome = await work.run({ ...scope, ctx: { group, actor: turn.actor, at: turn.at } }, prepared);
        return withDraftRule(outcome, await keepDraftCurrent(repos, group, turn.at, this.services.documents));
      });
      if (done.duplicate) {
        this.logger.info({ key: turn.idempotencyKey }, 'duplicate activity ignored');
        return { kind: 'duplicate' };
      }
      return { kind: 'answered', outcome: work.after ? await work.after(done.value) : done.value };
    } catch (error) {
      if (error instanceof DomainError) return { kind: 'refused', text: error.userMessage, forbidden: error.code === 'forbidden' };
      if (isDatabaseUnavailable(error)) {
        this.logger.error({ err: error }, 'database unavailable');
        return { kind: 'failed', text: DATABASE_UNAVAILABLE_TEXT };
      }
      this.logger.error({ err: error, conversationId: turn.conversationId }, 'turn failed');
      return { kind: 'failed', text: GENERIC_FAILURE_TEXT };
    }
  }

  /** The conversation's group, for slow work outside the transaction (a Swedish refusal when none is bound). */
  async groupOf(turn: TurnInfo): Promise<Group> {
    const group = await this.services.uow.read((repos) => resolveGroup(repos, turn));
    if (!group) throw invalid(NO_GROUP_TEXT);
    return group;
  }
}

/** The group's own channel (a thread in it included): Teams delivers only the team's members there. */
const inChannelOf = (group: Group, turn: TurnInfo): boolean => turn.kind === 'channel' && group.channelId !== null && turn.channelId === group.channelId;

/** The answer says that the draft changed; the new version's card goes out with the other events. */
function withDraftRule(outcome: Outcome, versioned: Awaited<ReturnType<typeof keepDraftCurrent>>): Outcome {
  if (!versioned) return outcome;
  return {
    ...outcome,
    text: outcome.text ? `${outcome.text} ${versioned.text}` : versioned.text,
    events: [...(outcome.events ?? []), ...(versioned.events ?? [])],
  };
}
