import type { SourceRecord } from './tabular';
import { maxCellChars } from './tabular';

export type Delimiter = ',' | ';' | '\t';
export type TextEncoding = 'utf-8' | 'windows-1251';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Reads CSV: RFC 4180 quoting, CRLF or LF line ends, a UTF-8 byte-order mark, quoted line breaks.
 * Records are found at the byte level (delimiters, quotes and line ends are ASCII in both
 * encodings we read) and each is decoded on its own, so a row whose bytes are not valid text
 * (a broken UTF-8 sequence) is reported on its own line while every other row goes through.
 */
export function* readCsv(bytes: Uint8Array, delimiter: Delimiter, encoding: TextEncoding): Generator<SourceRecord> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  while (at < bytes.length) {
    const start = at;
    const startLine = line;
    let quoted = false;
    let hasQuotes = false;
    // Find the record's end: a line end outside quotes.
    while (at < bytes.length) {
      const b = bytes[at];
      if (b === QUOTE) {
        quoted = !quoted;
        hasQuotes = true;
      } else if (b === LF) {
        line++;
        if (!quoted) break;
      }
      at++;
    }
    let end = at;
    if (at < bytes.length) at++; // past the LF
    if (end > start && bytes[end - 1] === CR) end--;
    if (quoted) {
      yield { line: startLine, error: `a quoted cell opened on line ${startLine} is never closed` };
      continue;
    }
    if (end === start) continue; // blank line
    const raw = bytes.subarray(start, end);
    if (raw.length > maxCellChars * 4 * 8) {
      yield { line: startLine, error: `the row holds ${megabytes(raw.length)}; a cell may hold at most 64 KB` };
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(raw);
    } catch {
      yield { line: startLine, error: `the row is not valid ${encoding.toUpperCase()} text (${describeBadBytes(raw, delimiter)})` };
      continue;
    }
    const cells = hasQuotes ? splitQuoted(text, delimiter) : text.split(delimiter);
    const tooBig = cells.findIndex((cell) => cell.length > maxCellChars);
    if (tooBig >= 0) {
      yield { line: startLine, error: `column ${tooBig + 1} holds ${megabytes(cells[tooBig]?.length ?? 0)} of text; a cell may hold at most 64 KB` };
      continue;
    }
    yield { line: startLine, cells };
  }
}

/** Splits one decoded record with quoted cells ("a ""b""", doubled quotes inside). */
function splitQuoted(text: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

function megabytes(units: number): string {
  return units >= 1024 * 1024 ? `${(units / 1024 / 1024).toFixed(1)} MB` : `${Math.round(units / 1024)} KB`;
}

/** Which column holds the first undecodable byte, and which byte: "column 3, byte 0xC3". */
function describeBadBytes(raw: Uint8Array, delimiter: Delimiter): string {
  const probe = new TextDecoder('utf-8', { fatal: true });
  const delimiterByte = delimiter.charCodeAt(0);
  let column = 1;
  for (let end = 1; end <= raw.length; end++) {
    if (raw[end - 1] === delimiterByte) column++;
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
