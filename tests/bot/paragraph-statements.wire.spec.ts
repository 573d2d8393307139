/**
 * `jäv` and `reservation` over the wire, as a nämnd's secretary would type them: the chat's answers
 * and refusals, the quorum advice without the member who declared jäv, and the protokoll (HTML,
 * Word, JSON) printing each where it was recorded, the attendance line leaving the paragraph out of
 * the member's paragraphs, and nothing else: no quorum remark, no reservation nobody made.
 */
import { describeEachStore } from '../support/stores';
import { useWire } from '../support/wire';
import { visibleText as visible } from '../support/page-text';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';
import { readZip, wordText, zipText } from '../support/zip-reader';
import { expectInOrder } from '../unit/documents/expect-order';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import type { ProtokollDocument } from '../../bot/src/documents/protokoll.model';
import { expectReadablePdf } from './replay/replay-driver';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'f0000000-0000-4000-8000-000000000001' };
const karin: Person = { id: '29:karin', name: 'Karin Berg', aadObjectId: 'f0000000-0000-4000-8000-000000000002' };
const per: Person = { id: '29:per', name: 'Per Öst', aadObjectId: 'f0000000-0000-4000-8000-000000000003' };
const lisa: Person = { id: '29:lisa', name: 'Lisa Berg', aadObjectId: 'f0000000-0000-4000-8000-000000000004' };

const at = (minutes: number) => new Date(Date.parse('2025-03-12T13:00:00.000Z') + minutes * 60_000).toISOString();

const count = (text: string, part: string) => text.split(part).length - 1;

const PER_CONFLICT = 'Per Öst (M) anmäler jäv och deltar inte i handläggningen.';
const MOTIVATION = 'Vi anser att hemtjänsten ska drivas i egen regi.';

describeEachStore('jäv and reservation', (store, kind) => {
  const wire = useWire(store);
  let channel: TeamsChannel;
  let meetingId: string;

  const send = async (activity: unknown) => {
    const before = wire.connector.messages.length;
    const res = await deliver(wire.app.url, activity);
    expect(res.status).toBeLessThan(300);
    return wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n');
  };
  const say = (text: string, minute: number) => send(channel.message(sandra, text, at(minute)));

  beforeAll(async () => {
    channel = new TeamsChannel({ teamId: '19:sn-team@thread.tacv2', teamName: 'Socialnämnden', channelId: '19:sn@thread.tacv2' }, wire.connector.url);
    await send(channel.install(at(-60)));
    expect(await say([
      'ledamöter',
      'Karin Berg (S); ordförande; Ronneby kommun; ordförande',
      'Per Öst (M); ledamot; Ronneby kommun; ledamot',
      'Lisa Berg (V); ledamot; Ronneby kommun; ledamot',
      'Sandra Johansson; nämndsekreterare; Ronneby kommun; sekreterare',
    ].join('\n'), -50)).toMatch(/4 personer är sparade/);
    await say('numrering år start 12', -49);
    await say('beslutsorgan Socialnämnden', -48);
    await say('ny punkt Upphandling av hemtjänst', -47);
    await say('ny punkt Bidrag till föreningar', -46);
    await send(channel.participants('join', [karin, per, sandra], at(-1)));
    await send(channel.meetingStarted(at(0)));
    meetingId = (await repositoriesFor(store().db).meetings.list((await repositoriesFor(store().db).groups.listAll()).find((g) => g.name === 'Socialnämnden')!.id))[0]!.id;
  });

  it('jäv: printed as said, refused twice, and the member is not counted for the paragraph’s quorum advice', async () => {
    // the meeting opened on § 12
    expect(await say('nästa', 5)).toMatch(/§ 13/);
    expect(await say('nästa', 10)).toMatch(/§ 14 Upphandling av hemtjänst/);
    expect(await say('jäv Per Öst', 11)).toBe(`§ 14 Upphandling av hemtjänst: ${PER_CONFLICT} Ledamoten räknas inte som närvarande i paragrafen.`);
    expect(await say('jäv Per Öst', 11)).toBe('Per Öst har redan anmält jäv i § 14 Upphandling av hemtjänst.');
    // Karin and Per of three members are here: quorate, but not without Per
    const decided = await say('beslut anta tilldelningsbeslutet', 12);
    expect(decided).toMatch(/Socialnämnden beslutar att anta tilldelningsbeslutet/);
    expect(decided).toMatch(/Mötet är inte beslutsfört/);
    // the attendance card's advice is for the paragraph at hand too
    const before = wire.connector.messages.length;
    await say('närvaro', 12);
    const attendanceCard = JSON.stringify(wire.connector.messages.slice(before).flatMap((m) => m.attachments ?? []));
    expect(attendanceCard).toMatch(/Inte beslutsför/);
  });

  it('reservation: only members who took part in the decision, with the motivation when given', async () => {
    expect(await say('reservation Per Öst', 13)).toBe('Per Öst har anmält jäv i § 14 och deltog inte i beslutet, så kan inte reservera sig mot det.');
    expect(await say('reservation Lisa Berg', 13)).toBe('Lisa Berg var inte närvarande i § 14 och kan inte reservera sig. Bara ledamöter som deltog i beslutet kan det.');
    await send(channel.participants('join', [lisa], at(13)));
    expect(await say(`reservation Lisa Berg: ${MOTIVATION}`, 14))
      .toBe('§ 14 Upphandling av hemtjänst: Mot beslutet reserverar sig Lisa Berg (V). Motiveringen skrivs som reservation under beslutet.');

    expect(await say('nästa', 20)).toMatch(/§ 15 Bidrag till föreningar/);
    expect(await say('reservation Karin Berg', 21)).toBe('Det finns inget beslut i § 15 Bidrag till föreningar att reservera sig mot. Skriv beslutet först med `beslut`.');
    expect(await say('beslut bevilja bidrag enligt förvaltningens förslag', 22)).not.toMatch(/inte beslutsfört/);
    expect(await say('reservation Sandra Johansson', 23)).toBe('Sandra Johansson är inte ledamot och kan inte reservera sig. Bara ledamöter som deltog i beslutet kan det.');
    expect(await say('reservation Nils Okänd', 23)).toMatch(/Nils Okänd finns inte i gruppens ledamotslista/);
    expect(await say('reservation Karin Berg och Lisa Berg', 24)).toBe('§ 15 Bidrag till föreningar: Mot beslutet reserverar sig Karin Berg (S) och Lisa Berg (V).');
  });

  it('the decision card records jäv before the clauses and the reservation after them, from its member pickers', async () => {
    expect(await say('nästa', 25)).toMatch(/§ 16 Övriga frågor/);
    const roster = await repositoriesFor(store().db).roster.list((await repositoriesFor(store().db).groups.listAll()).find((g) => g.name === 'Socialnämnden')!.id);
    const id = (name: string) => roster.find((m) => m.name === name)!.id;
    const res = await deliver(wire.app.url, channel.cardAction(sandra, 'decision.record', {
      meetingId, clauses: 'att ge förvaltningen i uppdrag att utreda lokalfrågan',
      conflicts: id('Per Öst'), reservations: `${id('Karin Berg')},${id('Lisa Berg')}`, reservationMotivation: 'Frågan bör avgöras nu.',
    }, at(27)));
    const answer = JSON.stringify(res.body);
    expect(answer).toMatch(/Per Öst \(M\) anmäler jäv/);
    expect(answer).toMatch(/Mot beslutet reserverar sig Karin Berg \(S\) och Lisa Berg \(V\)/);
    // Per Öst declared jäv here: picked among those reserving themselves, the whole card is refused and nothing is recorded
    const before = (await repositoriesFor(store().db).records.statements(meetingId)).length;
    const refused = await deliver(wire.app.url, channel.cardAction(sandra, 'decision.record', {
      meetingId, clauses: 'att återkomma i frågan', reservations: id('Per Öst'),
    }, at(28)));
    expect(JSON.stringify(refused.body)).toMatch(/Per Öst har anmält jäv i § 16 och deltog inte i beslutet/);
    expect((await repositoriesFor(store().db).records.statements(meetingId)).length).toBe(before);
    expect((await repositoriesFor(store().db).records.decisions(meetingId)).map((d) => d.clause)).not.toContain('återkomma i frågan');
    expect(await say('avsluta', 40)).toMatch(/avslut/i);
  });

  it('the protokoll prints them where they were recorded, leaves § 14 out of Per Öst’s paragraphs, and says nothing more', async () => {
    const page = visible(await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.html`)).text());
    const paragraphs = page.slice(page.indexOf('§ 14 Upphandling av hemtjänst', page.indexOf('Underskrifter')));
    expectInOrder(paragraphs, [
      '§ 14 Upphandling av hemtjänst', PER_CONFLICT, 'Socialnämnden beslutar', 'att anta tilldelningsbeslutet',
      'Mot beslutet reserverar sig Lisa Berg (V).', 'Reservation', MOTIVATION,
      '§ 15 Bidrag till föreningar', 'Socialnämnden beslutar', 'att bevilja bidrag enligt förvaltningens förslag',
      'Mot beslutet reserverar sig Karin Berg (S) och Lisa Berg (V).',
    ]);
    expect(count(page, 'anmäler jäv')).toBe(2);
    expect(count(page, 'reserverar sig')).toBe(3);
    expectInOrder(page.slice(page.lastIndexOf('§ 16 Övriga frågor')), [
      PER_CONFLICT, 'Socialnämnden beslutar', 'att ge förvaltningen i uppdrag att utreda lokalfrågan',
      'Mot beslutet reserverar sig Karin Berg (S) och Lisa Berg (V).', 'Reservation', 'Frågan bör avgöras nu.',
    ]);
    expect(page).not.toMatch(/Sandra Johansson anmäler|reserverar sig Per|reserverar sig Sandra|Nils Okänd/);
    expect(page).not.toMatch(/beslutsfört|beslutfört|beslutförhet/i);
    // present from start to end (the meeting ended in § 16), but not in § 14 nor § 16: the mark says which paragraphs Per Öst took part in
    expect(page).toMatch(/Per Öst \(M\), ledamot \(§§12 - 13, 15\)/);
    expect(page).not.toMatch(/Karin Berg \(S\)[^,]*\(§/);

    const doc = await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll`)).json();
    const procurement = doc.paragraphs.find((p: any) => p.title === 'Upphandling av hemtjänst');
    expect(procurement.content).toEqual([
      { kind: 'conflict', name: 'Per Öst (M)' },
      expect.objectContaining({ kind: 'decision' }),
      { kind: 'reservation', names: ['Lisa Berg (V)'], motivation: MOTIVATION },
    ]);

    const docx = Buffer.from(await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll.docx`)).arrayBuffer());
    const text = wordText(zipText(readZip(docx), 'word/document.xml')).replace(/\s+/g, ' ');
    expectInOrder(text.slice(text.lastIndexOf('Upphandling av hemtjänst')), [
      PER_CONFLICT, 'Socialnämnden beslutar', 'anta tilldelningsbeslutet', 'Mot beslutet reserverar sig Lisa Berg (V).', 'Reservation', MOTIVATION,
      'Bidrag till föreningar', 'Mot beslutet reserverar sig Karin Berg (S) och Lisa Berg (V).',
    ]);
    expect(text).not.toMatch(/beslutsfört|beslutfört/i);
  });

  if (kind === 'pglite') {
    it('gives a Word document LibreOffice reads in order, jäv and reservation included, each page numbered, no heading last on a page', async () => {
      const doc = (await (await fetch(`${wire.app.url}/api/meetings/${meetingId}/protokoll`)).json()) as ProtokollDocument;
      const { pages } = await expectReadablePdf(wire, meetingId, 'jav-reservation', doc);
      const text = pages.join('\n').replace(/\s+/g, ' ');
      expectInOrder(text, [PER_CONFLICT, 'Mot beslutet reserverar sig Lisa Berg (V).', 'Reservation', MOTIVATION, 'Mot beslutet reserverar sig Karin Berg (S) och Lisa Berg (V).']);
    }, 150_000);
  }
});
