/**
 * Who may do what, over the wire: every command declares the permission it needs, and the sender
 * is known by the Entra object id Teams sends, tied to a roster entry. A refused command changes
 * nothing and says, in Swedish, who may do it.
 */
import { randomUUID } from 'node:crypto';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { useWire } from '../support/wire';
import { describeEachStore } from '../support/stores';
import { BOT, deliver, TeamsChannel, TENANT, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'd0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'd0000000-0000-4000-8000-000000000002' };
/** a member of the team, not on the roster */
const tina: Person = { id: '29:tina', name: 'Tina Olsson', aadObjectId: 'd0000000-0000-4000-8000-000000000004' };
/** an outsider, writing to the bot in a personal chat */
const eve: Person = { id: '29:eve', name: 'Eve Outsider', aadObjectId: 'd0000000-0000-4000-8000-000000000099' };
const at = (minutes: number) => new Date(Date.parse('2024-05-16T07:00:00.000Z') + minutes * 60_000).toISOString();

describeEachStore('who may do what', (store) => {
  const wire = useWire(store);
  let channel: TeamsChannel;

  const replyTo = async (activity: any) => {
    const before = wire.connector.messages.length;
    await deliver(wire.app.url, activity);
    return wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
  };
  const inChannel = (who: Person, text: string, minute: number) => replyTo(channel.message(who, text, at(minute)));
  const personal = (who: Person, text: string, minute: number) => replyTo({
    type: 'message', id: randomUUID(), timestamp: at(minute), serviceUrl: wire.connector.url, channelId: 'msteams',
    from: who, recipient: BOT, text, conversation: { conversationType: 'personal', tenantId: TENANT, id: `a:personal-${who.id}` },
    channelData: { tenant: { id: TENANT } },
  });

  /** Everything a command could have written, to compare before and after a refusal. */
  const snapshot = async () => {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Rättighetsgruppen')!;
    const meetings = await repos.meetings.list(group.id);
    const perMeeting = await Promise.all(meetings.map(async (m) => ({
      meeting: m, items: await repos.agenda.list(m.id), notes: await repos.records.notes(m.id), decisions: await repos.records.decisions(m.id),
    })));
    return JSON.stringify({ group, roster: await repos.roster.list(group.id), perMeeting });
  };

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:rights-team@thread.tacv2', teamName: 'Rättighetsgruppen', channelId: '19:rights@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, channel.install(at(-30)));
  });

  it('a new group is set up by its team, and the secretary who writes the first roster can work at once', async () => {
    const answer = await inChannel(sandra, [
      'ledamöter',
      'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
      'Sandra Johansson; processledare; Region Blekinge; sekreterare',
    ].join('\n'), -20);
    expect(answer).toMatch(/Mats Wennstig/);
    expect(await inChannel(sandra, 'ny punkt Budget 2025 (B)', -19)).toMatch(/Budget 2025/);
    expect(await inChannel(sandra, 'starta', 0)).toMatch(/Mötet startade/);
  });

  it.each([
    ['ledamöter\nTina Olsson; projektledare; Region Blekinge; sekreterare', /Bara gruppens sekreterare och ordförande \(Mats Wennstig \(ordförande\), Sandra Johansson \(sekreterare\)\) kan ändra gruppens inställningar/],
    ['beslutsorgan Tinas råd', /Bara gruppens sekreterare och ordförande .* kan ändra gruppens inställningar/],
    ['beslut godkänna allt', /Bara gruppens sekreterare och ordförande .* kan föra protokollet/],
    ['anteckning Tina skriver i protokollet', /kan föra protokollet/],
    ['nästa', /kan föra protokollet/],
    ['avsluta', /kan föra protokollet/],
    ['plats Tinas kontor', /Bara gruppens sekreterare och ordförande .* kan föra protokollet/],
    ['beslutsstil numrerad', /Bara gruppens sekreterare och ordförande .* kan ändra gruppens inställningar/],
    ['underpunkt Tinas underpunkt (I)', /kan föra protokollet/],
  ])('a team member who is not on the roster cannot write: %s', async (command, refusal) => {
    const before = await snapshot();
    expect(await inChannel(tina, command, 5)).toMatch(refusal);
    expect(await snapshot()).toBe(before);
  });

  it('a team member may read the agenda and propose an item in the group\'s channel', async () => {
    expect(await inChannel(tina, 'ny punkt Tinas förslag', 6)).toMatch(/Tinas förslag/);
    const agenda = await replyTo(channel.message(tina, 'dagordning', at(7)));
    expect(agenda).not.toMatch(/Bara/);
  });

  it('an outsider in a personal chat: every step of the group is refused, nothing stored', async () => {
    const before = await snapshot();
    expect(await personal(eve, 'grupp Rättighetsgruppen', 8)).toBe('Bara Rättighetsgruppens sekreterare och ordförande och medlemmar i gruppens team kan koppla en chatt till gruppen. Inget har ändrats.');
    for (const [minute, command] of [
      'ledamöter\nEve Outsider; konsult; Region Blekinge; sekreterare', 'dagordning', 'närvaro', 'ny punkt Eves punkt', 'anteckning hej', 'beslut godkänna', 'avsluta',
    ].entries()) {
      expect(await personal(eve, command, 9 + minute)).toMatch(/inte kopplad till någon grupp/);
    }
    // A chat cannot create a group either: groups are made in a team's channel.
    expect(await personal(eve, 'grupp Eves egen grupp', 20)).toMatch(/Det finns ingen grupp som heter Eves egen grupp\. En grupp skapas i teamets kanal/);
    expect(await snapshot()).toBe(before);
    const groups = await repositoriesFor(store().db).groups.listAll();
    expect(groups.map((g) => g.name)).not.toContain('Eves egen grupp');
  });

  it('a member of the group\'s team (asked of Teams) may bind her personal chat, which gives no right to write the protokoll', async () => {
    wire.connector.teamMembers.set('19:rights-team@thread.tacv2', [{ ...tina }]);
    expect(await personal(tina, 'grupp Rättighetsgruppen', 20)).toBe('Den här chatten hör nu till gruppen Rättighetsgruppen.');
    // Binding is not membership of the roster: writing the protokoll stays the secretary's.
    expect(await personal(tina, 'anteckning Tina skriver.', 20)).toMatch(/^Bara gruppens sekreterare och ordförande/);
    wire.connector.teamMembers.delete('19:rights-team@thread.tacv2');
  });

  it('the secretary binds her personal chat, and works from it', async () => {
    expect(await personal(sandra, 'grupp Rättighetsgruppen', 21)).toBe('Den här chatten hör nu till gruppen Rättighetsgruppen.');
    expect(await personal(sandra, 'närvaro', 22)).not.toMatch(/Bara/);
  });

  it('a group of another team cannot be taken over by naming it in a channel', async () => {
    const other = new TeamsChannel({ teamId: '19:other-team@thread.tacv2', teamName: 'Annat team', channelId: '19:other@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, other.install(at(23)));
    const answer = await replyTo(other.message(eve, 'grupp Rättighetsgruppen', at(24)));
    expect(answer).toBe('Gruppen Rättighetsgruppen hör till ett annat team. Välj ett annat namn för den här kanalens grupp.');
    // the other team's empty install-time group takes a name of its own instead
    expect(await replyTo(other.message(eve, 'grupp Annat råd', at(25)))).toMatch(/Kanalens grupp heter nu Annat råd/);
    const names = (await repositoriesFor(store().db).groups.listAll()).map((g) => g.name).sort();
    expect(names.filter((n) => n === 'Annat team')).toEqual([]);
  });

  it('a display name grants nothing: an impostor sharing the chair\'s name is never tied, and the real chair is, by the e-mail Teams reports', async () => {
    const impostor: Person = { id: '29:impostor', name: 'Mats Wennstig', aadObjectId: 'd0000000-0000-4000-8000-0000000000ff' };
    await deliver(wire.app.url, channel.participants('join', [impostor], at(1)));
    await deliver(wire.app.url, channel.participants('join', [mats], at(2)));
    const before = await snapshot();
    expect(await inChannel(impostor, 'anteckning Jag är ordföranden.', 20)).toMatch(/^Bara gruppens sekreterare och ordförande/);
    expect(await inChannel(mats, 'anteckning Ordföranden hälsade välkommen.', 20)).toMatch(/^Bara gruppens sekreterare och ordförande/);
    // Two accounts joined under the chair's name: the secretary cannot tell which one she confirms.
    expect(await inChannel(sandra, 'bekräfta Mats Wennstig', 21)).toBe('2 olika Teams-konton har anslutit som Mats Wennstig, så Protokoll kan inte veta vilket som är rätt. Lägg till hens e-postadress i ledamotslistan i stället.');
    expect(await snapshot()).toBe(before);

    // The roster's e-mail and the e-mail Teams reports for the account tie the real chair.
    expect(await inChannel(sandra, 'ledamöter\nMats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande; mats.wennstig@regionblekinge.se', 21)).toMatch(/Mats Wennstig/);
    wire.connector.teamMembers.set('19:rights-team@thread.tacv2', [
      { ...mats, email: 'Mats.Wennstig@RegionBlekinge.se' },
      { ...impostor, email: 'mats.wennstig@gmail.example' },
    ]);
    expect(await inChannel(impostor, 'anteckning Jag är ordföranden.', 22)).toMatch(/^Bara gruppens sekreterare och ordförande/);
    expect(await inChannel(mats, 'anteckning Ordföranden hälsade välkommen.', 23)).toMatch(/Anteckningen är sparad under punkt 1/);
    const roster = await repositoriesFor(store().db).roster.list((await repositoriesFor(store().db).groups.listAll()).find((g) => g.name === 'Rättighetsgruppen')!.id);
    expect(roster.find((m) => m.name === 'Mats Wennstig')?.aadObjectId).toBe(mats.aadObjectId);
    expect(roster.some((m) => m.aadObjectId === impostor.aadObjectId)).toBe(false);
  });

  it('the attendance card flags a name-only match, and its Bekräfta button (pressed by the secretary) ties the account', async () => {
    const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'd0000000-0000-4000-8000-000000000003' };
    await inChannel(sandra, 'ledamöter\nAnna-Karin Åkesson; verksamhetschef; Ronneby kommun; ledamot', 30);
    await deliver(wire.app.url, channel.participants('join', [anna], at(31)));
    const before = wire.connector.messages.length;
    await deliver(wire.app.url, channel.message(sandra, 'närvaro', at(32)));
    const card = wire.connector.messages.slice(before).flatMap((m) => m.attachments ?? []).map((a: any) => a.content)[0];
    expect(JSON.stringify(card)).toMatch(/Ej bekräftade \(matchade bara på namnet i Teams\)/);
    const confirm = card.body.filter((e: any) => e.type === 'ActionSet').flatMap((e: any) => e.actions).find((a: any) => a.title === 'Bekräfta');
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Rättighetsgruppen')!;
    const entry = (await repos.roster.list(group.id)).find((m) => m.name === 'Anna-Karin Åkesson')!;
    // Only the secretary or the chair may press it.
    const byTina = await deliver(wire.app.url, channel.cardAction(tina, confirm.verb, { ...confirm.data, memberId: entry.id }, at(33)));
    expect(byTina.body.value).toMatch(/^Bara gruppens sekreterare och ordförande/);
    const bySandra = await deliver(wire.app.url, channel.cardAction(sandra, confirm.verb, { ...confirm.data, memberId: entry.id }, at(33)));
    expect(JSON.stringify(bySandra.body.value)).not.toMatch(/Ej bekräftade/);
    expect((await repos.roster.list(group.id)).find((m) => m.id === entry.id)?.aadObjectId).toBe(anna.aadObjectId);
  });

  it('a stand-in secretary named by the secretary may record this meeting, and name nobody else', async () => {
    expect(await inChannel(tina, 'sekreterare Tina Olsson', 40)).toMatch(/^Bara gruppens sekreterare och ordförande .* kan utse en ersättare för sekreteraren/);
    const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'd0000000-0000-4000-8000-000000000003' };
    expect(await inChannel(anna, 'anteckning Anna skriver.', 41)).toMatch(/^Bara gruppens sekreterare och ordförande/);
    expect(await inChannel(sandra, 'sekreterare Anna-Karin Åkesson', 42)).toBe('Anna-Karin Åkesson är ersättare för sekreteraren vid det här mötet och kan föra protokollet för det.');
    expect(await inChannel(anna, 'anteckning Anna skriver.', 43)).toMatch(/Anteckningen är sparad/);
    expect(await inChannel(anna, 'sekreterare Rebecca Welander', 44)).toMatch(/^Bara gruppens sekreterare och ordförande/);
    expect(await inChannel(anna, 'beslutsorgan Annas råd', 45)).toMatch(/^Bara gruppens sekreterare och ordförande .* kan ändra gruppens inställningar/);
  });

  it('a guest from another tenant, known by the e-mail on the roster, can be a justerare', async () => {
    const guest: Person = { id: '29:guest', name: 'Gunnel Gäst', aadObjectId: 'd0000000-0000-4000-8000-0000000000a1' };
    expect(await inChannel(sandra, 'ledamöter\nGunnel Gäst; socialchef; Ronneby kommun; ledamot; gunnel.gast@ronneby.se', 50)).toMatch(/Gunnel Gäst/);
    // Teams reports the guest's home e-mail (her account lives in the kommun's tenant).
    wire.connector.teamMembers.set('19:rights-team@thread.tacv2', [
      ...(wire.connector.teamMembers.get('19:rights-team@thread.tacv2') ?? []),
      { ...guest, email: 'Gunnel.Gast@ronneby.se', userPrincipalName: 'gunnel.gast_ronneby.se#EXT#@regionblekinge.onmicrosoft.com' },
    ]);
    // She joins the meeting from her own organisation's tenant: recorded with it.
    const join = channel.participants('join', [guest], at(51));
    join.value.members[0].user.tenantId = 'a1111111-0000-4000-8000-00000000ab01';
    await deliver(wire.app.url, join);
    const recorded = await store().db.selectFrom('attendance_events').select(['display_name', 'tenant_id']).where('aad_object_id', '=', guest.aadObjectId).execute();
    expect(recorded).toEqual([{ display_name: 'Gunnel Gäst', tenant_id: 'a1111111-0000-4000-8000-00000000ab01' }]);
    expect(await inChannel(sandra, 'justerare Gunnel Gäst', 51)).toMatch(/Gunnel Gäst är vald till justerare/);
    expect(await inChannel(sandra, 'avsluta', 60)).toMatch(/väntar på justering av Mats Wennstig, Gunnel Gäst/);
    expect(await inChannel(mats, 'justera', 61)).toMatch(/Mats Wennstig har justerat version 1\. Väntar på Gunnel Gäst/);
    expect(await inChannel(guest, 'justera', 62)).toMatch(/Protokollet är justerat .* och låst/);
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Rättighetsgruppen')!;
    expect((await repos.roster.list(group.id)).find((m) => m.name === 'Gunnel Gäst')?.aadObjectId).toBe(guest.aadObjectId);
  });
});
