import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, notFound } from '#core/shared/errors';

/** A recording may not grow past this (about 14 hours of Opus at 32 kbit/s). */
export const maxRecordingBytes = 200 * 1024 * 1024;
const readChunkBytes = 1024 * 1024;

/**
 * Call recordings as files in the data directory (`recordings/<interaction id>.webm`), written
 * piece by piece as the window's recorder hands them over. Pieces must come in order; a repeated
 * piece (a retried request) is ignored, a gap or a second recorder is refused, so a file is never
 * silently corrupt.
 */
export class RecordingStore {
  readonly dir: string;
  private readonly next = new Map<string, { recorderId: string; seq: number }>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'recordings');
  }

  /** The file's name relative to the data directory, as stored with the call. */
  static fileName(interactionId: string): string {
    return `recordings/${interactionId}.webm`;
  }

  private path(fileName: string): string {
    if (!/^recordings\/[A-Za-z0-9_-]+\.webm$/.test(fileName)) throw new DomainError('invalid_payload', 'Not a recording file name');
    return join(this.dir, '..', fileName);
  }

  /** Appends piece `seq` of `recorderId`'s recording; true when it was new. */
  append(interactionId: string, recorderId: string, seq: number, bytes: Buffer): boolean {
    const current = this.next.get(interactionId);
    if (current && current.recorderId !== recorderId) {
      throw new DomainError('conflict', 'This call is already recorded by another window; a second recording is not spliced into it');
    }
    const expected = current?.seq ?? 0;
    if (seq < expected) return false;
    if (seq > expected) throw new DomainError('conflict', `Recording piece ${seq} arrived before piece ${expected}`);
    mkdirSync(this.dir, { recursive: true });
    const file = this.path(RecordingStore.fileName(interactionId));
    const size = existsSync(file) ? statSync(file).size : 0;
    if (size + bytes.length > maxRecordingBytes) throw new DomainError('conflict', 'The recording has reached its size limit');
    const fd = openSync(file, 'a', 0o600);
    try {
      writeSync(fd, bytes);
    } finally {
      closeSync(fd);
    }
    this.next.set(interactionId, { recorderId, seq: seq + 1 });
    return true;
  }

  /** The call is over: no more pieces are expected. */
  finish(interactionId: string): void {
    this.next.delete(interactionId);
  }

  read(fileName: string, offset: number): { fileName: string; size: number; chunk: Buffer; nextOffset: number | null } {
    const file = this.path(fileName);
    if (!existsSync(file)) throw notFound('Recording', fileName);
    const fd = openSync(file, 'r');
    try {
      const size = fstatSync(fd).size;
      const length = Math.max(0, Math.min(readChunkBytes, size - offset));
      const chunk = Buffer.alloc(length);
      if (length > 0) readSync(fd, chunk, 0, length, offset);
      const end = offset + length;
      return { fileName: fileName.slice('recordings/'.length), size, chunk, nextOffset: end < size ? end : null };
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes recordings for good (a person's erasure). */
  remove(fileNames: readonly string[]): void {
    for (const name of fileNames) rmSync(this.path(name), { force: true });
  }
}
