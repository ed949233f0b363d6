import type { EventBus } from '#core/api/event-bus';
import type { Clock } from '#core/shared/clock';
import type { Logger } from '#core/shared/logger';
import type { JobJournal } from '#core/workers/job-journal';
import type { JobRunner } from '#core/workers/job-runner';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/**
 * Keeps stored numbers read with the current working countries: at start (the first start after an
 * upgrade fills in what older versions did not store) and whenever Settings change them, a
 * `phones.reread` job runs in a worker, unless one for the same countries already ran. One at a time:
 * a change while one runs waits for it, so an older reading never lands after a newer one.
 */
export function keepPhonesRead(options: { jobs: JobRunner; journal: JobJournal; events: EventBus; clock: Clock; logger: Logger; workingCountries: () => readonly string[] }): () => void {
  let running = false;
  let again = false;
  const check = () => {
    if (running) {
      again = true;
      return;
    }
    const countries = [...options.workingCountries()];
    const latest = options.journal.latest('phones.reread');
    if (latest?.request.kind === 'phones.reread' && sameList(latest.request.params.workingCountries, countries)) return;
    running = true;
    options.jobs
      .run({ kind: 'phones.reread', params: { now: options.clock.now(), workingCountries: countries } })
      .finished.catch((error: unknown) => options.logger.warn('Re-reading phone numbers failed', { error: String(error) }))
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          check();
        }
      });
  };
  check();
  return options.events.on('settings.changed', check);
}
