/**
 * Where a part of the bench spends its processor time, from its own profile: V8's sampling
 * profiler over the inspector, in this process (the server, the stand-ins and the clients share
 * it), each sample counted where its code lives. The bench is one esbuild bundle with an inline
 * source map, so frames in the bundle are traced back to their source file (bot/src is the server;
 * bench/ and tests/support are the clients and the stand-ins); packages keep their own paths.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface ProfileShare {
  /** Swedish name of where the time went */
  where: string;
  /** share of the samples in which the process was busy (idle samples left out), in percent */
  percent: number;
}

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
}

export async function profiled<T>(work: () => Promise<T>): Promise<{ value: T; shares: ProfileShare[] }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    // every 0.1 ms rather than V8's default 1 ms: a short part still gives thousands of samples
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const value = await work();
    const { profile } = await session.post('Profiler.stop');
    return { value, shares: sharesOf(profile.nodes as ProfileNode[]) };
  } finally {
    session.disconnect();
  }
}

function sharesOf(nodes: ProfileNode[]): ProfileShare[] {
  const maps = new Map<string, SourceMap | null>();
  const hits = new Map<string, number>();
  let busy = 0;
  for (const node of nodes) {
    const count = node.hitCount ?? 0;
    if (count === 0 || node.callFrame.functionName === '(idle)') continue;
    const where = placeOf(node.callFrame, maps);
    hits.set(where, (hits.get(where) ?? 0) + count);
    busy += count;
  }
  return [...hits]
    .map(([where, count]) => ({ where, percent: (100 * count) / busy }))
    .sort((a, b) => b.percent - a.percent);
}

function placeOf(frame: ProfileNode['callFrame'], maps: Map<string, SourceMap | null>): string {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'skräpsamling';
  if (functionName === '(program)' || url === '') return 'V8 och Node utanför JavaScript';
  if (url.startsWith('node:')) return 'Nodes inbyggda moduler (http, nät, strömmar)';
  if (url.startsWith('wasm://')) return 'PGlite';
  const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return packageGroup(pkg);
  const source = originalSource(url, frame, maps) ?? url;
  if (source.includes('/bot/src/')) return 'Protokoll (bot/src)';
  if (source.includes('/bench/') || source.includes('/tests/support/')) return 'bänkens klienter och ersättare';
  return `annat (${url.replace(/^(\w+:\/\/[^/]*).*$/, '$1').slice(0, 60)})`;
}

/** Packages that do one job together are counted together. */
function packageGroup(pkg: string): string {
  if (/^(botbuilder|botframework)/.test(pkg)) return 'botbuilder';
  if (/^(pg|pg-.*|postgres-.*)$/.test(pkg)) return 'pg';
  if (pkg === '@electric-sql/pglite') return 'PGlite';
  return pkg;
}

function originalSource(url: string, frame: ProfileNode['callFrame'], maps: Map<string, SourceMap | null>): string | null {
  if (!maps.has(url)) maps.set(url, inlineSourceMap(url));
  const map = maps.get(url);
  if (!map) return null;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
  return entry.originalSource ?? null;
}

function inlineSourceMap(url: string): SourceMap | null {
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    const text = fs.readFileSync(file, 'utf8');
    const data = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(text)?.[1];
    return data ? new SourceMap(JSON.parse(Buffer.from(data, 'base64').toString('utf8'))) : null;
  } catch {
    return null;
  }
}

/** `42 % Protokoll (bot/src), 18 % pg, …` — the largest shares, the rest summed. */
export function describeShares(shares: ProfileShare[], top = 7): string {
  const shown = shares.slice(0, top).map((s) => `${s.percent.toFixed(0)} % ${s.where}`);
  const rest = shares.slice(top).reduce((sum, s) => sum + s.percent, 0);
  return rest >= 0.5 ? `${shown.join(', ')}, ${rest.toFixed(0)} % resten` : shown.join(', ');
}
