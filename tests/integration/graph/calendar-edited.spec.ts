/**
 * An invitation edited after its agenda was posted, end to end over HTTP: the organiser strikes an
 * item, adds one and changes a presenter in the body on the Graph stand-in. The agenda is read
 * again; the member's `ny punkt` (typed after the agenda went out) and the carried-over item stay;
 * the one agenda card is updated in place and says what changed; the secretary is told once.
 */
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { useGraphStandIns } from '../../support/graph-stand-ins';
import { deliver } from '../../support/teams-activities';
import { agendaPosts, cardTexts, fixtureEvents, hoursBefore, MEETING_CHAT, ORGANISER, sandra, setUpGroup } from './calendar-scenario';

const unescaped = (text: string) => text.replace(/\\(.)/g, '$1');

/** The fixture's HTML body with "Mobil närvård" replaced by "Digital vårdplan (I)" and another presenter for § 3. */
function editedBody(): { contentType: string; content: string } {
  const body = fixtureEvents()[0].body;
  const content = body.content
    .replace('Mobil n&auml;rv&aring;rd (I/D/B)', 'Digital v&aring;rdplan (I)')
    .replace('F&ouml;redragande: Mats Wennstig', 'F&ouml;redragande: Lena Holm');
  if (content === body.content) throw new Error('the fixture body changed: edit the replacements');
  return { ...body, content };
}

describeEachStore('an invitation edited after the agenda was posted', (store) => {
  const { graph, env } = useGraphStandIns();
  const wire = useWire(store, env);
  const updates = () => wire.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === MEETING_CHAT);
  const told = () => wire.connector.calls.filter((c) => c.path === '/v3/conversations' && /Kallelsen till mötet/.test(c.body?.activity?.text ?? ''));

  let channel: Awaited<ReturnType<typeof setUpGroup>>;
  beforeAll(async () => {
    channel = await setUpGroup(wire.app.url, wire.connector, graph);
  });

  it('an unchanged invitation is read once: later runs change nothing', async () => {
    await wire.app.scheduler.tick(hoursBefore(23));
    await deliver(wire.app.url, channel.message(sandra, 'ny punkt Lokalfrågan (D)', hoursBefore(22.5)));
    await wire.app.scheduler.tick(hoursBefore(22));
    expect(agendaPosts(wire.connector)).toHaveLength(1);
    expect(updates()).toEqual([]);
  });

  it('re-reads the edited body, keeps what members added, and updates the one card in place', async () => {
    graph.updateEvent('users', ORGANISER, fixtureEvents()[0].id, { body: editedBody() });
    await wire.app.scheduler.tick(hoursBefore(12));
    await wire.app.scheduler.tick(hoursBefore(11));

    const [update, ...more] = updates();
    expect(more).toEqual([]);
    const posted = wire.connector.calls.find((c) => c.method === 'POST' && c.conversationId === MEETING_CHAT && /^Dagordning inför/.test(c.body?.text ?? ''))!;
    expect(update!.activityId).toBe(posted.responseId);
    expect(cardTexts(update!.body.attachments[0].content)).toEqual([
      'Dagordning – Samverkansgrupp att åldras',
      'Tisdag den 12 mars 2024 · Planerat möte',
      'Kallelsen är ändrad: borttagen: Mobil närvård; ändrad: Rapport från vårdplatsgruppen; ny punkt: Digital vårdplan.',
      '1. Godkännande av dagordning',
      '2. Föregående sammanträdesprotokoll',
      '3. Rapport från vårdplatsgruppen (I)',
      'Föredragande: Lena Holm',
      '4. Budget 2025 (B)',
      'Föredragande: Anna-Karin Åkesson, Carina Fransson',
      'a) Region Blekinge',
      'b) Kommunerna',
      '5. Digital vårdplan (I)',
      '6. Vårdplatsflöde (B)',
      'Från tidigare möte',
      '7. Rapport från länsstyrelsen (I)',
      '8. Lokalfrågan (D)',
      '9. Övriga frågor',
      '10. Nästa sammanträde',
    ]);
    expect(told()).toHaveLength(1);
    expect(unescaped(told()[0]!.body.activity.text)).toContain('Punkter från ny punkt och sådana som lagts till för hand finns kvar.');
    expect(agendaPosts(wire.connector)).toHaveLength(1);
  });

  it('once the meeting runs, an edit no longer touches its agenda', async () => {
    await deliver(wire.app.url, channel.message(sandra, 'starta', new Date(Date.parse(hoursBefore(0))).toISOString()));
    graph.updateEvent('users', ORGANISER, fixtureEvents()[0].id, { body: fixtureEvents()[0].body });
    await wire.app.scheduler.tick(hoursBefore(-0.5));
    expect(updates()).toHaveLength(1);
    expect(told()).toHaveLength(1);
  });
});
