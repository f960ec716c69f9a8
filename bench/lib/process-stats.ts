import fs from 'node:fs';

/**
 * CPU time and resident memory of processes, read from /proc (Linux), for benchmarks that run the controller,
 * a broker or a fleet in processes of their own.
 */

/** Clock ticks per second of /proc/<pid>/stat's CPU times: 100 on every Linux this runs on (getconf CLK_TCK). */
const TICKS_PER_S = 100;

/** User plus system CPU time of a process so far, in ms; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/** Resident set size of a process, in MiB; null once it is gone. */
export function rssMib(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** The soft limit on open files of this process (children inherit it). */
export function openFilesLimit(): number {
  const limits = fs.readFileSync('/proc/self/limits', 'utf8');
  const soft = /Max open files\s+(\d+|unlimited)/.exec(limits)?.[1];
  return soft === undefined || soft === 'unlimited' ? Number.POSITIVE_INFINITY : Number(soft);
}

/**
 * Samples processes' RSS every `everyMs` until stopped, keeping each one's peak, and measures CPU between
 * `mark()` and `cpuSince()`: the share of one core each used over a window.
 */
export function watchProcesses(pids: Record<string, number>, everyMs = 250) {
  const peaks: Record<string, number> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const rss = rssMib(pid);
      if (rss !== null) peaks[name] = Math.max(peaks[name] ?? 0, rss);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  let marked = { at: performance.now(), cpu: {} as Record<string, number | null> };
  const mark = () => {
    marked = {
      at: performance.now(),
      cpu: Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)])),
    };
  };
  return {
    peaks,
    mark,
    /** Percent of one core each process used since the last `mark()`. */
    cpuSince(): Record<string, number> {
      const wall = performance.now() - marked.at;
      const out: Record<string, number> = {};
      for (const [name, pid] of Object.entries(pids)) {
        const before = marked.cpu[name];
        const now = cpuMs(pid);
        if (before !== null && before !== undefined && now !== null) out[name] = ((now - before) / wall) * 100;
      }
      return out;
    },
    /** CPU time each process has used so far, in ms: subtract two readings for a phase's cost. */
    cpuTotals(): Record<string, number> {
      const out: Record<string, number> = {};
      for (const [name, pid] of Object.entries(pids)) {
        const ms = cpuMs(pid);
        if (ms !== null) out[name] = ms;
      }
      return out;
    },
    stop: () => clearInterval(timer),
  };
}
