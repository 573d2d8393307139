/**
 * The group the calendar tests share: Samverkansgrupp att åldras in its channel, with a roster, its
 * calendar in Sandra's mailbox on the Graph stand-in (the invitation of tests/fixtures/graph), and a
 * previous meeting (2024-03-01) whose item "Vårdplatsflöde" was postponed, so it is carried over.
 */
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';
import { graphFixture, type GraphTestServer } from '../../support/graph.server';
import type { BotConnectorServer } from '../../support/bot-connector.server';
import type { StoreConnection } from '../../../bot/src/store/database';

export const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'e0000000-0000-4000-8000-000000000001' };
export const ORGANISER = 'sandra.johansson@regionblekinge.se';
export const CHANNEL = '19:samverkan@thread.tacv2';
/** the meeting chat named by the fixture's join link: the channel meeting's thread */
export const MEETING_CHAT = `${CHANNEL};messageid=1710230400000`;
/** the fixture meeting: Tuesday 2024-03-12 09.00–12.00 in Stockholm */
export const STARTS = Date.parse('2024-03-12T08:00:00.000Z');
export const hoursBefore = (hours: number) => new Date(STARTS - hours * 3_600_000).toISOString();

export function fixtureEvents(): any[] {
  return [...graphFixture('calendarview-page1.json').value, ...graphFixture('calendarview-page2.json').value];
}

export async function setUpGroup(appUrl: string, connector: BotConnectorServer, graph: GraphTestServer, team = 'samverkan'): Promise<TeamsChannel> {
  graph.setCalendar('users', ORGANISER, fixtureEvents());
  const channel = new TeamsChannel({ teamId: `19:${team}-team@thread.tacv2`, teamName: 'Samverkansgrupp att åldras', channelId: CHANNEL }, connector.url);
  let minute = 0;
  const say = async (text: string, day = '2024-03-01') => {
    const res = await deliver(appUrl, channel.message(sandra, text, `${day}T08:${String(minute++).padStart(2, '0')}:00.000Z`));
    if (res.status !== 200) throw new Error(`${text}: HTTP ${res.status}`);
  };
  await deliver(appUrl, channel.install('2024-03-01T07:00:00.000Z'));
  await say([
    'ledamöter',
    'Mats Wennstig; hälso- och sjukvårdsstrateg; Region Blekinge; ordförande',
    'Lena Holm; förvaltningschef; Region Blekinge; ledamot',
    'Anna-Karin Åkesson; verksamhetschef; Karlskrona kommun; ledamot',
    'Carina Fransson; socialchef; Karlskrona kommun; ledamot',
    'Per Lind; socialchef; Ronneby kommun; ledamot',
    'Sandra Johansson; processledare; Region Blekinge; sekreterare',
  ].join('\n'));
  // The previous meeting: "Vårdplatsflöde" (§ 3) is postponed to the next one.
  await say('ny punkt Vårdplatsflöde (B)');
  await say('starta');
  await say('punkt 3');
  await say('bordlägg');
  await say('avsluta');
  // Between meetings: a member's item for the next one, and the calendar link.
  await say('ny punkt Rapport från länsstyrelsen (I)', '2024-03-05');
  await say(`kalender användare ${ORGANISER}`, '2024-03-05');
  return channel;
}

/** The texts of an Adaptive Card's TextBlocks, in order, without markdown escapes. */
export function cardTexts(card: any): string[] {
  const texts: string[] = [];
  const walk = (element: any) => {
    if (element?.type === 'TextBlock') texts.push(String(element.text).replace(/\\(.)/g, '$1'));
    for (const child of [...(element?.body ?? []), ...(element?.items ?? [])]) walk(child);
  };
  walk(card);
  return texts;
}

/** The scheduler's agenda posts the connector received ("Dagordning inför mötet …" with the card). */
export function agendaPosts(connector: BotConnectorServer): Array<{ conversationId: string; texts: string[]; text: string }> {
  return connector.calls
    .filter((c) => c.method === 'POST' && c.body?.type === 'message' && /^Dagordning inför mötet /.test(c.body.text ?? ''))
    .map((c) => ({ conversationId: c.conversationId, texts: cardTexts(c.body.attachments?.[0]?.content), text: c.body.text }));
}

/** The agenda the fixture invitation, the standard items and the carried-over item make. */
export const EXPECTED_AGENDA = [
  'Dagordning – Samverkansgrupp att åldras',
  'Tisdag den 12 mars 2024 · Planerat möte',
  '1. Godkännande av dagordning',
  '2. Föregående sammanträdesprotokoll',
  '3. Rapport från vårdplatsgruppen (I)',
  'Föredragande: Mats Wennstig',
  '4. Budget 2025 (B)',
  'Föredragande: Anna-Karin Åkesson, Carina Fransson',
  'a) Region Blekinge',
  'b) Kommunerna',
  '5. Mobil närvård (I/D/B)',
  '6. Vårdplatsflöde (B)',
  'Från tidigare möte',
  '7. Rapport från länsstyrelsen (I)',
  '8. Övriga frågor',
  '9. Nästa sammanträde',
];

/** The schema a PostgreSQL test store was opened on (its search_path): a second instance connects to it. */
export function schemaOf(store: StoreConnection): string {
  const match = /\(schema ([a-z0-9_]+)\)/i.exec(store.description);
  if (!match) throw new Error(`no schema in ${store.description}`);
  return match[1]!;
}
