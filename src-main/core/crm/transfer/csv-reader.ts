import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { SourceRecord } from './tabular';
import { maxCellChars } from './tabular';

export type Delimiter = ',' | ';' | '\t';
export type TextEncoding = 'utf-8' | 'windows-1251';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where CSV bytes come from: a stream from any offset (a file on disk, or bytes in memory for tests). */
export interface ByteSource {
  stream(start: number): Readable;
  /** The offset just past the first line end at or after `from`, or null at the end of the data. */
  nextLineStart(from: number): Promise<number | null>;
}

export function fileSource(file: string): ByteSource {
  return {
    stream: (start) => createReadStream(file, { start, highWaterMark: 256 * 1024 }),
    nextLineStart: async (from) => {
      const handle = await open(file, 'r');
      try {
        const chunk = Buffer.alloc(64 * 1024);
        for (let at = from; ; at += chunk.length) {
          const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
          if (bytesRead === 0) return null;
          const lf = chunk.subarray(0, bytesRead).indexOf(LF);
          if (lf >= 0) return at + lf + 1;
        }
      } finally {
        await handle.close();
      }
    },
  };
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    stream: (start) => Readable.from([buffer.subarray(start)]),
    nextLineStart: (from) => {
      const lf = buffer.indexOf(LF, from);
      return Promise.resolve(lf < 0 ? null : lf + 1);
    },
  };
}

/** Before this much text a cell that opened a quote must close it: beyond, it is taken as a stray quote. */
const maxRecordChars = 256 * 1024;

/**
 * Reads CSV through csv-parse, streaming (a 2 GB file is never in memory): RFC 4180 quoting with
 * quotes inside unquoted cells taken literally (`Монітор 24" дюйми`), CRLF/LF/CR line ends, a UTF-8
 * byte-order mark, quoted line breaks, blank lines skipped. csv-parse reads the bytes as Latin-1 (one
 * character per byte: delimiters, quotes and line ends are ASCII in both encodings we read) and each
 * cell is then decoded as UTF-8 or Windows-1251, so a row whose bytes are not valid text is reported
 * on its own line while every other row goes through.
 *
 * A quote opened at the start of a cell and never closed would make csv-parse swallow the rest of the
 * file into one record. When that happens (the record passes 256 KB, or the file ends inside it), the
 * row where it began is reported and reading starts again on the line after it: a stray quote costs
 * that one row.
 */
export async function* readCsv(source: ByteSource, delimiter: Delimiter, encoding: TextEncoding): AsyncGenerator<SourceRecord> {
  const decodeCell = encoding === 'utf-8' ? strictUtf8 : (latin1: string) => iconv.decode(Buffer.from(latin1, 'latin1'), 'win1251');
  // A UTF-8 byte-order mark is stepped over here: csv-parse's own `bom` switches it to UTF-8 decoding.
  let offset = (await firstBytes(source, 0, 3)).equals(utf8Bom) ? 3 : 0;
  let firstLine = 1;
  /** The first record's width: what a swallowed row looks like. */
  let columns: number | undefined;
  for (;;) {
    const parser = source.stream(offset).pipe(
      parse({
        delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        encoding: 'latin1',
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        info: true,
        max_record_size: maxRecordChars,
        skip_records_with_error: true,
      }),
    );
    let failed: { code: string } | null = null;
    // Records parsed before the failure are still queued in the stream: they are read, the rest is not.
    let goodRecords = Number.POSITIVE_INFINITY;
    parser.on('skip', (error: { code?: string }) => {
      if (failed) return;
      failed = { code: error.code ?? 'CSV_ERROR' };
      goodRecords = parser.info.records;
    });
    let seen = 0;
    // Where the last good record ended, relative to this pass: the broken one starts right after.
    let endBytes = 0;
    let endLine = 0;
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
        if (++seen > goodRecords) break;
        columns ??= record.length;
        if (swallowedRecords(record, delimiter, columns)) {
          failed = { code: 'STRAY_QUOTE' };
          parser.destroy();
          break;
        }
        const breaksInside = record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
        endBytes = info.bytes;
        endLine = info.lines;
        yield decodeRecord(record, firstLine + info.lines - 1 - breaksInside, decodeCell, encoding);
      }
    } catch (error) {
      // A destroyed parser ends its iteration with an abort; anything else is a real failure.
      if (!failed) throw error;
    } finally {
      parser.destroy();
    }
    if (!failed) return;
    const restart = await restartPoint(source, offset + endBytes, firstLine + endLine);
    const quoteOpened = failed.code !== 'CSV_MAX_RECORD_SIZE' || opensQuote(restart.head, delimiter);
    yield {
      line: restart.badLine,
      error: quoteOpened ? `a quoted cell opened on line ${restart.badLine} is never closed; the row is skipped` : `the row is longer than ${maxRecordChars / 1024} KB (a cell may hold at most 64 KB); the row is skipped`,
    };
    if (restart.offset === null) return;
    offset = restart.offset;
    firstLine = restart.badLine + 1;
  }
}

/**
 * A quote opened at the start of a cell and "closed" by a stray quote lines later makes one cell of
 * several rows. A quoted line break is normal (an address, a note); a line inside the cell that holds
 * a whole row's worth of delimiters is not.
 */
function swallowedRecords(record: readonly string[], delimiter: Delimiter, columns: number): boolean {
  const needed = Math.max(columns - 1, 1);
  return record.some((cell) => /[\r\n]/.test(cell) && cell.split(/\r\n|\n|\r/).slice(1).some((line) => line.split(delimiter).length - 1 >= needed));
}

/** A cell of this line starts with a quote. */
function opensQuote(head: Buffer, delimiter: Delimiter): boolean {
  const text = head.toString('latin1');
  return new RegExp(`(^|${delimiter === '\t' ? '\\t' : delimiter})\\s*"`).test(text);
}

/** The line a broken record starts on (blank lines skipped), its first bytes, and the offset of the line after it. */
async function restartPoint(source: ByteSource, from: number, line: number): Promise<{ badLine: number; offset: number | null; head: Buffer }> {
  let at = from;
  let current = line;
  for (;;) {
    const next = await source.nextLineStart(at);
    const head = await firstBytes(source, at, Math.min(next ?? at + 64 * 1024, at + 64 * 1024));
    if (next === null) return { badLine: current, offset: null, head };
    if (!head.every((b) => b === CR || b === LF)) return { badLine: current, offset: next, head };
    at = next;
    current++;
  }
}

async function firstBytes(source: ByteSource, from: number, to: number): Promise<Buffer> {
  for await (const chunk of source.stream(from)) return (chunk as Buffer).subarray(0, Math.max(0, to - from));
  return Buffer.alloc(0);
}

function strictUtf8(latin1: string): string {
  return utf8.decode(Buffer.from(latin1, 'latin1'));
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Bom = Buffer.from([0xef, 0xbb, 0xbf]);

function decodeRecord(record: readonly string[], line: number, decodeCell: (cell: string) => string, encoding: TextEncoding): SourceRecord {
  const cells: string[] = [];
  for (const [column, raw] of record.entries()) {
    if (raw.length > maxCellChars * 4) return { line, error: `column ${column + 1} holds ${megabytes(raw.length)} of text; a cell may hold at most 64 KB` };
    let cell: string;
    try {
      cell = decodeCell(raw);
    } catch {
      return { line, error: `the row is not valid ${encoding.toUpperCase()} text (${describeBadBytes(Buffer.from(raw, 'latin1'), column + 1)})` };
    }
    if (cell.length > maxCellChars) return { line, error: `column ${column + 1} holds ${megabytes(cell.length)} of text; a cell may hold at most 64 KB` };
    cells.push(cell);
  }
  return { line, cells };
}

function megabytes(units: number): string {
  return units >= 1024 * 1024 ? `${(units / 1024 / 1024).toFixed(1)} MB` : `${Math.round(units / 1024)} KB`;
}

/** The first undecodable byte of a cell: "column 3, byte 0xC3". */
function describeBadBytes(raw: Uint8Array, column: number): string {
  const probe = new TextDecoder('utf-8', { fatal: true });
  for (let end = 1; end <= raw.length; end++) {
    try {
      probe.decode(raw.subarray(end - 1, end), { stream: true });
    } catch {
      return `column ${column}, byte 0x${(raw[end - 1] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return `column ${column}, an unfinished character at the end`;
}

/** The delimiter of the first record: the most frequent of , ; and tab outside quotes. */
export function detectDelimiter(bytes: Uint8Array): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < Math.min(bytes.length, 64 * 1024); i++) {
    const b = bytes[i];
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted && (b === LF || b === CR)) break;
    else if (!quoted && b === 0x2c) counts[',']++;
    else if (!quoted && b === 0x3b) counts[';']++;
    else if (!quoted && b === 0x09) counts['\t']++;
  }
  return (Object.entries(counts) as [Delimiter, number][]).sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/**
 * UTF-8 unless the text is plainly Windows-1251 (Cyrillic exported by older Excel and 1C):
 * bytes above 0x7F that UTF-8 cannot read in more than one place and in a good share of them.
 * A single broken sequence in UTF-8 text stays UTF-8, so only that row is refused.
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  const sample = bytes.subarray(0, 256 * 1024);
  let invalid = 0;
  let high = 0;
  let i = 0;
  while (i < sample.length) {
    const b = sample[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    high++;
    const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 0;
    let valid = length > 0 && i + length <= sample.length;
    for (let k = 1; valid && k < length; k++) valid = ((sample[i + k] as number) & 0xc0) === 0x80;
    if (valid) i += length;
    else {
      invalid++;
      i++;
    }
  }
  return invalid > 1 && invalid * 4 > high ? 'windows-1251' : 'utf-8';
}
