import { resolveDataDir } from '#core/app/data-dir';
import { makeDatabaseFilesPrivate, makeDataDirPrivate, privateUmask } from '#core/app/private-files';
import { runtimeAssets } from '#core/app/runtime-assets';
import { databaseFileName } from '#core/app/workstation';
import { openDatabase } from '#core/db/connection';
import { systemClock } from '#core/shared/clock';
import { DomainError } from '#core/shared/errors';
import { timeOrderedIds } from '#core/shared/ids';
import { join } from 'node:path';
import { cliUsage, parseCliArgs } from './cli-args';
import { runCliCommand } from './commands';

/**
 * `npm run crm -- …`: the administrator's command line. It opens the same database as the app
 * (SQLite lets both work at once) and runs the same core code, in this process.
 */
async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n${cliUsage}\n`);
    return 2;
  }
  const { args } = parsed;
  const assets = runtimeAssets(import.meta.url);
  const dataDir = resolveDataDir(args.dataDir, process.env);
  process.umask(privateUmask);
  makeDataDirPrivate(dataDir);
  const file = join(dataDir, databaseFileName);
  const database = openDatabase({ file, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
  makeDatabaseFilesPrivate(file);
  try {
    return await runCliCommand(database, args.run, {
      countries: args.countries,
      clock: systemClock,
      ids: timeOrderedIds(),
      io: { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
    });
  } finally {
    database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof DomainError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
