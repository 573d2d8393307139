/**
 * Who may do what (`authorize`, `senderOf`) on a real store: every permission against every kind of
 * sender, in the group's channel and elsewhere, including a new group that its team sets up. The
 * sender is known only by the Entra object id on the roster; a display name never grants anything.
 */
import { genitive } from '../../../bot/src/core/swedish-genitive';
import type { Group } from '../../../bot/src/core/model';
import type { Actor } from '../../../bot/src/core/use-cases/command-context';
import { authorize, senderOf, type Permission } from '../../../bot/src/core/use-cases/authorization';
import { describeUseCase, expectDomainError, PEOPLE, type GroupFixture, type PersonKey } from '../../support/use-case-fixture';

const AAD: Record<PersonKey, string> = {
  mats: PEOPLE.mats.aadObjectId, carina: 'c0000000-0000-4000-8000-000000000002', rebecca: 'c0000000-0000-4000-8000-000000000003',
  anna: 'c0000000-0000-4000-8000-000000000004', sandra: 'c0000000-0000-4000-8000-000000000005',
};
type SenderKind = 'secretary' | 'chair' | 'vice chair' | 'member' | 'unknown' | 'no aad id';
const SENDERS: Record<SenderKind, Actor> = {
  secretary: { aadObjectId: AAD.sandra, name: 'S. Johansson' },
  chair: { aadObjectId: AAD.mats, name: PEOPLE.mats.name },
  'vice chair': { aadObjectId: AAD.carina, name: PEOPLE.carina.name },
  member: { aadObjectId: AAD.rebecca, name: PEOPLE.rebecca.name },
  // the secretary's name, but an id the roster does not have, or none: names grant nothing
  unknown: { aadObjectId: 'c0000000-0000-4000-8000-0000000000ff', name: PEOPLE.sandra.name },
  'no aad id': { aadObjectId: null, name: PEOPLE.sandra.name },
};
const KINDS = Object.keys(SENDERS) as SenderKind[];

/** Allowed (+) or refused (-) in the group's channel, then elsewhere, per sender in KINDS order. */
const MATRIX: Record<Permission, string[]> = {
  //        secretary chair vice  member unknown no-aad
  anyone: ['++', '++', '++', '++', '++', '++'],
  read: ['++', '++', '++', '++', '+-', '+-'],
  propose: ['++', '++', '++', '++', '+-', '+-'],
  record: ['++', '++', '++', '--', '--', '--'],
  setup: ['++', '++', '++', '--', '--', '--'],
  lead: ['++', '++', '++', '--', '--', '--'],
};
/** A group without secretary and chair: its team sets it up in its channel. */
const BOOTSTRAP: Record<Permission, Partial<Record<SenderKind, string>>> = {
  anyone: { member: '++', unknown: '++', 'no aad id': '++' },
  read: { member: '++', unknown: '+-', 'no aad id': '+-' },
  propose: { member: '++', unknown: '+-', 'no aad id': '+-' },
  record: { member: '+-', unknown: '+-', 'no aad id': '+-' },
  setup: { member: '+-', unknown: '+-', 'no aad id': '+-' },
  // naming a stand-in needs a secretary or chair: never the team's bootstrap
  lead: { member: '--', unknown: '--', 'no aad id': '--' },
};

const LEADERS = 'Carina Ingemansson (vice ordförande), Mats Wennstig (ordförande), Sandra Johansson (sekreterare)';
const WHAT = { record: 'föra protokollet', setup: 'ändra gruppens inställningar och ledamotslista', lead: 'utse en ersättare för sekreteraren' };
const NO_SECRETARY = ' Gruppen har ingen sekreterare än: skriv `ledamöter` i gruppens kanal och ange en sekreterare.';
function refusal(group: Group, permission: Permission, leaders: string | null): string {
  if (permission === 'read' || permission === 'propose') {
    return `Bara ${genitive(group.name)} ledamöter och medlemmar i gruppens team kan ${permission === 'read' ? 'se det här' : 'föreslå punkter'}. Skriv i gruppens kanal, eller be sekreteraren lägga in dig i ledamotslistan med din e-postadress.`;
  }
  const who = leaders ? `gruppens sekreterare och ordförande (${leaders})` : 'gruppens sekreterare och ordförande';
  return `Bara ${who} kan ${WHAT[permission as 'record' | 'setup' | 'lead']}. Inget har ändrats.${leaders ? '' : NO_SECRETARY}`;
}

const rows = (table: Record<Permission, Partial<Record<SenderKind, string>> | string[]>) =>
  (Object.keys(table) as Permission[]).flatMap((permission) => {
    const row = table[permission];
    const cells: Array<[SenderKind, string]> = Array.isArray(row) ? KINDS.map((kind, i) => [kind, row[i]!]) : (Object.entries(row) as Array<[SenderKind, string]>);
    return cells.flatMap(([kind, cell]) => [true, false].map((inGroupChannel, i) => [permission, kind, inGroupChannel, cell[i] === '+'] as const));
  });

describeUseCase('authorization', (fx) => {
  /** Tie each roster entry to its Entra id, as Teams teaches it. */
  async function identified(g: GroupFixture) {
    for (const [key, member] of Object.entries(g.members)) await fx.repos.roster.rememberIdentity(g.group.id, member.id, { aadObjectId: AAD[key as PersonKey], teamsUserId: null });
    return g;
  }
  let full: GroupFixture;
  let fresh: GroupFixture;
  beforeAll(async () => {
    full = await identified(await fx.group());
    await fx.repos.roster.upsert(full.group.id, [{ ...PEOPLE.carina, roles: ['vice ordförande'] }]);
    fresh = await identified(await fx.group({}, ['rebecca', 'anna']));
  });
  const check = (g: GroupFixture, actor: Actor, permission: Permission, inGroupChannel: boolean) =>
    fx.run((repos) => authorize(repos, g.group, actor, permission, { inGroupChannel }));

  it.each(rows(MATRIX))('%s by the %s (in the group channel: %s): allowed %s', async (permission, kind, inGroupChannel, allowed) => {
    const answer = check(full, SENDERS[kind], permission, inGroupChannel);
    if (allowed) await expect(answer).resolves.toBeUndefined();
    else await expectDomainError(answer, 'forbidden', refusal(full.group, permission, LEADERS));
  });

  it.each(rows(BOOTSTRAP))('new group: %s by the %s (in the group channel: %s): allowed %s', async (permission, kind, inGroupChannel, allowed) => {
    const answer = check(fresh, SENDERS[kind], permission, inGroupChannel);
    if (allowed) await expect(answer).resolves.toBeUndefined();
    else await expectDomainError(answer, 'forbidden', refusal(fresh.group, permission, null));
  });

  it('a new group with an empty roster is set up from its channel only', async () => {
    const empty = await fx.group({}, []);
    await expect(check(empty, SENDERS['no aad id'], 'setup', true)).resolves.toBeUndefined();
    await expectDomainError(check(empty, SENDERS.chair, 'setup', false), 'forbidden', refusal(empty.group, 'setup', null));
  });

  it('once the group has a secretary, its team no longer sets it up', async () => {
    const g = await identified(await fx.group({}, ['rebecca', 'sandra']));
    for (const permission of ['setup', 'record'] as const) {
      await expectDomainError(check(g, SENDERS.member, permission, true), 'forbidden', refusal(g.group, permission, 'Sandra Johansson (sekreterare)'));
    }
    await expect(check(g, SENDERS.secretary, 'setup', false)).resolves.toBeUndefined();
  });

  it('senderOf: the roster entry tied to the Entra id (any case) in this group, else null', async () => {
    const sender = (g: GroupFixture, actor: Actor) => fx.run((repos) => senderOf(repos, g.group, actor));
    expect((await sender(full, { aadObjectId: AAD.sandra.toUpperCase(), name: 'Någon annan' }))?.id).toBe(full.members.sandra.id);
    expect((await sender(full, SENDERS.member))?.id).toBe(full.members.rebecca.id);
    expect(await sender(full, SENDERS.unknown)).toBeNull();
    expect(await sender(full, SENDERS['no aad id'])).toBeNull();
    // the chair of the full group is not on the new group's roster
    expect(await sender(fresh, SENDERS.chair)).toBeNull();
    expect((await sender(fresh, SENDERS.member))?.id).toBe(fresh.members.rebecca.id);
  });
});
