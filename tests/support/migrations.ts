import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir';
import { sourceAssets } from './workstation';

const { migrationsFolder } = sourceAssets;
export const migrationJournal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };

/** The migrations folder as a release before the named migration shipped it. */
export function migrationsBefore(tag: string): string {
  const folder = join(tempDir(), 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const entries = migrationJournal.entries.slice(0, migrationJournal.entries.findIndex((e) => e.tag === tag));
  for (const entry of entries) copyFileSync(join(migrationsFolder, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...migrationJournal, entries }));
  return folder;
}
