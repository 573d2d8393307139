/**
 * A whole meeting over the wire: real Teams-shaped activities POSTed to /api/messages of the real
 * server, replies arriving at a Bot Connector on loopback. Then every activity is delivered a second
 * time (Teams retries), and the database must hold exactly what was sent, once.
 */
import type { RunningApp } from '../../bot/src/app';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';
import { meetingIntervals } from '../../bot/src/core/use-cases/meeting-intervals';
import { BotConnectorServer } from '../support/bot-connector.server';
import { printedText } from '../support/draft-state';
import { describeEachStore } from '../support/stores';
import { startTestApp } from '../support/test-app';
import { deliver, TeamsChannel, type Person } from '../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'a0000000-0000-4000-8000-000000000001' };
const mats: Person = { id: '29:mats', name: 'Mats Wennstig', aadObjectId: 'a0000000-0000-4000-8000-000000000002' };
const rebecca: Person = { id: '29:rebecca', name: 'Rebecca Welander', aadObjectId: 'a0000000-0000-4000-8000-000000000003' };
const anna: Person = { id: '29:anna', name: 'Anna-Karin Åkesson', aadObjectId: 'a0000000-0000-4000-8000-000000000004' };
const carina: Person = { id: '29:carina', name: 'Carina Ingemansson', aadObjectId: 'a0000000-0000-4000-8000-000000000006' };
const tina: Person = { id: '29:tina', name: 'Tina Olsson', aadObjectId: 'a0000000-0000-4000-8000-000000000005' };

/** 2021-01-18 (reference 000), Stockholm 13.00 = 12:00 UTC, plus minutes. */
const at = (minutes: number) => new Date(Date.parse('2021-01-18T12:00:00.000Z') + minutes * 60_000).toISOString();
/** Any word about quorum: the bot writes none into the protokoll (PRODUCT.md, Quorum). */
const QUORUM_REMARK = /beslutfört|beslutsför|beslutförhet/i;

describeEachStore('a whole meeting over the wire', (store) => {
  const connector = new BotConnectorServer();
  let app: RunningApp;
  let channel: TeamsChannel;
  const sent: any[] = [];

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp(store());
    channel = new TeamsChannel({ teamId: '19:team-saa@thread.tacv2', teamName: 'Samverkansgrupp att åldras', channelId: '19:saa@thread.tacv2' }, connector.url);
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  /** Delivers, expects 200, and returns the texts of the replies this activity caused. */
  const send = async (activity: any): Promise<string[]> => {
    sent.push(activity);
    const before = connector.messages.length;
    const res = await deliver(app.url, activity);
    expect(res.status).toBeLessThan(300);
    return connector.messages.slice(before).map((m) => m.text ?? '');
  };
  const say = (who: Person, text: string, minute: number) => send(channel.message(who, text, at(minute)));
  /** Like `say`, but also returns the Adaptive Cards attached to the reply. */
  const sayWithCards = async (who: Person, text: string, minute: number) => {
    const before = connector.messages.length;
    const texts = await send(channel.message(who, text, at(minute)));
    const cards = connector.messages.slice(before).flatMap((m) => (m.attachments ?? []).map((a: any) => a.content));
    return { text: texts[0] ?? '', cards };
  };

  /** The meeting, one step per `it`: they run in order on one app and one channel, so a failure names its step. */
  describe('records the meeting and answers every command in Swedish', () => {
    const buttons = (card: any) => card.body.filter((e: any) => e.type === 'ActionSet').flatMap((e: any) => e.actions);

    it('install: the bot greets the channel by its team name', async () => {
      expect((await send(channel.install(at(-60))))[0]).toMatch(/Samverkansgrupp att åldras/);
    });

    it('roster: five people are saved', async () => {
      expect((await say(sandra, [
        'ledamöter',
        'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
        'Carina Ingemansson; stf verksamhetschef medicinkliniken; Region Blekinge; ledamot',
        'Rebecca Welander; verksamhetschef; Karlshamns kommun; ledamot',
        'Anna-Karin Åkesson; verksamhetschef HSL/myndighet; Ronneby kommun; ledamot',
        'Sandra Johansson; processledare LOS; Region Blekinge; sekreterare',
      ].join('\n'), -50))[0]).toMatch(/5 personer är sparade/);
    });

    it('deciding body: decisions read "Samverkansgruppen beslutar"', async () => {
      expect((await say(sandra, 'beslutsorgan Samverkansgruppen', -49))[0]).toMatch(/Samverkansgruppen beslutar/);
    });

    it('agenda: own items after the standard head, sub-points under the last one', async () => {
      expect((await say(sandra, 'ny punkt Protokoll LSVO:s ledningsgrupp (I)', -48))[0]).toMatch(/Punkt 3 Protokoll LSVO:s ledningsgrupp \(I\)/);
      expect((await say(sandra, 'ny punkt Vårdplatsflöde (I/D)', -47))[0]).toMatch(/Punkt 4 Vårdplatsflöde/);
      expect((await say(sandra, 'ny punkt Uppföljning tillfälliga arbetsgrupper', -46))[0]).toMatch(/^Punkt 5 Uppföljning tillfälliga arbetsgrupper är tillagd/);
      expect((await say(sandra, 'underpunkt Läkemedel avvikelser AG', -45))[0]).toMatch(/punkt 5 a\)/);
      expect((await say(sandra, 'underpunkt Sjukresor/färdtjänst AG', -44))[0]).toMatch(/punkt 5 b\)/);
    });

    it('start: joins before the start, the meeting starts at 13.00', async () => {
      await send(channel.participants('join', [mats, sandra, anna], at(-2)));
      expect((await send(channel.meetingStarted(at(0))))[0]).toMatch(/Mötet startade kl\. 13\.00/);
      await send(channel.participants('join', [tina], at(5)));
    });

    it('the chair, matched by his display name, is confirmed by the secretary and may then record too', async () => {
      expect((await say(mats, 'anteckning Ordföranden vill skriva.', 1))[0]).toMatch(/^Bara gruppens sekreterare och ordförande .* kan föra protokollet/);
      expect((await say(sandra, 'bekräfta Mats Wennstig', 1))[0]).toBe('Mats Wennstig är bekräftad: Teams-kontot som anslöt som Mats Wennstig är nu kopplat till ledamotslistan.');
    });

    it('punkt 1: a decision while not quorate is kept, and the chat warns (Karlshamn and half the Region missing)', async () => {
      const notQuorate = await say(sandra, 'beslut att godkänna för sammanträdet upprättad dagordning', 3);
      expect(notQuorate[0]).toMatch(/Mötet är inte beslutsfört\. Beslutet är sparat; protokollet säger inget om beslutsförheten om inte sekreteraren skriver det\./);
      expect(notQuorate[0]).toMatch(/Karlshamns kommun 0 av 1/);
    });

    it('punkt 2: after Rebecca and Carina join, nästa and a decision', async () => {
      await send(channel.participants('join', [rebecca], at(6)));
      await send(channel.participants('join', [carina], at(8)));
      expect((await say(sandra, 'nästa', 10))[0]).toMatch(/punkt 2 Föregående sammanträdesprotokoll \(från kl\. 13\.10\)/);
      expect((await say(sandra, 'beslut godkänna för 2020-12-07 upprättat sammanträdesprotokoll', 11))[0]).toMatch(/beslutar att godkänna för 2020-12-07/);
    });

    it('punkt 3: presenter, note, information and an action by text', async () => {
      expect((await say(sandra, 'nästa', 15))[0]).toMatch(/punkt 3/);
      expect((await say(sandra, 'föredragande Mats Wennstig', 16))[0]).toMatch(/Föredragande för punkt 3/);
      expect((await say(sandra, 'anteckning FoU har tagit fram en tydlig verksamhetsplan.\nVid intresse kan Mats skicka ut denna.', 17))[0]).toMatch(/sparad under punkt 3/);
      expect((await say(sandra, 'information', 18))[0]).toMatch(/Informationen tas till protokollet/);
      expect((await say(sandra, 'åtgärd Skicka ut FoU:s verksamhetsplan ansvarig Mats senast 2021-02-01', 19))[0])
        .toMatch(/ansvarig Mats Wennstig, senast 2021-02-01/);
    });

    it('punkt 4: the decision form turns into the action form, which records an action', async () => {
      const moved = await sayWithCards(sandra, 'nästa', 30);
      expect(moved.text).toMatch(/Nu behandlas punkt 4 Vårdplatsflöde/);
      // The reply is the decision form; its "Ny åtgärd …" button turns it into the action form.
      const toForm = buttons(moved.cards[0]).find((a: any) => a.verb === 'action.form');
      const formInvoke = channel.cardAction(sandra, toForm.verb, toForm.data, at(31));
      sent.push(formInvoke);
      const form = (await deliver(app.url, formInvoke)).body.value;
      const owners = form.body.find((e: any) => e.id === 'ownerMemberId').choices;
      const submit = buttons(form).find((a: any) => a.verb === 'action.record');
      const recordInvoke = channel.cardAction(sandra, submit.verb, {
        ...submit.data, itemId: form.body.find((e: any) => e.id === 'itemId').value, text: 'Boka lokal för arbetsgruppen',
        ownerMemberId: owners.find((c: any) => c.title.startsWith('Rebecca Welander')).value, ownerName: '', dueDate: '2021-02-15',
      }, at(32));
      sent.push(recordInvoke);
      expect((await deliver(app.url, recordInvoke)).body.value).toMatch(/punkt 4 Vårdplatsflöde: Boka lokal för arbetsgruppen, ansvarig Rebecca Welander, senast 2021-02-15/);
    });

    it('punkt 4: two notes sent at the same instant both land; Anna-Karin leaves; bordläggning', async () => {
      const racing = [channel.message(sandra, 'anteckning Tina beskriver förstudien.', at(33)), channel.message(mats, 'anteckning Sörmland har definierat vårdplatser.', at(33))];
      sent.push(...racing);
      await Promise.all(racing.map((activity) => deliver(app.url, activity)));
      await send(channel.participants('leave', [anna], at(40)));
      expect((await say(sandra, 'bordlägg', 45))[0]).toMatch(/Denna punkt tas upp vid nästa möte/);
    });

    it('punkt 5 b): a decision naming Mats and a verb proposes an action, accepted with one click', async () => {
      expect((await say(sandra, 'punkt 5b', 50))[0]).toMatch(/punkt 5 b\) Sjukresor\/färdtjänst AG/);
      const decided = await sayWithCards(sandra, 'beslut att Mats återkommer med en plan', 52);
      expect(decided.text).toMatch(/punkt 5 b\)/);
      const accept = decided.cards.flatMap((c: any) => c.actions ?? []).find((a: any) => a.verb === 'action.accept-proposal');
      expect(accept.data).toMatchObject({ ownerName: 'Mats Wennstig', text: 'Återkommer med en plan' });
      const invoke = channel.cardAction(sandra, accept.verb, accept.data, at(52.5));
      sent.push(invoke);
      const accepted = await deliver(app.url, invoke);
      expect(accepted.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(accepted.body.value).toMatch(/Återkommer med en plan, ansvarig Mats Wennstig/);
    });

    it('recipients of the paragraph and the distribution list', async () => {
      expect((await say(sandra, 'skickas till LSVO, Region Blekinge', 53))[0]).toMatch(/skickas till LSVO, Region Blekinge/);
      expect((await say(sandra, 'sändlista Samtliga ledamöter', 54))[0]).toMatch(/Sändlista/);
    });

    it('end: everyone leaves, a justerare is elected, the draft (version 1) awaits justering', async () => {
      await send(channel.participants('leave', [mats, sandra, rebecca, tina, carina], at(179)));
      expect((await say(sandra, 'justerare Anna-Karin Åkesson', 178))[0]).toMatch(/Anna-Karin Åkesson är vald till justerare/);
      const ended = await send(channel.meetingEnded(at(180)));
      expect(ended[0]).toMatch(/Mötet avslutades kl\. 16\.00\. .*version 1\) väntar på justering/);
    });
  });

  describe('afterwards', () => {
    it('holds exactly what was sent: paragraphs, decisions, actions, attendance', async () => {
      await expectRecorded();
    });

    it('records nothing twice when Teams delivers every activity again', async () => {
      const before = connector.messages.length;
      for (const activity of [...sent]) {
        const res = await deliver(app.url, activity);
        expect(res.status).toBeLessThan(300);
      }
      expect(connector.messages.length).toBe(before); // retries are not answered twice either
      await expectRecorded();
    });

    it('renders the recorded meeting as the protokoll: JSON, HTML and Word', async () => {
      const repos = repositoriesFor(store().db);
      const group = (await repos.groups.listAll()).find((g) => g.name === 'Samverkansgrupp att åldras')!;
      const [meeting] = await repos.meetings.list(group.id);
      const doc = await (await fetch(`${app.url}/api/meetings/${meeting!.id}/protokoll`)).json();
      expect(doc).toMatchObject({
        kind: 'Sammanträdesprotokoll',
        bodyName: 'Samverkansgrupp att åldras',
        date: '2021-01-18',
        status: 'justering',
        timeAndPlace: 'Måndag den 18 januari 2021 kl. 13.00 – 16.00 via Teams',
        paragraphRange: '1 - 7',
        distributionList: ['Samtliga ledamöter'],
      });
      expect(doc.presentMembers.map((m: any) => [m.name, m.roleLabel, m.partialPresence])).toEqual([
        // the chair first, then in the order the roster was typed; everyone who missed at least half of a paragraph is marked
        ['Mats Wennstig', 'Ordförande', ''],
        ['Carina Ingemansson', null, '(del av mötet)'], // joined 13.08
        ['Rebecca Welander', null, '(del av mötet)'], // joined 13.06, § 1 ran 13.00–13.10
        ['Anna-Karin Åkesson', null, '(del av mötet)'], // left 13.40, before § 5 b)
      ]);
      expect(doc.absentMembers).toEqual([]);
      expect(doc.otherParticipants.map((m: any) => m.name)).toEqual(['Tina Olsson']);
      expect(doc.secretary.name).toBe('Sandra Johansson');
      const [first, , third, fourth, fifth] = doc.paragraphs;
      expect(first.content).toEqual([{
        kind: 'decision',
        bodyPhrase: 'Samverkansgruppen beslutar',
        // taken while not quorate: printed like any other decision, with no remark of the bot's own
        clauses: [{ marker: 'att', text: 'godkänna för sammanträdet upprättad dagordning' }],
        postponed: false,
      }]);
      // in the order recorded: the note, `information`, then the action
      expect(third).toMatchObject({
        label: '3.', title: 'Protokoll LSVO:s ledningsgrupp', typeTag: '(I)', presenters: ['Mats Wennstig'],
        content: [
          { kind: 'text', text: 'FoU har tagit fram en tydlig verksamhetsplan.\nVid intresse kan Mats skicka ut denna.' },
          { kind: 'information' },
          { kind: 'actions', actions: [{ text: 'Skicka ut FoU:s verksamhetsplan', owner: 'Mats Wennstig', dueDate: '2021-02-01' }] },
        ],
      });
      // the action from the form (13.32), the two notes (13.33), bordläggning last (13.45),
      // decided as the reference minutes decide it
      expect(fourth.content.map((b: any) => b.kind)).toEqual(['actions', 'text', 'text', 'decision']);
      expect(fourth.content[3]).toEqual({
        kind: 'decision', bodyPhrase: 'Samverkansgruppen beslutar', clauses: [{ marker: 'att', text: 'Denna punkt tas upp vid nästa möte.' }], postponed: true,
      });
      expect(JSON.stringify(doc)).not.toMatch(QUORUM_REMARK);
      expect(fifth.subPoints[1]).toMatchObject({ label: 'b)' });
      expect(fifth.subPoints[1].content.map((b: any) => b.kind)).toEqual(['decision', 'actions', 'recipients']);
      expect(fifth.subPoints[1].content[2]).toEqual({ kind: 'recipients', recipients: ['LSVO', 'Region Blekinge'] });

      const html = await fetch(`${app.url}/api/meetings/${meeting!.id}/protokoll.html`);
      expect(html.headers.get('content-type')).toMatch(/text\/html/);
      const page = await html.text();
      expect(page).toContain('Samverkansgrupp att åldras');
      expect(page).toContain('Protokoll LSVO:s ledningsgrupp');
      // two decisions were taken while not quorate (§ 1, § 5 b): the document says nothing about quorum
      expect(page).not.toMatch(QUORUM_REMARK);

      const docx = await fetch(`${app.url}/api/meetings/${meeting!.id}/protokoll.docx`);
      expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      const bytes = Buffer.from(await docx.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      const printed = printedText(bytes);
      expect(printed).toContain('att\tgodkänna för sammanträdet upprättad dagordning');
      expect(printed).toContain('att\tDenna punkt tas upp vid nästa möte.');
      expect(printed).not.toMatch(QUORUM_REMARK);
    });
  });

  async function expectRecorded(): Promise<void> {
    const repos = repositoriesFor(store().db);
    const group = (await repos.groups.listAll()).find((g) => g.name === 'Samverkansgrupp att åldras')!;
    expect(group.decidingBody).toBe('Samverkansgruppen');
    const [meeting] = await repos.meetings.list(group.id);
    expect(meeting).toMatchObject({ status: 'justering', startedAt: at(0), endedAt: at(180) });
    const items = await repos.agenda.list(meeting!.id);
    const main = items.filter((i) => !i.parentId);
    expect(main.map((i) => [i.number, i.title, i.typeTag, i.outcome])).toEqual([
      [1, 'Godkännande av dagordning', null, 'decided'],
      [2, 'Föregående sammanträdesprotokoll', null, 'decided'],
      [3, 'Protokoll LSVO:s ledningsgrupp', 'I', 'information'],
      [4, 'Vårdplatsflöde', 'I/D', 'postponed'],
      [5, 'Uppföljning tillfälliga arbetsgrupper', null, 'open'],
      [6, 'Övriga frågor', null, 'open'],
      [7, 'Nästa sammanträde', null, 'open'],
    ]);
    const subs = items.filter((i) => i.parentId).map((i) => [i.title, i.outcome, i.recipients]);
    expect(subs).toEqual([['Läkemedel avvikelser AG', 'open', []], ['Sjukresor/färdtjänst AG', 'decided', ['LSVO', 'Region Blekinge']]]);
    expect(main[2]!.presenters).toEqual(['Mats Wennstig']);
    expect(meeting!.distributionList).toEqual(['Samtliga ledamöter']);

    const decisions = await repos.records.decisions(meeting!.id);
    expect(decisions.map((d) => [d.clause, d.quorate])).toEqual([
      ['godkänna för sammanträdet upprättad dagordning', false],
      ['godkänna för 2020-12-07 upprättat sammanträdesprotokoll', true],
      ['Mats återkommer med en plan', false], // Anna-Karin (Ronneby) had left
    ]);
    const notes = await repos.records.notes(meeting!.id);
    expect(notes.map((n) => n.text).sort()).toEqual([
      'FoU har tagit fram en tydlig verksamhetsplan.\nVid intresse kan Mats skicka ut denna.',
      'Sörmland har definierat vårdplatser.',
      'Tina beskriver förstudien.',
    ]);

    const actions = await repos.actions.listForMeeting(group.id, meeting!.id);
    expect(actions.map((a) => [a.text, a.ownerName, a.dueDate, a.status])).toEqual([
      ['Skicka ut FoU:s verksamhetsplan', 'Mats Wennstig', '2021-02-01', 'open'],
      ['Boka lokal för arbetsgruppen', 'Rebecca Welander', '2021-02-15', 'open'],
      ['Återkommer med en plan', 'Mats Wennstig', null, 'open'],
    ]);

    const intervals = await meetingIntervals(repos, meeting!, at(0));
    expect(intervals.map((i) => [i.displayName, i.memberId !== null, i.joinedAt, i.leftAt]).sort()).toEqual([
      ['Anna-Karin Åkesson', true, at(-2), at(40)],
      ['Carina Ingemansson', true, at(8), at(179)],
      ['Mats Wennstig', true, at(-2), at(179)],
      ['Rebecca Welander', true, at(6), at(179)],
      ['Sandra Johansson', true, at(-2), at(179)],
      ['Tina Olsson', false, at(5), at(179)],
    ]);
    const visits = await repos.records.visits(meeting!.id);
    expect(visits.map((v) => v.openedAt)).toEqual([at(0), at(10), at(15), at(30), at(50)]);
  }
});
