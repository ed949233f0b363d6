import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { listCustomFields } from '#core/crm/custom-fields';
import { runExport } from '#core/crm/transfer/export-job';
import { runImport } from '#core/crm/transfer/import-job';
import { previewImport } from '#core/crm/transfer/preview';
import type { AppDatabase } from '#core/db/connection';
import { imports } from '#core/db/schema';
import { runReportExport } from '#core/reports/report-export';
import { readSettings } from '#core/settings/settings-store';
import { addDays, instantsOfWallTime } from '#core/shared/zoned-time';
import { ReportRequestSchema } from '#contract';
import type { Clock } from '#core/shared/clock';
import type { IdGenerator } from '#core/shared/ids';
import type { CliCommand } from './cli-args';

export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs one administrator command; the answer is the process exit code. */
export async function runCliCommand(
  database: AppDatabase,
  command: CliCommand,
  options: { countries: string[] | undefined; clock: Clock; ids: IdGenerator; io: CliOutput },
): Promise<number> {
  const { io, clock, ids } = options;
  switch (command.command) {
    case 'import': {
      if (!existsSync(command.file)) {
        io.err(`No such file: ${command.file}`);
        return 1;
      }
      const settings = readSettings(database.read).settings;
      const countries = options.countries ?? settings.workingCountries;
      const fileName = basename(command.file);
      const preview = await previewImport({ file: command.file, fileName, hasHeader: true }, listCustomFields(database.read));
      const mapping = preview.headers.map((h, i) => (command.countryColumn !== undefined && h.trim() === command.countryColumn.trim() ? 'country' : (preview.suggestedMapping[i] ?? 'skip')));
      if (command.countryColumn !== undefined && !mapping.includes('country')) {
        io.err(`No column named "${command.countryColumn}" (the columns are: ${preview.headers.join(', ')})`);
        return 1;
      }
      io.err(`${fileName}: ${preview.format}, ${preview.encoding}, columns: ${preview.headers.map((h, i) => `${h} → ${mapping[i] ?? 'skip'}`).join(', ')}; numbers read as ${countries.join(', ')}`);
      const importId = ids.next();
      database.write((tx) =>
        tx.insert(imports).values({ id: importId, fileName, format: preview.format, state: 'running', employeeId: settings.currentEmployeeId, startedAt: clock.now() }).run(),
      );
      const summary = await runImport(
        database,
        { importId, file: command.file, fileName, format: preview.format, encoding: preview.encoding, delimiter: preview.delimiter, hasHeader: true, mapping, duplicates: command.duplicates, workingCountries: countries, employeeId: settings.currentEmployeeId },
        { ids, clock },
        (p) => io.err(`  ${p.done}${p.total ? ` / ${p.total}` : ''} rows`),
      );
      io.out(`${summary.rows} rows: ${summary.created} created, ${summary.merged} merged, ${summary.skipped} skipped as duplicates, ${summary.rejected} rejected`);
      for (const r of summary.rejections.slice(0, 100)) io.out(`  line ${r.line}${r.field ? `, ${r.field}` : ''}: ${r.reason}`);
      if (summary.rejected > 100) io.out(`  … and ${summary.rejected - 100} more`);
      if (summary.phoneIssues > 0) io.out(`${summary.phoneIssues} phones imported but marked for review:`);
      for (const p of summary.phoneIssueList.slice(0, 100)) io.out(`  line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.value}: ${p.reason} (tried ${p.tried.join('; ')})`);
      if (summary.phoneIssues > 100) io.out(`  … and ${summary.phoneIssues - 100} more`);
      return 0;
    }
    case 'export': {
      const extension = extname(command.file).toLowerCase();
      const format = extension === '.xlsx' ? 'xlsx' : extension === '.vcf' ? 'vcard' : extension === '.csv' ? 'csv' : null;
      if (!format) {
        io.err('The export file must end in .csv, .xlsx or .vcf');
        return 2;
      }
      const result = await runExport(database, { format, file: command.file, now: clock.now() }, (p) => io.err(`  ${p.done} / ${p.total}`));
      io.out(`${result.done} contacts written to ${command.file}`);
      return 0;
    }
    case 'backup': {
      // SQLite's online backup: consistent even while the workstation writes.
      await database.sqlite.backup(command.file, {
        progress: ({ totalPages, remainingPages }) => {
          io.err(`  ${totalPages - remainingPages} / ${totalPages} pages`);
          return 1000;
        },
      });
      io.out(`Backup written to ${command.file}`);
      return 0;
    }
    case 'report': {
      const extension = extname(command.file).toLowerCase();
      const format = extension === '.xlsx' ? 'xlsx' : extension === '.csv' ? 'csv' : null;
      if (!format) {
        io.err('The report file must end in .csv or .xlsx');
        return 2;
      }
      const zone = command.zone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
      const midnight = (date: string) => instantsOfWallTime(date, 0, zone)[0] ?? Date.parse(`${date}T00:00:00Z`);
      const request = ReportRequestSchema.safeParse({
        report: command.report,
        ...(command.view ? { view: command.view } : {}),
        filters: { from: midnight(command.from), to: midnight(addDays(command.to, 1)), timeZone: zone },
      });
      if (!request.success) {
        io.err(`Cannot make this report: ${request.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
        return 2;
      }
      const written = await runReportExport(database.read, { now: clock.now(), zone, file: command.file, export: { request: request.data, format, headers: {} } }, () => undefined);
      io.out(`${command.report}: ${written.done} rows written to ${command.file}`);
      return 0;
    }
    case 'check': {
      const integrity = database.sqlite.pragma('integrity_check') as { integrity_check: string }[];
      const foreignKeys = database.sqlite.pragma('foreign_key_check') as unknown[];
      let searchIndex = 'ok';
      try {
        database.sqlite.exec("INSERT INTO search_index(search_index) VALUES('integrity-check')");
      } catch (error) {
        searchIndex = error instanceof Error ? error.message : String(error);
      }
      const ok = integrity.length === 1 && integrity[0]?.integrity_check === 'ok' && foreignKeys.length === 0 && searchIndex === 'ok';
      io.out(`database: ${integrity.map((r) => r.integrity_check).join('; ')}`);
      io.out(`links between records: ${foreignKeys.length === 0 ? 'ok' : `${foreignKeys.length} broken`}`);
      io.out(`search index: ${searchIndex}`);
      io.out(ok ? 'All good.' : 'Problems found: restore a backup (npm run crm -- backup FILE makes one) or ask for help.');
      return ok ? 0 : 1;
    }
  }
}

