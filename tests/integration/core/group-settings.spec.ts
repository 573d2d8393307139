/**
 * `grupp`, `ledamöter`, `beslutsorgan`, `numrering` and `beslutsförhet` on a real store: what each
 * stores and the Swedish answer that confirms it.
 */
import { genitive } from '../../../bot/src/core/swedish-genitive';
import type { NumberingStyle, QuorumRule } from '../../../bot/src/core/model';
import {
  bindGroup, formatRoster, setDecidingBody, setNumbering, setQuorumRule, updateRoster,
} from '../../../bot/src/core/use-cases/group-settings';
import { describeUseCase, PEOPLE } from '../../support/use-case-fixture';

const channel = { tenantId: 'tenant-1', teamId: '19:team@thread.tacv2', channelId: '19:channel@thread.tacv2' };
let chats = 0;
/** a sender Teams gave no Entra id: never tied to an entry */
const nobody = { aadObjectId: null, name: 'Okänd' };
const binding = () => ({ conversationId: `19:chat-${++chats}-${Math.random().toString(36).slice(2)}@thread.v2`, kind: 'groupChat' as const, reference: { chat: chats } });

describeUseCase('group settings', (fx) => {
  const place = (current: Awaited<ReturnType<typeof fx.group>>['group'] | null = null) => ({ tenantId: null, channel: { ...channel, current } });
  const sandra = { aadObjectId: 'e0000000-0000-4000-8000-000000000001', teamsUserId: '29:sandra', name: PEOPLE.sandra.name };

  it.each([
    ['Samverkansgrupp att åldras', (_name: string) => 'Samverkansgruppen'],
    ['LSVO', (name: string) => name],
  ])('grupp %s in a channel: a new group of this team with its default deciding body, bound to the channel', async (base, decidingBody) => {
    const name = `${base} ${Math.random().toString(36).slice(2, 7)}`;
    const chat = binding();
    const answer = await fx.run((repos) => bindGroup(repos, name, chat, place(), sandra));
    expect(answer.text).toBe(`Gruppen ${name} är skapad och kopplad till den här kanalen. Lägg till ledamöter med \`ledamöter\`.`);
    expect(answer.data).toMatchObject({ name, decidingBody: decidingBody(name), documentKind: 'Sammanträdesprotokoll', numberingStyle: 'meeting', quorumRule: 'huvudman', ...channel, tenantId: null });
    expect((await fx.repos.groups.findForConversation({ conversationId: chat.conversationId, teamId: null, channelId: null }))?.id).toBe(answer.data!.id);
  });

  it('grupp in a channel whose group is still empty renames it instead of leaving an empty twin', async () => {
    const empty = await fx.group({}, []);
    const name = `Nytt namn ${Math.random().toString(36).slice(2, 7)}`;
    const answer = await fx.run((repos) => bindGroup(repos, name, binding(), place(empty.group), sandra));
    expect(answer.text).toBe(`Kanalens grupp heter nu ${name}. Lägg till ledamöter med \`ledamöter\`.`);
    expect(answer.data!.id).toBe(empty.group.id);
    expect((await fx.repos.groups.findById(empty.group.id))?.name).toBe(name);
  });

  it('grupp in a chat binds only the group\'s secretary or chair (by Entra id), and never creates a group', async () => {
    const g = await fx.group();
    const chat = binding();
    const inChat = { tenantId: null, channel: null };
    await expect(fx.run((repos) => bindGroup(repos, g.group.name.toUpperCase(), chat, inChat, sandra)))
      .rejects.toMatchObject({ code: 'forbidden', userMessage: `Bara ${genitive(g.group.name)} sekreterare och ordförande och medlemmar i gruppens team kan koppla en chatt till gruppen. Inget har ändrats.` });
    expect(await fx.repos.groups.findForConversation({ conversationId: chat.conversationId, teamId: null, channelId: null })).toBeNull();
    const secretary = (await fx.repos.roster.list(g.group.id)).find((m) => m.roles.includes('sekreterare'))!;
    await fx.run((repos) => repos.roster.rememberIdentity(g.group.id, secretary.id, { aadObjectId: sandra.aadObjectId, teamsUserId: sandra.teamsUserId }));
    const answer = await fx.run((repos) => bindGroup(repos, g.group.name.toUpperCase(), chat, inChat, sandra));
    expect(answer.text).toBe(`Den här chatten hör nu till gruppen ${g.group.name}.`);
    expect((await fx.repos.groups.findForConversation({ conversationId: chat.conversationId, teamId: null, channelId: null }))?.id).toBe(g.group.id);
    await expect(fx.run((repos) => bindGroup(repos, 'Finns inte', binding(), inChat, sandra)))
      .rejects.toMatchObject({ code: 'not-found', userMessage: expect.stringMatching(/^Det finns ingen grupp som heter Finns inte\. En grupp skapas i teamets kanal/) });
    expect((await fx.repos.groups.listAll()).filter((x) => x.name.toLowerCase() === g.group.name.toLowerCase())).toHaveLength(1);
  });

  it('grupp naming another team\'s group in a channel is refused', async () => {
    const g = await fx.group();
    const otherTeam = { tenantId: g.group.tenantId, channel: { teamId: '19:other-team@thread.tacv2', channelId: '19:other@thread.tacv2', current: null } };
    await expect(fx.run((repos) => bindGroup(repos, g.group.name, binding(), otherTeam, sandra)))
      .rejects.toMatchObject({ code: 'forbidden', userMessage: `Gruppen ${g.group.name} hör till ett annat team. Välj ett annat namn för den här kanalens grupp.` });
  });

  it('the first roster ties its sender to the entry bearing their own name, and nobody else', async () => {
    const g = await fx.group({}, []);
    await fx.run((repos) => updateRoster(repos, g.group, [PEOPLE.mats, PEOPLE.sandra], sandra));
    const roster = await fx.repos.roster.list(g.group.id);
    expect(roster.filter((m) => m.aadObjectId === sandra.aadObjectId).map((m) => m.name)).toEqual([PEOPLE.sandra.name]);
    // Someone else writing the roster is never tied to an entry of another name.
    await fx.run((repos) => updateRoster(repos, g.group, [PEOPLE.mats], { aadObjectId: 'e0000000-0000-4000-8000-000000000009', name: 'Eve' }));
    expect((await fx.repos.roster.list(g.group.id)).filter((m) => m.aadObjectId?.endsWith('09'))).toEqual([]);
  });

  it('ledamöter: saves and updates by name in the order typed, answering with the roster per huvudman', async () => {
    const g = await fx.group({}, []);
    const first = await fx.run((repos) => updateRoster(repos, g.group, [PEOPLE.mats, PEOPLE.rebecca], nobody));
    expect(first.text).toBe('2 personer är sparade i ledamotslistan.\nRegion Blekinge: Mats Wennstig (ordförande)\nKarlshamns kommun: Rebecca Welander (ledamot)');
    const second = await fx.run((repos) => updateRoster(repos, g.group, [{ ...PEOPLE.rebecca, name: 'rebecca welander', roles: ['ersättare'] }], nobody));
    expect(second.text).toBe('1 person är sparad i ledamotslistan.\nRegion Blekinge: Mats Wennstig (ordförande)\nKarlshamns kommun: rebecca welander (ersättare)');
    expect((await fx.repos.roster.list(g.group.id)).map((m) => [m.name, m.roles])).toEqual([['Mats Wennstig', ['ordförande']], ['rebecca welander', ['ersättare']]]);
    expect(second.data!.map((m) => m.name)).toEqual(['Mats Wennstig', 'rebecca welander']);
  });

  it('formatRoster: one line per huvudman in roster order; no huvudman reads "Utan huvudman"', async () => {
    const g = await fx.group({}, ['mats', 'carina']);
    const roster = await fx.repos.roster.upsert(g.group.id, [{ name: 'Tina Olsson', title: '', principal: '', roles: ['föredragande'] }]);
    expect(formatRoster(roster)).toBe('Region Blekinge: Mats Wennstig (ordförande), Carina Ingemansson (ledamot)\nUtan huvudman: Tina Olsson (föredragande)');
  });

  it('formatRoster: a party after the name, every role of a person joined with commas', async () => {
    const g = await fx.group({}, []);
    const answer = await fx.run((repos) => updateRoster(repos, g.group, [
      { name: 'Karin Berg', title: 'regionråd', principal: 'Region Blekinge', roles: ['ordförande', 'ledamot'], party: 'S' },
      { name: 'Per Öst', title: 'kommunalråd', principal: 'Ronneby kommun', roles: ['ersättare'], party: 'M' },
      { ...PEOPLE.sandra, roles: ['sekreterare', 'ledamot'] },
    ], nobody));
    expect(answer.text).toBe([
      '3 personer är sparade i ledamotslistan.',
      'Region Blekinge: Karin Berg (S) (ordförande, ledamot), Sandra Johansson (sekreterare, ledamot)',
      'Ronneby kommun: Per Öst (M) (ersättare)',
    ].join('\n'));
  });

  it('beslutsorgan: stored, and the answer shows how decisions will read', async () => {
    const g = await fx.group();
    expect((await fx.run((repos) => setDecidingBody(repos, g.group, 'Ledningsgruppen för LSVO'))).text).toBe('Besluten skrivs nu "Ledningsgruppen för LSVO beslutar".');
    expect((await fx.repos.groups.findById(g.group.id))!.decidingBody).toBe('Ledningsgruppen för LSVO');
  });

  it.each<[NumberingStyle, number | null, string, number | null, string]>([
    ['meeting', null, '2024-02-16T08:00:00.000Z', null, 'Paragraferna numreras per möte (1., 2., …). Nästa nya möte börjar på 1..'],
    ['meeting-paren', null, '2024-02-16T08:00:00.000Z', null, 'Paragraferna numreras per möte (1)., 2)., …). Nästa nya möte börjar på 1)..'],
    ['year', 15, '2024-02-16T08:00:00.000Z', 2024, 'Paragraferna numreras löpande under året (§ 1, § 2, …). Nästa nya möte börjar på § 15.'],
    ['year-suffix', 12, '2024-02-16T08:00:00.000Z', 2024, 'Paragraferna numreras löpande under året med årtal (§ 1/24, …). Nästa nya möte börjar på § 12/24.'],
    ['year', 3, '2024-12-31T23:30:00.000Z', 2025, 'Paragraferna numreras löpande under året (§ 1, § 2, …). Nästa nya möte börjar på § 3.'],
    ['year-suffix', null, '2024-12-31T23:30:00.000Z', null, 'Paragraferna numreras löpande under året med årtal (§ 1/24, …). Nästa nya möte börjar på § 1/25.'],
  ])('numrering %s from %s at %s: start year %s', async (style, start, now, startYear, text) => {
    const g = await fx.group();
    expect((await fx.run((repos) => setNumbering(repos, g.group, style, start, now))).text).toBe(text);
    expect(await fx.repos.groups.findById(g.group.id)).toMatchObject({ numberingStyle: style, numberingStart: start, numberingStartYear: startYear });
  });

  it.each<[QuorumRule, string]>([
    ['huvudman', 'Beslutförhet: fler än hälften av ledamöterna från varje huvudman ska vara närvarande.'],
    ['region-kommun', 'Beslutförhet: fler än hälften av Regionens ledamöter och fler än hälften av kommunernas tillsammans ska vara närvarande.'],
    ['av', 'Beslutförhet: ingen regel om beslutförhet används.'],
  ])('beslutsförhet %s', async (rule, text) => {
    const g = await fx.group({ quorumRule: rule === 'huvudman' ? 'av' : 'huvudman' });
    expect((await fx.run((repos) => setQuorumRule(repos, g.group, rule))).text).toBe(text);
    expect((await fx.repos.groups.findById(g.group.id))!.quorumRule).toBe(rule);
  });
});
