// CPU time and memory of a process read from /proc (Linux), for the servers and the generator alike.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux this runs on (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds the process has used so far, or null once it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Current and peak resident memory in bytes (VmRSS, VmHWM), or null once the process is gone. */
export function memory(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * Watches processes while a phase runs: CPU seconds used between start() and stop(), and the highest RSS seen
 * (sampled, and VmHWM at the end, which the kernel keeps even between samples).
 */
export class ProcessWatch {
  private readonly startCpu = new Map<number, number>();
  private readonly usedCpu = new Map<number, number>();
  private peakRss = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  private readonly pids: () => number[];

  constructor(pids: () => number[]) {
    this.pids = pids;
  }

  start(): void {
    for (const pid of this.pids()) this.startCpu.set(pid, cpuSeconds(pid) ?? 0);
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  /** Samples now: a process about to be killed is counted up to this moment. */
  sample(): void {
    for (const pid of this.pids()) {
      if (!this.startCpu.has(pid)) this.startCpu.set(pid, 0);
      const cpu = cpuSeconds(pid);
      if (cpu !== null) this.usedCpu.set(pid, cpu - (this.startCpu.get(pid) ?? 0));
      const mem = memory(pid);
      if (mem !== null) this.peakRss = Math.max(this.peakRss, mem.rss, mem.peak);
    }
  }

  stop(): { cpuSeconds: number; peakRssBytes: number } {
    this.sample();
    if (this.timer !== null) clearInterval(this.timer);
    let total = 0;
    for (const used of this.usedCpu.values()) total += used;
    return { cpuSeconds: total, peakRssBytes: this.peakRss };
  }
}
