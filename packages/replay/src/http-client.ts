import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformRequestError } from './errors';

/** A response with its JSON body parsed, or the raw text when not JSON. */
export interface HttpResponse {
  status: number;
  body: unknown;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses retried with backoff besides network errors. */
  retryStatuses?: ReadonlySet<number>;
  /** Groups error counts, for example `POST /orders`. */
  label: string;
}

export interface HttpClientOptions {
  timeoutMs: number;
  maxAttempts: number;
  /** First backoff delay; each retry doubles it, with full jitter. */
  baseDelayMs: number;
}

/** Throttling and transient server errors. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([
  429, 500, 502, 503, 504,
]);

const DEFAULT_OPTIONS: HttpClientOptions = {
  timeoutMs: 30_000,
  maxAttempts: 5,
  baseDelayMs: 100,
};

const MAX_DELAY_MS = 2_000;

/**
 * JSON over HTTP to the platform's single local URL. Retries network
 * errors and `retryStatuses`, and counts every final status of 400 or
 * more, and every network failure, by request label.
 */
export class HttpClient {
  readonly errors = new Map<string, Map<string, number>>();
  retries = 0;
  private readonly options: HttpClientOptions;

  constructor(
    readonly baseUrl: string,
    options: Partial<HttpClientOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  /**
   * Sends a request and returns the last response. Throws
   * PlatformRequestError when every attempt failed without a response.
   */
  async request(
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<HttpResponse> {
    const retryStatuses = options.retryStatuses ?? TRANSIENT_STATUSES;
    let lastError: unknown;

    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt += 1) {
      if (attempt > 1) {
        this.retries += 1;
        await sleep(this.backoffMs(attempt - 1));
      }
      try {
        const response = await this.send(method, path, options);
        const last = attempt === this.options.maxAttempts;
        if (!retryStatuses.has(response.status) || last) {
          this.countStatus(options.label, response.status);
          return response;
        }
      } catch (error) {
        lastError = error;
      }
    }

    this.countError(options.label, 'network');
    throw new PlatformRequestError(
      method,
      path,
      undefined,
      `no response after ${this.options.maxAttempts} attempts: ${describe(lastError)}`,
      { cause: lastError },
    );
  }

  private async send(
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<HttpResponse> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }

    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, body: parseJson(text) };
  }

  private backoffMs(retry: number): number {
    const ceiling = Math.min(
      MAX_DELAY_MS,
      this.options.baseDelayMs * 2 ** (retry - 1),
    );
    return Math.random() * ceiling;
  }

  private countStatus(label: string, status: number): void {
    if (status >= 400) {
      this.countError(label, String(status));
    }
  }

  private countError(label: string, status: string): void {
    const byStatus = this.errors.get(label) ?? new Map<string, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.errors.set(label, byStatus);
  }
}

function parseJson(text: string): unknown {
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause =
      error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}
