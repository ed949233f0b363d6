export type CliCommand =
  | { command: 'import'; file: string; duplicates: 'skip' | 'merge' | 'create' }
  | { command: 'export'; file: string }
  | { command: 'backup'; file: string }
  | { command: 'check' };

export interface CliArgs {
  dataDir: string | undefined;
  country: string | undefined;
  run: CliCommand;
}

export const cliUsage = `Usage: npm run crm -- <command> [--data-dir DIR]
  import contacts FILE [--duplicates skip|merge|create] [--country UA]
                             CSV, XLSX or vCard; columns are matched by their headers
  export contacts FILE       the format follows the extension: .csv, .xlsx or .vcf
  backup FILE                an online copy of the database, safe while the app runs
  check                      integrity of the database, its links and its search index`;

export function parseCliArgs(argv: readonly string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  const positional: string[] = [];
  let dataDir: string | undefined;
  let country: string | undefined;
  let duplicates: 'skip' | 'merge' | 'create' = 'skip';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => argv[++i];
    if (arg === '--data-dir') dataDir = value();
    else if (arg === '--country') country = value()?.toUpperCase();
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
  if (command === 'import' && what === 'contacts' && needsFile(file)) run = { command: 'import', file: file as string, duplicates };
  else if (command === 'export' && what === 'contacts' && needsFile(file)) run = { command: 'export', file: file as string };
  else if (command === 'backup' && needsFile(what)) run = { command: 'backup', file: what as string };
  else if (command === 'check' && positional.length === 1) run = { command: 'check' };
  if (!run) return { ok: false, message: command ? `Cannot read the command: ${positional.join(' ')}` : 'No command given' };
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) return { ok: false, message: '--country takes a two-letter code such as UA' };
  return { ok: true, args: { dataDir, country, run } };
}
