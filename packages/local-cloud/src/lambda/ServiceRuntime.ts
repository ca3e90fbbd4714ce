import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { ConfigurationError, FunctionTimeoutError } from '../errors';
import type { Logger } from '../logger';
import { functionArn } from '../template/arn';
import type { LocalFunction } from './LocalFunction';
import { WorkerProcess } from './WorkerProcess';
import type { InvokeMessage } from './workerProtocol';

export interface ServiceRuntimeOptions {
  service: string;
  cwd: string;
  env: Record<string, string>;
  /** Receives every worker's stdout and stderr; truncated at start. */
  logFile: string;
  log: Logger;
}

/**
 * Runs the functions of one service in a worker process. When an
 * invocation times out, the worker is retired, as Lambda retires a timed
 * out execution environment. New invocations go to a new worker, and the
 * old one is stopped once its other invocations have settled.
 */
export class ServiceRuntime {
  private readonly options: ServiceRuntimeOptions;
  private readonly logFd: number;
  private readonly workers = new Set<WorkerProcess>();
  private readonly retired = new Set<WorkerProcess>();
  private current: WorkerProcess | undefined;
  private stopping = false;

  constructor(options: ServiceRuntimeOptions) {
    this.options = options;
    this.logFd = openSync(options.logFile, 'w');
  }

  get service(): string {
    return this.options.service;
  }

  /** Starts the first worker and waits until it takes invocations. */
  async start(): Promise<void> {
    try {
      await this.currentWorker().ready;
    } catch (error) {
      throw new ConfigurationError(
        `the worker of ${this.options.service} exited while starting; see ${this.options.logFile}`,
        { cause: error },
      );
    }
  }

  /** Invokes a function, failing with FunctionTimeoutError past its Timeout. */
  async invoke(fn: LocalFunction, event: unknown): Promise<unknown> {
    const worker = this.currentWorker();
    const timeoutMs = fn.timeoutSeconds * 1000;
    const message = invokeMessage(fn, event, Date.now() + timeoutMs);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new FunctionTimeoutError(
          fn.functionName,
          fn.timeoutSeconds,
        );
        this.writeLog(message.context.awsRequestId, error.message);
        worker.abandon(message.invocationId);
        this.retire(worker);
        reject(error);
      }, timeoutMs);
    });
    try {
      return await Promise.race([
        worker.invoke(message, fn.functionName),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Process ids of the running workers. */
  pids(): number[] {
    return [...this.workers]
      .filter((worker) => worker.isRunning)
      .flatMap((worker) => (worker.pid === undefined ? [] : [worker.pid]));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.workers].map((worker) => worker.stop()));
    closeSync(this.logFd);
  }

  /** Writes a line to the function log, as Lambda logs a timeout. */
  private writeLog(requestId: string, text: string): void {
    writeSync(this.logFd, `${new Date().toISOString()} ${requestId} ${text}\n`);
  }

  private currentWorker(): WorkerProcess {
    if (!this.current?.isRunning) this.current = this.spawn();
    return this.current;
  }

  private spawn(): WorkerProcess {
    const worker = new WorkerProcess({
      cwd: this.options.cwd,
      env: this.options.env,
      logFd: this.logFd,
    });
    worker.onSettled = () => this.stopIfRetiredAndIdle(worker);
    worker.onExit = (detail) => this.handleExit(worker, detail);
    this.workers.add(worker);
    return worker;
  }

  private retire(worker: WorkerProcess): void {
    if (this.current === worker) this.current = undefined;
    this.retired.add(worker);
    this.stopIfRetiredAndIdle(worker);
  }

  private stopIfRetiredAndIdle(worker: WorkerProcess): void {
    if (!this.retired.has(worker) || worker.inFlight > 0) return;
    this.retired.delete(worker);
    void worker.stop();
  }

  private handleExit(worker: WorkerProcess, detail: string): void {
    this.workers.delete(worker);
    if (this.current === worker) this.current = undefined;
    if (!this.stopping && !worker.isStopping) {
      this.options.log.warn(
        'worker exited; the next invocation starts a new one',
        {
          service: this.options.service,
          pid: worker.pid,
          detail,
          logFile: this.options.logFile,
        },
      );
    }
  }
}

/** Builds the message for one invocation, with a new request id. */
function invokeMessage(
  fn: LocalFunction,
  event: unknown,
  deadlineMs: number,
): InvokeMessage {
  const requestId = randomUUID();
  return {
    type: 'invoke',
    invocationId: requestId,
    modulePath: fn.modulePath,
    exportName: fn.exportName,
    event,
    context: {
      functionName: fn.functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: functionArn(fn.functionName),
      memoryLimitInMB: String(fn.memorySizeMb),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${fn.functionName}`,
      logStreamName: logStreamName(),
      deadlineMs,
    },
  };
}

/**
 * Returns a log stream name in Lambda's `YYYY/MM/DD/[$LATEST]<hex>` format.
 * Lambda keeps one stream per execution environment, but here each
 * invocation gets its own.
 */
function logStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}
