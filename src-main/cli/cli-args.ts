export type CliCommand =
  | { command: 'import'; file: string; duplicates: 'skip' | 'merge' | 'create'; countryColumn: string | undefined }
  | { command: 'export'; file: string }
  | { command: 'backup'; file: string }
  | { command: 'check' }
  | { command: 'report'; report: string; file: string; from: string; to: string; view: string | undefined; zone: string | undefined };

export interface CliArgs {
  dataDir: string | undefined;
  /** The countries the file's numbers are read with, in order (--countries UA,RU,KZ); Settings' when absent. */
  countries: string[] | undefined;
  run: CliCommand;
}

export const cliUsage = `Usage: npm run crm -- <command> [--data-dir DIR]
  import contacts FILE [--duplicates skip|merge|create] [--countries UA,RU,KZ] [--country-column HEADER]
                             CSV, XLSX or vCard; columns are matched by their headers; numbers are
                             read with the countries given (or Settings'), a row's own country first
                             when a column holds it
  export contacts FILE       the format follows the extension: .csv, .xlsx or .vcf
  backup FILE                an online copy of the database, safe while the app runs
  check                      integrity of the database, its links and its search index
  report KIND FILE --from YYYY-MM-DD --to YYYY-MM-DD [--view VIEW] [--zone Europe/Kyiv]
                             a report's table (.csv or .xlsx) for the days from..to inclusive, in the
                             zone given or the machine's; KIND: operator_kpi, campaign_results,
                             relationship_health, sales, complaints, manager_load`;

export function parseCliArgs(argv: readonly string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  const positional: string[] = [];
  let dataDir: string | undefined;
  let countries: string[] | undefined;
  let countryColumn: string | undefined;
  let duplicates: 'skip' | 'merge' | 'create' = 'skip';
  const period: { from?: string; to?: string; view?: string; zone?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => argv[++i];
    if (arg === '--data-dir') dataDir = value();
    else if (arg === '--countries' || arg === '--country') countries = (value() ?? '').toUpperCase().split(/[,\s]+/).filter(Boolean);
    else if (arg === '--country-column') countryColumn = value();
    else if (arg === '--from' || arg === '--to' || arg === '--view' || arg === '--zone') period[arg.slice(2) as keyof typeof period] = value();
    else if (arg === '--duplicates') {
      const policy = value();
      if (policy !== 'skip' && policy !== 'merge' && policy !== 'create') return { ok: false, message: '--duplicates takes skip, merge or create' };
      duplicates = policy;
    } else if (arg.startsWith('--')) return { ok: false, message: `Unknown option ${arg}` };
    else positional.push(arg);
  }
  const [command, what, file] = positional;
  const needsFile = (f: string | undefined) => (f ? f : null);
  let run: CliCommand | null = null;
  if (command === 'import' && what === 'contacts' && needsFile(file)) run = { command: 'import', file: file as string, duplicates, countryColumn };
  else if (command === 'export' && what === 'contacts' && needsFile(file)) run = { command: 'export', file: file as string };
  else if (command === 'backup' && needsFile(what)) run = { command: 'backup', file: what as string };
  else if (command === 'check' && positional.length === 1) run = { command: 'check' };
  else if (command === 'report' && what && needsFile(file)) {
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (!period.from || !period.to || !day.test(period.from) || !day.test(period.to)) return { ok: false, message: 'report takes --from and --to as YYYY-MM-DD' };
    run = { command: 'report', report: what, file: file as string, from: period.from, to: period.to, view: period.view, zone: period.zone };
  }
  if (!run) return { ok: false, message: command ? `Cannot read the command: ${positional.join(' ')}` : 'No command given' };
  if (countries !== undefined && (countries.length === 0 || countries.some((c) => !/^[A-Z]{2}$/.test(c)))) return { ok: false, message: '--countries takes two-letter codes such as UA,RU,KZ' };
  return { ok: true, args: { dataDir, countries, run } };
}
