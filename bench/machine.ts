/**
 * How busy the machine was while a part ran: the figures are only comparable with the load they
 * were measured under. `share` is the CPU this process got per second of wall time (1 = one core).
 */
import os from 'node:os';

export interface MachineLoad {
  /** 1-minute load average when the part began and when it ended */
  loadBefore: number;
  loadAfter: number;
  cores: number;
  share: number;
}

export async function underLoad<T>(work: () => Promise<T>): Promise<{ value: T; machine: MachineLoad }> {
  const loadBefore = os.loadavg()[0]!;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const value = await work();
  const used = process.cpuUsage(cpu);
  const wallMicros = Number(process.hrtime.bigint() - started) / 1000;
  return {
    value,
    machine: { loadBefore, loadAfter: os.loadavg()[0]!, cores: os.cpus().length, share: (used.user + used.system) / wallMicros },
  };
}

export const describeLoad = (m: MachineLoad): string =>
  `load ${m.loadBefore.toFixed(1)} → ${m.loadAfter.toFixed(1)} (${m.cores} kärnor); processen ${m.share.toFixed(2)} kärna`;

/**
 * How fast this machine is, as one figure that runs may be compared by across machines: the
 * milliseconds a fixed piece of JavaScript (building, serialising, parsing and sorting the same
 * objects) takes, median of five, measured when nothing else of the bench runs. Lower is faster.
 */
export function speedProbe(): number {
  const once = () => {
    const started = process.hrtime.bigint();
    let checksum = 0;
    for (let round = 0; round < 40; round++) {
      const rows = Array.from({ length: 2000 }, (_, i) => ({ id: `${round}-${i}`, title: `Ärende ${(i * 7919) % 2000}`, at: new Date(1_700_000_000_000 + i * 60_000).toISOString() }));
      const parsed = JSON.parse(JSON.stringify(rows)) as typeof rows;
      parsed.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
      checksum += parsed[0]!.title.length;
    }
    if (checksum < 0) throw new Error('unreachable');
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const times = Array.from({ length: 5 }, once).sort((a, b) => a - b);
  return times[2]!;
}
