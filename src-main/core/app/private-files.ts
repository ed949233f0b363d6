import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Owner only: the data folder holds clients' personal data, call recordings and sealed secrets. */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;
/** For hosts: files and folders created from now on are the user's alone. */
export const privateUmask = 0o077;

const posix = process.platform !== 'win32';

/**
 * Creates the data folder if needed and makes it and everything in it private (0700 folders,
 * 0600 files), which also mends folders made by earlier versions with the default 0755/0644.
 * Windows keeps its per-user ACLs on the profile folder; there is nothing to change there.
 */
export function makeDataDirPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (!posix) return;
  const visit = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    if (stat.isDirectory()) {
      if ((stat.mode & 0o777) !== privateDirMode) chmodSync(path, privateDirMode);
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if ((stat.mode & 0o777) !== privateFileMode) chmodSync(path, privateFileMode);
  };
  visit(dir);
}

/** A database file and its WAL/shared-memory companions, made private as soon as they exist. */
export function makeDatabaseFilesPrivate(file: string): void {
  if (!posix) return;
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, privateFileMode);
}
