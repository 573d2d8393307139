/**
 * How many statements the typical commands of a meeting send to the database, counted on the store
 * the real server is given (a Kysely plugin) while the commands go over the wire. The counts are
 * pinned: a change that adds a round trip to every command fails here, with the statements listed,
 * where a timing would only drift. The setting is the bench's: the previous meeting's draft awaits
 * justering while the next meeting runs. Each count leaves out BEGIN and COMMIT.
 */
import { describeEachStore } from '../support/stores';
import { useWire } from '../support/wire';
import { deliver } from '../support/teams-activities';
import { CHAIR, MEMBER, SECRETARY, startLiveMeeting, type LiveMeeting } from '../support/live-meeting';
import { StatementCounter } from '../support/statement-counter';
import { repositoriesFor } from '../../bot/src/store/unit-of-work';

/** Each typical command, the statements it may send, and what its answer says (so it did its work). */
const COMMANDS: Array<{ name: string; send: (m: LiveMeeting) => unknown; statements: number; answer: RegExp }> = [
  { name: 'nästa', send: (m) => m.channel.message(SECRETARY, 'nästa', new Date().toISOString()), statements: 6, answer: /Nu behandlas/ },
  { name: 'anteckning', send: (m) => m.channel.message(SECRETARY, 'anteckning Diskussion om läget.', new Date().toISOString()), statements: 4, answer: /Anteckningen är sparad/ },
  { name: 'beslut', send: (m) => m.channel.message(SECRETARY, 'beslut godkänna informationen', new Date().toISOString()), statements: 4, answer: /beslutar att godkänna informationen/ },
  { name: 'åtgärd', send: (m) => m.channel.message(SECRETARY, 'åtgärd Återkoppla till gruppen ansvarig Anna-Karin Åkesson senast 2030-01-15', new Date().toISOString()), statements: 4, answer: /Återkoppla till gruppen/ },
  { name: 'ny punkt', send: (m) => m.channel.message(SECRETARY, 'ny punkt Ett ärende till', new Date().toISOString()), statements: 6, answer: /Ett ärende till/ },
  { name: 'anslutning', send: (m) => m.channel.participants('join', [MEMBER], new Date().toISOString()), statements: 4, answer: /^$/ },
];

describeEachStore('statements per command', (store) => {
  const counter = new StatementCounter();
  const wire = useWire(() => counter.measure(store()));
  let meeting: LiveMeeting;

  beforeAll(async () => {
    meeting = await startLiveMeeting(wire.app.url, wire.connector.url, store(), { teamId: '19:satser-team@thread.tacv2', teamName: 'Satsgruppen', channelId: '19:satser@thread.tacv2' });
    // The previous meeting ends and its draft awaits justering; the next one starts.
    await meeting.say('avsluta');
    await meeting.say('starta');
    // The member joins in the test, a Teams join being one of the typical turns.
    await deliver(wire.app.url, meeting.channel.participants('join', [SECRETARY, CHAIR], new Date().toISOString()));
    const meetings = await repositoriesFor(store().db).meetings.list(meeting.groupId);
    expect(meetings.map((m) => m.status).sort()).toEqual(['justering', 'pågår']);
  });

  it.each(COMMANDS)('$name sends $statements statements besides BEGIN and COMMIT', async ({ send, statements, answer }) => {
    const before = wire.connector.messages.length;
    counter.take();
    const res = await deliver(wire.app.url, send(meeting));
    const sent = counter.take();
    expect(res.status).toBe(200);
    expect(wire.connector.messages.slice(before).map((m) => m.text ?? '').join('\n')).toMatch(answer);
    // On a wrong count the failure message lists the statements sent, to see which came or went.
    expect(sent.length === statements ? statements : `${sent.length} statements:\n${sent.join('\n')}`).toBe(statements);
  });
});
