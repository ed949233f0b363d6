import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, Result } from '#contract';
import type { Workstation } from '#core/app/workstation';
import type { Database } from 'better-sqlite3';
import { checkedPolicies } from '#core/dialer/campaign-store';
import { nextNumber, type DialingCampaign } from '#core/dialer/next-number';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { manualClock } from '#core/shared/clock';
import { scratchDir, workstationOn } from './bench-workstation';
import { medianAndTail, percentile, type Figure } from './measure';

const listSize = 1_000_000;
/** Numbers across the zones a Ukrainian–Russian call centre dials: Kyiv, Moscow, Yekaterinburg, Vladivostok, mobiles. */
const prefixes = ['+38044', '+38067', '+7495', '+7343', '+7423', '+7912', '+38050', '+7812'];
/** Monday 23 Nov 2026, 08:00 UTC: 10:00 in Kyiv, 11:00 in Moscow, 13:00 in Yekaterinburg, 18:00 in Vladivostok. */
const monday = Date.UTC(2026, 10, 23, 8, 0);
const picks = 400;

async function ok<M extends MethodName>(workstation: Workstation, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = (await workstation.dispatch(method, input, { origin: 'bench' })) as Result<MethodOutput<M>>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

function numberOf(i: number): string {
  const prefix = prefixes[i % prefixes.length]!;
  return `${prefix}${String(1_000_000 + i).padStart(7, '0')}`.slice(0, prefix.startsWith('+38') ? 13 : 12);
}

/** A million people in one operator's part of a campaign, with a history: attempts made earlier, a do-not-call list. */
function seed(sqlite: Database, campaignId: string, operatorId: string, log: (line: string) => void): void {
  const contact = sqlite.prepare("INSERT INTO contacts (id, full_name, search_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)");
  const entry = sqlite.prepare("INSERT INTO campaign_entries (id, campaign_id, contact_id, phone, operator_id, state, priority, next_at, updated_at) VALUES (?, ?, ?, ?, ?, 'waiting', 1, ?, 0)");
  const attempt = sqlite.prepare(
    "INSERT INTO campaign_attempts (id, campaign_id, entry_id, contact_id, phone, operator_id, mode, state, started_at, answered_at, ended_at, outcome, allowed_because, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'progressive', 'ended', ?, ?, ?, ?, '{}', 0)",
  );
  const dnc = sqlite.prepare("INSERT INTO do_not_call_numbers (id, phone, campaign_id, source, added_at, updated_at) VALUES (?, ?, NULL, 'bench', 0, 0)");
  const batch = 50_000;
  for (let from = 0; from < listSize; from += batch) {
    sqlite.transaction(() => {
      for (let i = from; i < from + batch; i++) {
        const id = `c${String(i).padStart(7, '0')}`;
        const phone = numberOf(i);
        contact.run(id, `Абонент ${i}`, `абонент ${i}`, `Абонент ${i}`);
        // Entries come due over the past day, in a shuffled order.
        entry.run(`e${String(i).padStart(7, '0')}`, campaignId, id, phone, operatorId, monday - ((i * 7919) % 86_400_000));
        // Every 20th was tried before (busy an hour ago, or reached last week); every 100th is on the do-not-call list.
        if (i % 20 === 0) {
          const busy = i % 40 === 0;
          const at = monday - (busy ? 3_600_000 : ((i * 31) % 7) * 86_400_000 + 600_000);
          attempt.run(`a${i}`, campaignId, `e${String(i).padStart(7, '0')}`, id, phone, operatorId, at, busy ? null : at + 5_000, at + 60_000, busy ? 'busy' : 'reached');
        }
        if (i % 100 === 7) dnc.run(`d${i}`, phone);
      }
    })();
    log(`dialer: ${from + batch} of ${listSize} entries`);
  }
  // The hourly abandon figures the app keeps with every answer (AttemptLog), for the attempts seeded above.
  sqlite.exec(`INSERT INTO campaign_abandon_hours (id, campaign_id, hour, live, abandoned, updated_at)
    SELECT campaign_id || ':' || (started_at / 3600000 * 3600000), campaign_id, started_at / 3600000 * 3600000, count(*), sum(outcome = 'abandoned'), 0
    FROM campaign_attempts WHERE answered_at IS NOT NULL GROUP BY campaign_id, started_at / 3600000`);
  sqlite.exec('PRAGMA optimize');
}

/**
 * The next number from a million-entry campaign list with every rule applied (do-not-call lists, the
 * person's flags, consent, attempt and contact caps, retry delays, the callee's local window by their
 * number's zone, the abandon cap), as the dialer asks for it in a write transaction; beside it the bare
 * indexed SQL for "the operator's next due waiting row", prepared the same way, on the same connection.
 */
export async function dialerFigures(log: (line: string) => void): Promise<Figure[]> {
  const scratch = scratchDir();
  const clock = manualClock(monday);
  const workstation = workstationOn(scratch.path, join(scratch.path, 'dialer.sqlite'), { clock });
  try {
    const me = await ok(workstation, 'employees.save', { name: 'Оператор' });
    await ok(workstation, 'settings.update', { currentEmployeeId: me.id, workingCountries: ['UA', 'RU'] });
    const saved = await ok(workstation, 'campaigns.save', {
      name: 'Bench',
      purpose: 'survey',
      startsAt: monday,
      mode: 'progressive',
      profile: 'by_number',
      rules: { retryDelayMinutes: { busy: 120, no_answer: 60 } },
      operatorIds: [me.id],
    });
    const sqlite = workstation.database.write((tx) => tx.$client);
    seed(sqlite, saved.id, me.id, log);
    const campaign: DialingCampaign = { id: saved.id, purpose: 'survey', mode: 'progressive', policies: checkedPolicies(loadProfiles(BUILT_IN_PROFILE_FILES).accepted, saved) };
    const zones = new NumberZones();
    const bare = sqlite.prepare("SELECT id, contact_id, phone FROM campaign_entries WHERE campaign_id = ? AND operator_id = ? AND state = 'waiting' AND next_at <= ? ORDER BY priority, next_at LIMIT 1");

    // Each pick is a dial: the chosen entry goes out (dialing) so the next pick finds the next one, as in a campaign.
    const markDialing = sqlite.prepare("UPDATE campaign_entries SET state = 'dialing' WHERE id = ?");
    const ours: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < picks + 20; i++) {
      clock.advance(1_000);
      const started = performance.now();
      const found = workstation.database.write((tx) => nextNumber(tx, zones, campaign, me.id, clock.now()));
      const took = performance.now() - started;
      if (found.kind !== 'number') throw new Error(`no number to dial: ${JSON.stringify(found)}`);
      markDialing.run(found.entry.id);
      const rawStarted = performance.now();
      const row = workstation.database.write(() => bare.get(campaign.id, me.id, clock.now()));
      const rawTook = performance.now() - rawStarted;
      if (!row) throw new Error('the bare query found nothing');
      if (i >= 20) {
        ours.push(took);
        raw.push(rawTook);
      }
    }
    return [
      ...medianAndTail('dialer.next_number', ours),
      ...medianAndTail('raw.dialer.next_number', raw),
      { name: 'dialer.next_number.ratio_p95', value: percentile(ours, 95) / percentile(raw, 95), unit: 'x (p95/p95)' },
      { name: 'dialer.next_number.ratio_p50', value: percentile(ours, 50) / percentile(raw, 50), unit: 'x (p50/p50)' },
    ];
  } finally {
    await workstation.dispose();
    scratch.remove();
  }
}
