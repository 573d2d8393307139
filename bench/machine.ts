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
