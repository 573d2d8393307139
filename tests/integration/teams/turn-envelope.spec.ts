/**
 * The turn envelope on a real store, for what the wire tests cannot reach without a tenant: a
 * single-tenant bot refuses activities from any other tenant before anything is stored; the same
 * activity from its own tenant goes through.
 */
import { DatabaseUnitOfWork } from '../../../bot/src/store/unit-of-work';
import { protokollDocuments } from '../../../bot/src/documents/protokoll.documents';
import { TurnEnvelope } from '../../../bot/src/teams/turn-envelope';
import type { TurnInfo } from '../../../bot/src/teams/turn-info';
import { createLogger } from '../../../bot/src/logger';
import { describeEachStore } from '../../support/stores';

const OWN = '00000000-0000-0000-0000-0000000000aa';

describeEachStore('the turn envelope', (store) => {
  const envelope = () => new TurnEnvelope(
    { uow: new DatabaseUnitOfWork(store().db), documents: protokollDocuments, teamsAppId: 'a2e507d8-7080-4473-91d2-d07f5e89a54f', ownTenantId: OWN },
    createLogger('silent'),
  );
  const turn = (tenantId: string, id: string): TurnInfo => ({
    conversationId: `a:personal-${id}`, kind: 'personal', tenantId, teamId: null, teamName: null, channelId: null, meetingId: null,
    actor: { aadObjectId: null, name: 'Eve' }, at: '2024-06-03T08:00:00.000Z', idempotencyKey: `key-${id}`, reference: {},
  });
  const work = (ran: string[]) => ({ group: 'none' as const, run: async () => { ran.push('ran'); return { text: 'ok' }; } });

  it.each([
    ['another tenant', '11111111-1111-1111-1111-111111111111', 'refused'],
    ['its own tenant (any case)', OWN.toUpperCase(), 'answered'],
  ])('an activity from %s is %s', async (_what, tenantId, expected) => {
    const ran: string[] = [];
    const result = await envelope().run(turn(tenantId, `${expected}-${Date.now()}`), work(ran));
    expect(result.kind).toBe(expected);
    expect(ran).toEqual(expected === 'answered' ? ['ran'] : []);
    if (result.kind === 'refused') expect(result.text).toBe('Protokoll tar bara emot meddelanden från den egna organisationens Microsoft 365-klientorganisation. Inget har sparats.');
  });
});
