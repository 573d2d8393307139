/**
 * `ledamöter` over the wire with the full line of INTERFACES.md: a party after the name, several
 * roles and an e-mail. The answer lists the roster per huvudman in the order typed; a bad line
 * saves nothing and says which line and what is wrong; the old four-field form still works.
 */
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { useWire } from '../support/wire';
import { describeEachStore } from '../support/stores';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'd0000000-0000-4000-8000-0000000000a1' };
const at = (minutes: number) => new Date(Date.parse('2024-05-16T07:00:00.000Z') + minutes * 60_000).toISOString();

describeEachStore('ledamöter with parties, several roles and e-mail', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;

  const say = async (text: string, minute: number) => {
    const before = wire.connector.messages.length;
    await deliver(wire.app.url, channel.message(sandra, text, at(minute)));
    return wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
  };
  const roster = async () => {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Hälso- och sjukvårdsnämnden')!;
    return (await repos.roster.list(group.id)).map((m) => ({ name: m.name, party: m.party, roles: m.roles, email: m.email, tied: m.aadObjectId !== null }));
  };

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:hsn-team@thread.tacv2', teamName: 'Hälso- och sjukvårdsnämnden', channelId: '19:hsn@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, channel.install(at(-30)));
  });

  it('answers with the roster per huvudman, in the order typed, each person with party and every role', async () => {
    const answer = await say([
      'ledamöter',
      'Karin Berg (S); regionråd; Region Blekinge; ordförande, ledamot; Karin.Berg@RegionBlekinge.se',
      'Per Öst (M); kommunalråd; Ronneby kommun; ledamot',
      'Sandra Johansson; nämndsekreterare; Region Blekinge; sekreterare, ledamot; sandra.johansson@regionblekinge.se',
      'Anna Hedlund; MAS Karlskrona kommun; Karlskrona kommun; ersättare',
    ].join('\n'), 0);
    expect(answer).toBe([
      '4 personer är sparade i ledamotslistan.',
      'Region Blekinge: Karin Berg (S) (ordförande, ledamot), Sandra Johansson (sekreterare, ledamot)',
      'Ronneby kommun: Per Öst (M) (ledamot)',
      'Karlskrona kommun: Anna Hedlund (ersättare)',
    ].join('\n'));
    expect(await roster()).toEqual([
      { name: 'Karin Berg', party: 'S', roles: ['ordförande', 'ledamot'], email: 'karin.berg@regionblekinge.se', tied: false },
      { name: 'Per Öst', party: 'M', roles: ['ledamot'], email: null, tied: false },
      // the sender writing the first roster is tied to the entry bearing her own name
      { name: 'Sandra Johansson', party: null, roles: ['sekreterare', 'ledamot'], email: 'sandra.johansson@regionblekinge.se', tied: true },
      { name: 'Anna Hedlund', party: null, roles: ['ersättare'], email: null, tied: false },
    ]);
  });

  it('a bad line saves nothing and names the line and what is wrong', async () => {
    const before = await roster();
    const answer = await say([
      'ledamöter',
      'Per Öst (M); kommunalråd; Ronneby kommun; ordförande',
      'Karin Berg (S); regionråd; Region Blekinge; ordförande; karin.berg',
      'Anna Hedlund; MAS Karlskrona kommun; Karlskrona kommun; suppleant',
    ].join('\n'), 1);
    expect(answer).toMatch(/Inget sparades\. Rätta raderna:/);
    expect(answer).toMatch(/rad 3 \(”Karin Berg \(S\); regionråd; .*”\): ”karin\.berg” är ingen e-postadress/);
    expect(answer).toMatch(/rad 4 \(.*\): okänd roll ”suppleant” \(ordförande, vice ordförande, sekreterare, ledamot, ersättare, adjungerad, tjänsteperson eller föredragande/);
    expect(answer).toContain('Namn [(parti)]; titel/organisation; huvudman; roll[, roll][; e-post]');
    expect(await roster()).toEqual(before);
  });

  it('a re-typed line in the old four-field form updates that person in place and keeps the e-mail', async () => {
    const answer = await say('ledamöter\nkarin berg (V); regionråd; Region Blekinge; ordförande', 2);
    expect(answer).toMatch(/^1 person är sparad i ledamotslistan\.\nRegion Blekinge: karin berg \(V\) \(ordförande\), Sandra Johansson \(sekreterare, ledamot\)\n/);
    expect((await roster())[0]).toEqual({ name: 'karin berg', party: 'V', roles: ['ordförande'], email: 'karin.berg@regionblekinge.se', tied: false });
  });
});
