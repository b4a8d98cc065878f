// Where the CPUs went during a phase, from Linux's /proc: whether a slow /healthz came from
// the collector's event loop being busy, or from its main thread waiting for a CPU that
// other threads (its results workers, the bench's clients, other programs) were using.
import { readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

const numbers = (line) => line.trim().split(/\s+/).map(Number);

/** A reading to subtract from a later one; undefined where /proc cannot be read. */
export function cpuReading(pid) {
  try {
    // Nanoseconds the main thread ran, and waited runnable for a CPU.
    const [ran, waited] = numbers(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8'));
    // utime and stime (fields 14 and 15) count every thread of the process; the command
    // name before them may hold spaces, so fields are counted from its closing bracket.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [utime, stime] = numbers(stat.slice(stat.lastIndexOf(')') + 1)).slice(11, 13);
    const [, ...times] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const idle = times[3] + times[4];
    return {
      at: performance.now(),
      ran,
      waited,
      process: utime + stime,
      machineBusy: times.reduce((sum, t) => sum + t, 0) - idle,
    };
  } catch {
    return undefined;
  }
}

/**
 * Between two readings, each as a share of one CPU: the collector's main thread running
 * and waiting for a CPU, all of its threads, and the whole machine (every CPU together).
 */
export function cpuShares(before, after) {
  if (!before || !after) return undefined;
  const ms = after.at - before.at;
  const ticks = (ms / 1000) * CLOCK_TICKS_PER_SECOND;
  return {
    mainRan: (after.ran - before.ran) / 1e6 / ms,
    mainWaited: (after.waited - before.waited) / 1e6 / ms,
    collector: (after.process - before.process) / ticks,
    machine: (after.machineBusy - before.machineBusy) / ticks,
  };
}
