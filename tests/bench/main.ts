import { crmFigures } from './crm';
import { foundationFigures } from './foundation';
import { printFigure } from './measure';

/**
 * `npm run bench`: one JSON line per figure on stdout, `{"name", "value", "unit"}`;
 * progress on stderr. Raw baselines are measured in the same run as the figures they compare.
 */
async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  for (const suite of [foundationFigures, crmFigures]) {
    for (const figure of await suite(log)) printFigure(figure);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
