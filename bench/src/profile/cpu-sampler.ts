import { performance } from "node:perf_hooks";
import { CLOCK_TICKS, listProcesses, readCpuTotals, type ProcInfo } from "./proc-stats";

/** A part of the system under test and how to recognise its processes. */
export type CpuRole = { name: string; match: (proc: ProcInfo) => boolean };

type Mark = { at: number; ticks: Map<string, number>; busy: number };

/** Cores used by each role since a mark (1.0 = one core fully busy), plus the whole machine and what nobody of ours used. */
export type CpuUse = Record<string, number>;

/** Turns two readings into cores used: the difference in CPU ticks over the wall-clock seconds between them. */
export function coresUsed(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  seconds: number,
): CpuUse {
  const use: CpuUse = {};
  for (const [name, ticks] of after)
    use[name] = seconds > 0 ? Math.max(0, ticks - (before.get(name) ?? 0)) / CLOCK_TICKS / seconds : 0;
  return use;
}

/**
 * Reads /proc to tell how much CPU each role used over a stretch of the run. On a
 * 2-core machine shared by everything this is the first thing to look at: a role
 * near 1.0 is a single-threaded bottleneck, a machine near 2.0 is out of cores.
 */
export function createCpuSampler(roles: readonly CpuRole[]) {
  function read(): Mark {
    const ticks = new Map<string, number>(roles.map((role) => [role.name, 0]));
    for (const proc of listProcesses()) {
      const role = roles.find((r) => r.match(proc));
      if (role) ticks.set(role.name, (ticks.get(role.name) ?? 0) + proc.utime + proc.stime);
    }
    return { at: performance.now(), ticks, busy: readCpuTotals().busy };
  }
  return {
    mark: read,
    since(mark: Mark): CpuUse {
      const now = read();
      const seconds = (now.at - mark.at) / 1000;
      const use = coresUsed(mark.ticks, now.ticks, seconds);
      const machine = seconds > 0 ? (now.busy - mark.busy) / CLOCK_TICKS / seconds : 0;
      const ours = Object.values(use).reduce((sum, v) => sum + v, 0);
      return { ...use, other: Math.max(0, machine - ours), machine };
    },
  };
}
export type CpuSampler = ReturnType<typeof createCpuSampler>;
