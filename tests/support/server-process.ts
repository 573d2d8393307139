/**
 * The real server as its own process (bot/src/index.ts bundled by esbuild, packages left to
 * node_modules), for tests that must kill it: SIGKILL gives no chance to clean up, exactly like a
 * crashed or evicted instance.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { buildSync } from 'esbuild';

const root = path.join(__dirname, '..', '..');
// Inside the repository, so the server finds its project root (tab files) from the bundle.
const bundle = path.join(root, 'node_modules', '.cache', 'protokoll-test', 'server.js');

let built = false;
function buildOnce(): void {
  if (built) return;
  buildSync({ entryPoints: [path.join(root, 'bot', 'src', 'index.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', packages: 'external', logLevel: 'error' });
  built = true;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** resolves with the exit signal or code */
  exited: Promise<string>;
}

export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  buildOnce();
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [bundle], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(listenPort), LOG_LEVEL: 'warn', SCHEDULER_INTERVAL_SECONDS: '0', COMMANDS_PER_MINUTE: '100000', API_CALLS_PER_MINUTE: '100000', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
    const healthy = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return { url, child, exited };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become healthy: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
