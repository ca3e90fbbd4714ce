import { createReadStream } from 'node:fs';

/** One CSV record with the physical line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** The RFC 4180 violation in this record; its fields are then a best effort. */
  malformed?: string;
}

const QUOTE = '"';
const COMMA = ',';
const CR = '\r';
const LF = '\n';

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteInQuoted';

/**
 * Incremental RFC 4180 parser: feed it text chunks, get whole records.
 * Records end at CRLF, LF or a lone CR. Quoted fields may contain commas,
 * line breaks and doubled quotes. A stray quote in an unquoted field, or
 * text after a closing quote, marks the record malformed instead of
 * stopping the parse, so one bad row costs one row.
 */
export class CsvParser {
  private state: State = 'fieldStart';
  private fields: string[] = [];
  private field = '';
  private malformed: string | undefined;
  private recordLine = 1;
  private line = 1;
  private previousChar = '';
  private recordStarted = false;
  private atStart = true;

  push(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let text = chunk;
    if (this.atStart) {
      text = text.replace(/^\uFEFF/, '');
      this.atStart = text.length === 0;
    }

    for (const char of text) {
      const afterCr = this.previousChar === CR;
      this.previousChar = char;
      if (char === LF && afterCr) {
        // The CR counted the line and, outside quotes, ended the record.
        if (this.state === 'quoted') {
          this.field += char;
        }
        continue;
      }
      if (char === CR || char === LF) {
        this.line += 1;
      }
      this.consume(char, records);
    }
    return records;
  }

  /** Flushes the last record; an open quoted field makes it malformed. */
  end(): CsvRecord[] {
    if (this.state === 'quoted') {
      this.markMalformed(
        `quoted field opened on line ${this.recordLine} is never closed`,
      );
    }
    if (!this.recordStarted) {
      return [];
    }
    return [this.finishRecord()];
  }

  private consume(char: string, records: CsvRecord[]): void {
    if (this.state === 'quoted') {
      this.consumeQuoted(char);
      return;
    }

    if (char === CR || char === LF) {
      if (this.state === 'quoteInQuoted') {
        this.state = 'fieldStart';
      }
      records.push(this.finishRecord());
      return;
    }

    this.recordStarted = true;
    if (char === COMMA) {
      this.fields.push(this.field);
      this.field = '';
      this.state = 'fieldStart';
      return;
    }
    this.consumeFieldChar(char);
  }

  private consumeQuoted(char: string): void {
    if (char === QUOTE) {
      this.state = 'quoteInQuoted';
      return;
    }
    this.field += char;
  }

  private consumeFieldChar(char: string): void {
    switch (this.state) {
      case 'fieldStart':
        if (char === QUOTE) {
          this.state = 'quoted';
        } else {
          this.field += char;
          this.state = 'unquoted';
        }
        return;
      case 'quoteInQuoted':
        if (char === QUOTE) {
          this.field += QUOTE;
          this.state = 'quoted';
        } else {
          this.markMalformed(
            `text after a closing quote in field ${this.fields.length + 1}`,
          );
          this.field += char;
          this.state = 'unquoted';
        }
        return;
      default:
        if (char === QUOTE) {
          this.markMalformed(
            `quote inside unquoted field ${this.fields.length + 1}`,
          );
        }
        this.field += char;
    }
  }

  private markMalformed(reason: string): void {
    this.malformed ??= reason;
  }

  private finishRecord(): CsvRecord {
    this.fields.push(this.field);
    const record: CsvRecord = { line: this.recordLine, fields: this.fields };
    if (this.malformed !== undefined) {
      record.malformed = this.malformed;
    }

    this.fields = [];
    this.field = '';
    this.malformed = undefined;
    this.state = 'fieldStart';
    this.recordStarted = false;
    this.recordLine = this.line;
    return record;
  }
}

/** Parses a whole CSV text. */
export function parseCsv(text: string): CsvRecord[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Streams the records of a UTF-8 CSV file. */
export async function* readCsvFile(path: string): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser();
  const stream = createReadStream(path, { encoding: 'utf8' });
  for await (const chunk of stream) {
    yield* parser.push(String(chunk));
  }
  yield* parser.end();
}
