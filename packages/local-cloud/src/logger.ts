/** Structured fields logged next to a message. */
export type LogFields = Record<string, unknown>;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The logger the local cloud writes to; pass your own to capture lines. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface ConsoleLoggerOptions {
  /** The lowest level printed. Default `info`. */
  level?: LogLevel;
  /** Function that writes each line. Default: a write to stderr. */
  write?: (line: string) => void;
}

/** Creates a logger that prints `level message key=value` lines. */
export function createConsoleLogger(
  options: ConsoleLoggerOptions = {},
): Logger {
  const lowest = LEVELS.indexOf(options.level ?? 'info');
  const write =
    options.write ?? ((line: string) => process.stderr.write(`${line}\n`));

  const at =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (LEVELS.indexOf(level) < lowest) return;
      write(formatLine(level, message, fields));
    };

  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
}

/** A logger that drops every line. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

function formatLine(
  level: LogLevel,
  message: string,
  fields: LogFields | undefined,
): string {
  const parts = [level.toUpperCase().padEnd(5), message];
  for (const [key, value] of Object.entries(fields ?? {})) {
    parts.push(`${key}=${formatValue(value)}`);
  }
  return parts.join(' ');
}

function formatValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string' && /^[\w./:@-]+$/.test(value)) return value;
  return JSON.stringify(value) ?? String(value);
}
