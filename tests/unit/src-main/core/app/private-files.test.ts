import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDatabaseFilesPrivate, makeDataDirPrivate } from '#core/app/private-files';
import { tempDir } from '#tests/support/temp-dir';

const mode = (path: string) => statSync(path).mode & 0o777;

describe.runIf(process.platform !== 'win32')('private data folder', () => {
  it('makes an existing world-readable folder and its files owner-only', () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(join(dir, 'recordings'), { recursive: true, mode: 0o755 });
    writeFileSync(join(dir, 'workstation.sqlite'), '');
    writeFileSync(join(dir, 'recordings', 'call.webm'), '');
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'workstation.sqlite'), 0o644);
    makeDataDirPrivate(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'recordings'))).toBe(0o700);
    expect(mode(join(dir, 'workstation.sqlite'))).toBe(0o600);
    expect(mode(join(dir, 'recordings', 'call.webm'))).toBe(0o600);
  });

  it('creates a missing folder as owner-only', () => {
    const dir = join(tempDir(), 'new', 'data');
    makeDataDirPrivate(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('makes the database, its WAL and shared memory owner-only', () => {
    const dir = tempDir();
    const file = join(dir, 'db.sqlite');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) writeFileSync(path, '', { mode: 0o644 });
    makeDatabaseFilesPrivate(file);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(mode(path)).toBe(0o600);
  });
});
