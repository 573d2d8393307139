/**
 * Offline development: with no tenant, LOCAL_CALENDAR_FILE (events in Graph's own shape) stands in
 * for Microsoft Graph, and the same code above the CalendarSource port posts the same agenda.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useWire } from '../../support/wire';
import { describeEachStore } from '../../support/stores';
import { GraphTestServer } from '../../support/graph.server';
import { deliver, TeamsChannel } from '../../support/teams-activities';
import { agendaPosts, EXPECTED_AGENDA, fixtureEvents, hoursBefore, MEETING_CHAT, ORGANISER, setUpGroup } from './calendar-scenario';

describeEachStore('local calendar file instead of Microsoft Graph', (store) => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-calendar-'));
  const file = path.join(directory, 'kalender.json');
  fs.writeFileSync(file, JSON.stringify({ users: { [ORGANISER]: fixtureEvents() } }, null, 2));
  const wire = useWire(store, { LOCAL_CALENDAR_FILE: file });
  // setUpGroup also fills a Graph stand-in; here nobody asks it anything.
  const unused = new GraphTestServer();
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('posts the agenda from the file at the lead time, once', async () => {
    await setUpGroup(wire.app.url, wire.connector, unused);
    expect(wire.connector.messages.some((m) => /Nästa Teams-möte i kalendern: Samverkansgrupp att åldras – sammanträde/.test(m.text ?? ''))).toBe(true);
    await wire.app.scheduler.tick(hoursBefore(23));
    await wire.app.scheduler.tick(hoursBefore(20));
    const posts = agendaPosts(wire.connector);
    expect(posts.map((p) => [p.conversationId, p.texts])).toEqual([[MEETING_CHAT, EXPECTED_AGENDA]]);
    expect(unused.calls).toEqual([]);
  });

  it('says in Swedish when the file names no such calendar', async () => {
    const before = wire.connector.messages.length;
    const other = new TeamsChannel({ teamId: '19:x-team@thread.tacv2', teamName: 'PSVO', channelId: '19:psvo@thread.tacv2' }, wire.connector.url);
    await deliver(wire.app.url, other.install('2024-03-05T07:00:00.000Z'));
    await deliver(wire.app.url, other.message({ id: '29:x', name: 'Sandra Johansson', aadObjectId: 'x' }, 'kalender användare okand@regionblekinge.se', '2024-03-05T07:01:00.000Z'));
    const replies = (await wire.connector.waitForMessages(before + 2)).slice(before);
    expect(replies.map((m) => m.text).join('\n')).toContain(`Kalendern för okand@regionblekinge.se finns inte i den lokala kalenderfilen ${file}.`);
  });
});
