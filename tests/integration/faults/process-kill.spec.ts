/**
 * The server process is killed (SIGKILL: no shutdown, no flush) in the middle of a meeting while
 * commands are arriving, and started again on the same database. Everything it acknowledged
 * (HTTP 200 to the Bot Connector) before the kill is there; Teams' retries of the rest are recorded
 * once; the meeting goes on. On PGlite (its data directory) and on the PostgreSQL server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BotConnectorServer } from '../../support/bot-connector.server';
import { startServerProcess, type ServerProcess } from '../../support/server-process';
import { freshSchemaName } from '../../support/stores';
import { deliver, TeamsChannel, type Person } from '../../support/teams-activities';

const sandra: Person = { id: '29:sandra', name: 'Sandra Johansson', aadObjectId: 'a1000000-0000-4000-8000-000000000001' };
const at = (seconds: number) => new Date(Date.parse('2024-09-02T07:00:00.000Z') + seconds * 1000).toISOString();
const BURST = 40;

const variants: Array<[string, () => Record<string, string>]> = [
  ['pglite', () => ({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'protokoll-kill-')) })],
  ...(process.env.DATABASE_URL
    // No Entra app here: the tab API's development user is allowed on purpose.
    ? [['postgresql', () => ({ DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: freshSchemaName(), ALLOW_DEVELOPMENT_USER: '1' })] as [string, () => Record<string, string>]]
    : []),
];

describe.each(variants)('SIGKILL in the middle of a meeting [%s]', (_name, storeEnv) => {
  const connector = new BotConnectorServer();
  let env: Record<string, string>;
  let server: ServerProcess | null = null;
  const channel = () => new TeamsChannel({ teamId: '19:kill-team@thread.tacv2', teamName: 'Omstart', channelId: '19:kill@thread.tacv2' }, connector.url);

  beforeAll(async () => {
    await connector.start();
    env = storeEnv();
  });
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await server?.exited;
    await connector.stop();
    if (env?.DATA_DIR) fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
  });

  const protokollText = async (url: string): Promise<string> => {
    const groups = await (await fetch(`${url}/api/groups`)).json();
    const group = groups.find((g: { name: string }) => g.name === 'Omstart');
    const { meetings: [meeting] } = await (await fetch(`${url}/api/groups/${group.id}/meetings`)).json();
    return JSON.stringify(await (await fetch(`${url}/api/meetings/${meeting.id}/protokoll`)).json());
  };
  const count = (text: string, marker: string) => text.split(marker).length - 1;

  it('keeps what was acknowledged, records retries once, and the meeting goes on', async () => {
    server = await startServerProcess(env);
    const teams = channel();
    const say = (text: string, second: number) => deliver(server!.url, teams.message(sandra, text, at(second)));
    expect((await deliver(server.url, teams.install(at(0)))).status).toBe(200);
    expect((await say('ledamöter\nSandra Johansson; processledare LOS; Region Blekinge; sekreterare', 1)).status).toBe(200);
    expect((await say('starta', 2)).status).toBe(200);
    expect((await say('anteckning Före avbrottet.', 3)).status).toBe(200);

    // A burst of notes; the process is killed once some of them have been answered.
    const burst = Array.from({ length: BURST }, (_, i) => teams.message(sandra, `anteckning Notering ${String(i).padStart(2, '0')}.`, at(10 + i)));
    const acknowledged: number[] = [];
    const killed = server;
    const answers = burst.map((activity, i) =>
      deliver(killed.url, activity).then((res) => { if (res.status === 200) acknowledged.push(i); }, () => undefined));
    while (acknowledged.length < 5) {
      if (killed.child.exitCode !== null || killed.child.signalCode !== null) throw new Error('the server exited by itself during the burst');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toBe('SIGKILL');
    await Promise.all(answers);
    expect(acknowledged.length).toBeLessThan(BURST);

    server = await startServerProcess(env);
    const before = await protokollText(server.url);
    expect(count(before, 'Före avbrottet.')).toBe(1);
    for (const i of acknowledged) expect(count(before, `Notering ${String(i).padStart(2, '0')}.`)).toBe(1);

    // Teams retries every activity it got no answer to (and a few it did): each lands once.
    for (const activity of burst) expect((await deliver(server.url, activity)).status).toBe(200);
    const after = await protokollText(server.url);
    for (let i = 0; i < BURST; i++) expect(count(after, `Notering ${String(i).padStart(2, '0')}.`)).toBe(1);

    const ended = await deliver(server.url, teams.message(sandra, 'avsluta', at(100)));
    expect(ended.status).toBe(200);
    expect(connector.messages.at(-1)?.text ?? '').toMatch(/Utkastet \(version 1\) väntar på justering/);
  }, 90_000);
});
