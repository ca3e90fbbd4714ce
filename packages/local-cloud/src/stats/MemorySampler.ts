import { readFileSync } from 'node:fs';

/** Resident memory of the local cloud's processes. */
export interface MemoryUsage {
  /** This process plus every worker, at the latest sample. */
  currentRssBytes: number;
  /** The highest total seen since start. */
  peakRssBytes: number;
  processes: ProcessMemory[];
}

export interface ProcessMemory {
  name: string;
  pid: number;
  rssBytes: number;
}

/** How often memory is sampled. */
const SAMPLE_INTERVAL_MS = 250;

/**
 * Samples the resident set size of this process and of the worker
 * processes every 250 ms, and keeps the peak of their sum.
 *
 * NOTE: worker memory is read from /proc, so on systems without it (macOS,
 * Windows) only this process is counted.
 */
export class MemorySampler {
  private readonly listWorkers: () => { name: string; pid: number }[];
  private timer: NodeJS.Timeout | undefined;
  private latest: ProcessMemory[] = [];
  private peak = 0;

  constructor(listWorkers: () => { name: string; pid: number }[]) {
    this.listWorkers = listWorkers;
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  usage(): MemoryUsage {
    return {
      currentRssBytes: total(this.latest),
      peakRssBytes: this.peak,
      processes: this.latest.map((entry) => ({ ...entry })),
    };
  }

  /** Takes a sample now; start() also calls it on a timer. */
  sample(): void {
    const own = {
      name: 'local-cloud',
      pid: process.pid,
      rssBytes: process.memoryUsage.rss(),
    };
    const workers = this.listWorkers().flatMap((worker) => {
      const rssBytes = readRss(worker.pid);
      return rssBytes === undefined ? [] : [{ ...worker, rssBytes }];
    });
    this.latest = [own, ...workers];
    this.peak = Math.max(this.peak, total(this.latest));
  }
}

function total(processes: ProcessMemory[]): number {
  return processes.reduce((sum, entry) => sum + entry.rssBytes, 0);
}

/** Reads VmRSS of a process from /proc, in bytes. */
function readRss(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
  } catch {
    return undefined;
  }
}
