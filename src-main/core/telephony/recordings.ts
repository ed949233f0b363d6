import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, notFound } from '#core/shared/errors';

/** A recording may not grow past this (about 14 hours of Opus at 32 kbit/s). */
export const maxRecordingBytes = 200 * 1024 * 1024;
const readChunkBytes = 1024 * 1024;

/**
 * Call recordings as files in the data directory (`recordings/<interaction id>.webm`), written
 * piece by piece as the window's recorder hands them over. Pieces must come in order; a repeated
 * piece (a retried request) is ignored and a gap is refused, so a file is never silently corrupt.
 * A window reloaded mid-call starts a new recorder: its pieces go into the next part
 * (`<interaction id>.2.webm`, …), as WebM streams cannot be joined byte by byte.
 */
export class RecordingStore {
  readonly dir: string;
  private readonly next = new Map<string, { recorderId: string; seq: number; part: number; replaced: ReadonlySet<string> }>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'recordings');
  }

  /** The file's name relative to the data directory; the first part's name is the one stored with the call. */
  static fileName(interactionId: string, part = 1): string {
    return part === 1 ? `recordings/${interactionId}.webm` : `recordings/${interactionId}.${part}.webm`;
  }

  private path(fileName: string): string {
    if (!/^recordings\/[A-Za-z0-9_-]+(\.\d+)?\.webm$/.test(fileName)) throw new DomainError('invalid_payload', 'not_a_recording', 'Not a recording file name');
    return join(this.dir, '..', fileName);
  }

  /** The name of part `part` of the recording whose first part is `fileName`. */
  private partName(fileName: string, part: number): string {
    return part === 1 ? fileName : fileName.replace(/\.webm$/, `.${part}.webm`);
  }

  /** How many parts the recording whose first part is `fileName` has. */
  parts(fileName: string): number {
    let parts = 0;
    while (existsSync(this.path(this.partName(fileName, parts + 1)))) parts++;
    return parts;
  }

  /**
   * Appends piece `seq` of `recorderId`'s recording; true when it was new. A new recorder starting at
   * piece 0 opens the next part; late pieces of a replaced recorder are refused.
   */
  append(interactionId: string, recorderId: string, seq: number, bytes: Buffer): boolean {
    let current = this.next.get(interactionId);
    if (current?.recorderId !== recorderId) {
      if (current && (seq > 0 || current.replaced.has(recorderId))) throw new DomainError('conflict', 'recorder_replaced', 'This recorder was replaced by another window’s; its pieces are not spliced in');
      if (seq > 0) throw new DomainError('conflict', 'recording_piece_out_of_order', `Recording piece ${seq} arrived before piece 0`, { piece: seq, expected: 0 });
      const replaced = new Set(current ? [...current.replaced, current.recorderId] : []);
      current = { recorderId, seq: 0, part: this.parts(RecordingStore.fileName(interactionId)) + 1, replaced };
    }
    if (seq < current.seq) return false;
    if (seq > current.seq) throw new DomainError('conflict', 'recording_piece_out_of_order', `Recording piece ${seq} arrived before piece ${current.seq}`, { piece: seq, expected: current.seq });
    mkdirSync(this.dir, { recursive: true });
    const file = this.path(RecordingStore.fileName(interactionId, current.part));
    const size = existsSync(file) ? statSync(file).size : 0;
    if (size + bytes.length > maxRecordingBytes) throw new DomainError('conflict', 'recording_too_large', 'The recording has reached its size limit');
    const fd = openSync(file, 'a', 0o600);
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    this.next.set(interactionId, { ...current, seq: seq + 1 });
    return true;
  }

  /** The call is over: no more pieces are expected. */
  finish(interactionId: string): void {
    this.next.delete(interactionId);
  }

  /** A chunk of part `part` of the recording whose first part is `fileName`. */
  read(fileName: string, offset: number, part = 1): { fileName: string; size: number; chunk: Buffer; nextOffset: number | null } {
    const name = this.partName(fileName, part);
    const file = this.path(name);
    if (!existsSync(file)) throw notFound('Recording', name);
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.max(0, Math.min(readChunkBytes, size - offset));
      const chunk = Buffer.alloc(length);
      if (length > 0) readSync(fd, chunk, 0, length, offset);
      const end = offset + length;
      return { fileName: name.slice('recordings/'.length), size, chunk, nextOffset: end < size ? end : null };
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes recordings, every part, for good (a person's erasure). */
  remove(fileNames: readonly string[]): void {
    for (const name of fileNames) {
      for (let part = this.parts(name); part >= 1; part--) rmSync(this.path(this.partName(name, part)), { force: true });
    }
  }
}
