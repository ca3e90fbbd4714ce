/**
 * Writes a status line to stderr while a long step runs: rewritten in
 * place on a terminal, or a new line every `logIntervalMs` otherwise.
 */
export class ProgressLine {
  private timer: NodeJS.Timeout | undefined;
  private readonly startedAt = Date.now();
  private readonly interactive = process.stderr.isTTY === true;

  constructor(
    private readonly render: (elapsedSeconds: string) => string,
    private readonly logIntervalMs = 10_000,
  ) {}

  start(): void {
    const interval = this.interactive ? 500 : this.logIntervalMs;
    this.timer = setInterval(() => this.write(), interval);
    this.timer.unref();
  }

  /** Writes the final state and ends the line. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.write();
    if (this.interactive) {
      process.stderr.write('\n');
    }
  }

  private write(): void {
    const elapsed = ((Date.now() - this.startedAt) / 1000).toFixed(1);
    const text = this.render(`${elapsed}s`);
    process.stderr.write(this.interactive ? `\r\x1b[2K${text}` : `${text}\n`);
  }
}
