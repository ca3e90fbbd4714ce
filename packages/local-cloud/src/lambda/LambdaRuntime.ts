import { ConfigurationError, FunctionTimeoutError } from '../errors';
import type { LocalFunction } from './LocalFunction';
import type { ServiceRuntime } from './ServiceRuntime';

/** Invocation statistics of one function. */
export interface FunctionStats {
  invocations: number;
  /** Invocations that threw, timed out or lost their worker. */
  errors: number;
  timeouts: number;
  totalDurationMs: number;
  /**
   * Duration times configured memory, as Lambda bills it: each duration
   * rounded up to the millisecond. Local durations include the worker's
   * message passing and the stand-ins' latency, so compare runs, not AWS.
   */
  gbSeconds: number;
}

/** A worker process, for memory sampling and process checks. */
export interface WorkerInfo {
  service: string;
  pid: number;
}

/** Routes invocations to the service runtimes and counts them. */
export class LambdaRuntime {
  private readonly functions = new Map<
    string,
    { fn: LocalFunction; runtime: ServiceRuntime }
  >();
  private readonly runtimes: ServiceRuntime[] = [];
  private readonly stats = new Map<string, FunctionStats>();
  private inFlight = 0;

  addService(runtime: ServiceRuntime, functions: LocalFunction[]): void {
    this.runtimes.push(runtime);
    for (const fn of functions) {
      const existing = this.functions.get(fn.functionName);
      if (existing) {
        throw new ConfigurationError(
          `function name ${fn.functionName} is used by services ${existing.fn.service} and ${fn.service}; function names must be unique`,
        );
      }
      this.functions.set(fn.functionName, { fn, runtime });
      this.stats.set(fn.functionName, emptyStats());
    }
  }

  services(): ServiceRuntime[] {
    return [...this.runtimes];
  }

  has(functionName: string): boolean {
    return this.functions.has(functionName);
  }

  /** The number of invocations running now. */
  get running(): number {
    return this.inFlight;
  }

  /** Invokes a function by name and returns its result. */
  async invoke(functionName: string, event: unknown): Promise<unknown> {
    const entry = this.functions.get(functionName);
    const stats = this.stats.get(functionName);
    if (!entry || !stats) {
      throw new ConfigurationError(`function ${functionName} is not running`);
    }

    this.inFlight += 1;
    stats.invocations += 1;
    const started = performance.now();
    try {
      return await entry.runtime.invoke(entry.fn, event);
    } catch (error) {
      stats.errors += 1;
      if (error instanceof FunctionTimeoutError) stats.timeouts += 1;
      throw error;
    } finally {
      const durationMs = performance.now() - started;
      stats.totalDurationMs += durationMs;
      stats.gbSeconds +=
        (Math.ceil(durationMs) / 1000) * (entry.fn.memorySizeMb / 1024);
      this.inFlight -= 1;
    }
  }

  functionStats(): Record<string, FunctionStats> {
    const names = [...this.stats.keys()].sort();
    return Object.fromEntries(
      names.map((name) => [
        name,
        { ...(this.stats.get(name) ?? emptyStats()) },
      ]),
    );
  }

  workers(): WorkerInfo[] {
    return this.runtimes.flatMap((runtime) =>
      runtime.pids().map((pid) => ({ service: runtime.service, pid })),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.runtimes.map((runtime) => runtime.stop()));
  }
}

function emptyStats(): FunctionStats {
  return {
    invocations: 0,
    errors: 0,
    timeouts: 0,
    totalDurationMs: 0,
    gbSeconds: 0,
  };
}
