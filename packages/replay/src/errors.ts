/** Base class of every error this package raises. */
export class ReplayError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Command-line arguments that cannot be used. */
export class UsageError extends ReplayError {}

/** An input file that is not in the Online Retail format. */
export class InputFileError extends ReplayError {
  readonly file: string;

  constructor(file: string, message: string, options?: ErrorOptions) {
    super(`${file}: ${message}`, options);
    this.file = file;
  }
}

/** A platform request that failed after its retries. */
export class PlatformRequestError extends ReplayError {
  readonly method: string;
  readonly path: string;
  readonly status: number | undefined;

  constructor(
    method: string,
    path: string,
    status: number | undefined,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${method} ${path} failed: ${message}`, options);
    this.method = method;
    this.path = path;
    this.status = status;
  }
}

/** The local cloud could not be found, started or waited for. */
export class LocalCloudUnavailableError extends ReplayError {}

/** The local cloud did not become idle in time. */
export class IdleTimeoutError extends ReplayError {
  readonly timeoutMs: number;

  constructor(timeoutMs: number, options?: ErrorOptions) {
    super(
      `the local cloud did not become idle within ${timeoutMs / 1000} s (${describeBusy(options?.cause)}): check GET /_local/stats for queues that do not drain, or raise --idle-timeout`,
      options,
    );
    this.timeoutMs = timeoutMs;
  }
}

function describeBusy(cause: unknown): string {
  if (cause instanceof Error) {
    return cause.message;
  }
  return cause === undefined ? 'no details' : JSON.stringify(cause);
}
