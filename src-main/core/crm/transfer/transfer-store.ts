import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DomainError, notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';

/** Largest file accepted for import. */
export const maxUploadBytes = 1024 * 1024 * 1024;
const chunkBytes = 1024 * 1024;
/** Transfers older than this are removed at start-up. */
const keepMs = 24 * 60 * 60 * 1000;

interface TransferMeta {
  fileName: string;
  kind: 'upload' | 'export';
  complete: boolean;
}

/**
 * Files moving between the renderer and main: uploads to import, exports to download. They live in
 * the data directory's `transfers` folder, one file plus a small JSON description each; ids are
 * ours, never paths, so the renderer cannot name a file of its own choosing.
 */
export class TransferStore {
  readonly dir: string;

  constructor(dataDir: string, private readonly ids: IdGenerator) {
    this.dir = join(dataDir, 'transfers');
    mkdirSync(this.dir, { recursive: true });
  }

  /** Removes transfers left from earlier days. */
  sweep(now: number): void {
    for (const name of readdirSync(this.dir)) {
      const path = join(this.dir, name);
      if (now - statSync(path).mtimeMs > keepMs) rmSync(path, { force: true, recursive: true });
    }
  }

  appendUpload(uploadId: string | undefined, fileName: string, chunk: Buffer, final: boolean): { uploadId: string; bytes: number } {
    const id = uploadId ?? this.ids.next();
    const meta = uploadId ? this.meta(id) : { fileName: basename(fileName), kind: 'upload' as const, complete: false };
    if (meta.kind !== 'upload' || meta.complete) throw new DomainError('conflict', 'upload_complete', 'This upload is already complete');
    const path = this.path(id);
    const size = existsSync(path) ? statSync(path).size : 0;
    if (size + chunk.length > maxUploadBytes) throw new DomainError('invalid_payload', 'file_too_large', 'The file is larger than 1 GB; split it and import the parts');
    appendFileSync(path, chunk);
    this.writeMeta(id, { ...meta, complete: final });
    return { uploadId: id, bytes: size + chunk.length };
  }

  /** A complete upload's file and name. */
  upload(id: string): { file: string; fileName: string } {
    const meta = this.meta(id);
    if (meta.kind !== 'upload' || !meta.complete) throw new DomainError('conflict', 'upload_incomplete', 'The upload is not complete; send its last chunk first');
    return { file: this.path(id), fileName: meta.fileName };
  }

  /** A new file to write an export into; downloadable once `complete` is called. */
  newExport(fileName: string): { fileId: string; file: string } {
    const fileId = this.ids.next();
    writeFileSync(this.path(fileId), '');
    this.writeMeta(fileId, { fileName, kind: 'export', complete: false });
    return { fileId, file: this.path(fileId) };
  }

  completeExport(fileId: string): void {
    this.writeMeta(fileId, { ...this.meta(fileId), complete: true });
  }

  read(fileId: string, offset: number): { fileName: string; size: number; chunk: Buffer; nextOffset: number | null } {
    const meta = this.meta(fileId);
    if (meta.kind !== 'export' || !meta.complete) throw new DomainError('conflict', 'export_not_ready', 'The file is still being written; wait for its job to finish');
    const path = this.path(fileId);
    const size = statSync(path).size;
    const length = Math.max(0, Math.min(chunkBytes, size - offset));
    const chunk = Buffer.alloc(length);
    const fd = openSync(path, 'r');
    try {
      readSync(fd, chunk, 0, length, offset);
    } finally {
      closeSync(fd);
    }
    return { fileName: meta.fileName, size, chunk, nextOffset: offset + length < size ? offset + length : null };
  }

  private path(id: string): string {
    if (!/^[\w-]+$/.test(id)) throw notFound('File', id);
    return join(this.dir, `${id}.data`);
  }

  private meta(id: string): TransferMeta {
    const file = join(this.dir, `${id}.json`);
    if (!/^[\w-]+$/.test(id) || !existsSync(file)) throw notFound('File', id);
    return JSON.parse(readFileSync(file, 'utf8')) as TransferMeta;
  }

  private writeMeta(id: string, meta: TransferMeta): void {
    writeFileSync(join(this.dir, `${id}.json`), JSON.stringify(meta));
  }
}
