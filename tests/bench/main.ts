import { amdFigures } from './amd';
import { calendarSyncFigures } from './calendar-sync';
import { calendarUiFigures } from './calendar-ui';
import { crmFigures, crmImportFigures, crmQueryFigures } from './crm';
import { dialerFigures } from './dialer';
import { dialerAttemptFigures } from './dialer-attempts';
import { foundationFigures } from './foundation';
import { printFigure } from './measure';
import { reportFigures } from './reports';
import { uiFigures } from './ui';
import { robustnessFigures } from './robustness';
import { scriptsFigures } from './scripts';
import { scriptsUiFigures } from './scripts-ui';
import { telephonyFigures } from './telephony';

/**
 * `npm run bench`: one JSON line per figure on stdout, `{"name", "value", "unit"}`;
 * progress on stderr. Raw baselines are measured in the same run as the figures they compare.
 */
async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const only = process.argv[2];
  const suites = { foundation: foundationFigures, crm: crmFigures, 'crm-queries': crmQueryFigures, 'crm-imports': crmImportFigures, telephony: telephonyFigures, robustness: robustnessFigures, ui: uiFigures, scripts: scriptsFigures, 'scripts-ui': scriptsUiFigures, dialer: dialerFigures, 'dialer-attempts': dialerAttemptFigures, amd: amdFigures, calendar: calendarSyncFigures, 'calendar-ui': calendarUiFigures, reports: reportFigures };
  for (const [name, suite] of Object.entries(suites)) {
    if (only && only !== name) continue;
    for (const figure of await suite(log)) printFigure(figure);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
