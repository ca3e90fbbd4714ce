import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FunctionError, RuntimeExitError } from '../errors';
import type {
  InvokeMessage,
  SerializedError,
  WorkerMessage,
} from './workerProtocol';

export interface WorkerOptions {
  cwd: string;
  env: Record<string, string>;
  /** File descriptor that receives the worker's stdout and stderr. */
  logFd: number;
}

interface PendingInvocation {
  functionName: string;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

const WORKER_SCRIPT = path.join(import.meta.dirname, 'workerMain.ts');

/** How long a worker may take to exit after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 2_000;

/**
 * One worker process, forked with tsx so that it runs TypeScript handlers
 * directly. Invocations run concurrently inside it.
 */
/**
 * V8 settings that trade a little speed for memory, so four workers stay
 * small on a laptop: a 1 MB young generation and size-optimised code.
 * They change no behaviour a handler can observe.
 */
const WORKER_V8_FLAGS = ['--max-semi-space-size=1', '--optimize-for-size'];

export class WorkerProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<string, PendingInvocation>();
  /** Settles when the worker can take invocations; rejects if it exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;
  private exitDetail: string | undefined;
  private stopRequested = false;
  /** Called after each invocation settles or is abandoned. */
  onSettled: () => void = () => {};
  /** Called once when the process exits, with the exit code or signal. */
  onExit: (detail: string) => void = () => {};

  constructor(options: WorkerOptions) {
    this.child = fork(WORKER_SCRIPT, [], {
      cwd: options.cwd,
      env: options.env,
      execPath: process.execPath,
      execArgv: [...WORKER_V8_FLAGS, '--import', tsxLoaderUrl()],
      stdio: ['ignore', options.logFd, options.logFd, 'ipc'],
      serialization: 'json',
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.handleExit(signal ? `signal ${signal}` : `exit code ${code}`);
        resolve();
      });
      this.child.once('error', (error) => {
        this.handleExit(`spawn failed: ${error.message}`);
        resolve();
      });
    });
    this.ready = new Promise((resolve, reject) => {
      this.child.once('message', () => resolve());
      this.exited.then(() => reject(this.exitError('worker')));
    });
    this.ready.catch(() => {});
    this.child.on('message', (message: WorkerMessage) => this.settle(message));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  get isRunning(): boolean {
    return this.exitDetail === undefined;
  }

  /** True once stop() was called, so an exit is expected. */
  get isStopping(): boolean {
    return this.stopRequested;
  }

  /** Runs one invocation and returns the handler's result. */
  async invoke(message: InvokeMessage, functionName: string): Promise<unknown> {
    const result = new Promise((resolve, reject) => {
      this.pending.set(message.invocationId, { functionName, resolve, reject });
    });
    try {
      await this.ready;
      this.child.send(message);
    } catch (error) {
      this.pending.delete(message.invocationId);
      throw error;
    }
    return result;
  }

  /** Drops an invocation whose caller gave up on it, such as on timeout. */
  abandon(invocationId: string): void {
    if (this.pending.delete(invocationId)) this.onSettled();
  }

  /** Stops the worker: SIGTERM, then SIGKILL after a grace period. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    if (!this.isRunning) return;

    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private settle(message: WorkerMessage): void {
    if (message.type === 'ready') return;

    const invocation = this.pending.get(message.invocationId);
    if (!invocation) return;

    this.pending.delete(message.invocationId);
    if (message.type === 'result') invocation.resolve(message.result);
    else
      invocation.reject(
        toFunctionError(invocation.functionName, message.error),
      );
    this.onSettled();
  }

  private handleExit(detail: string): void {
    if (this.exitDetail !== undefined) return;

    this.exitDetail = detail;
    for (const [id, invocation] of this.pending) {
      this.pending.delete(id);
      invocation.reject(this.exitError(invocation.functionName));
    }
    this.onExit(this.exitDetail);
    this.onSettled();
  }

  private exitError(functionName: string): RuntimeExitError {
    return new RuntimeExitError(functionName, this.exitDetail ?? 'unknown');
  }
}

function toFunctionError(
  functionName: string,
  error: SerializedError,
): FunctionError {
  const failure = new FunctionError(
    functionName,
    error.errorType,
    error.errorMessage,
  );
  if (error.trace.length > 0) failure.stack = error.trace.join('\n');
  return failure;
}

/**
 * Returns the file URL of tsx's loader: `--import` resolves a bare `tsx`
 * from the worker's working directory, the service folder, which need not
 * depend on tsx. Under Jest, SWC compiles import.meta.resolve to
 * require.resolve, which returns a path instead of a URL.
 */
function tsxLoaderUrl(): string {
  const resolved = import.meta.resolve('tsx');
  return resolved.startsWith('file:') ? resolved : pathToFileURL(resolved).href;
}
