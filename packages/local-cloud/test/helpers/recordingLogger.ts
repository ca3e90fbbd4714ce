import type { LogFields, Logger, LogLevel } from '../../src/logger';

export interface LogLine {
  level: LogLevel;
  message: string;
  fields: LogFields;
}

/** Creates a logger that keeps every line, for assertions on the logs. */
export function createRecordingLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}) => {
      lines.push({ level, message, fields });
    };
  return {
    lines,
    log: {
      debug: at('debug'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
    },
  };
}
