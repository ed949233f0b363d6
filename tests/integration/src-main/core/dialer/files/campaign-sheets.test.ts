import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AttemptLog } from '#core/dialer/attempt-log';
import { checkedPolicies } from '#core/dialer/campaign-store';
import { nextNumber } from '#core/dialer/next-number';
import { NumberZones } from '#core/dialer/numbers/number-zones';
import { becauseSchema, BUILT_IN_PROFILE_FILES, loadProfiles } from '#core/dialer/rules/index';
import { campaignAttempts, campaignEntries, doNotCallNumbers } from '#core/db/schema';
import { sequentialIds } from '#core/shared/ids';
import { campaignWorkstation } from '#tests/support/campaigns';
import { ok } from '#tests/support/crm';
import { download, jobFinished } from '#tests/support/transfers';

const profiles = loadProfiles(BUILT_IN_PROFILE_FILES).accepted;
/** Monday 23 November 2026, 08:00 UTC: 10:00 in Kyiv. */
const monday = Date.UTC(2026, 10, 23, 8, 0);

/** A survey worked by Оксана: one person reached and surveyed, one on the campaign's do-not-call list, one busy whose stored record is damaged. */
async function workedCampaign() {
  const station = await campaignWorkstation(monday);
  const { workstation, clock, me, person } = station;
  const surveyed = await person('Бондар', '+380671110021');
  const barred = await person('Гнатюк', '+380671110022');
  const busy = await person('Дячук', '+380671110023');
  const survey = await station.campaign();
  await ok(workstation, 'campaigns.addContacts', { campaignId: survey.id, contactIds: [surveyed, barred, busy] });
  workstation.database.write((tx) =>
    tx.insert(doNotCallNumbers).values({ id: 'dnc-own', phone: '+380671110022', campaignId: survey.id, source: 'asked by letter', addedAt: monday, updatedAt: monday, updatedBy: null }).run(),
  );
  const log = new AttemptLog({ database: workstation.database, clock, ids: sequentialIds('log'), settings: () => workstation.settings.get() });
  const dialing = { id: survey.id, purpose: survey.purpose, mode: survey.mode, policies: checkedPolicies(profiles, survey) };
  const done = survey.dispositions.find((d) => d.kind === 'final' && d.success)!;
  for (;;) {
    const call = workstation.database.write((tx) => {
      const found = nextNumber(tx, new NumberZones(), dialing, me.id, clock.now());
      return found.kind === 'number' ? { entry: found.entry, attemptId: log.begin(tx, { campaignId: survey.id, entry: found.entry, operatorId: me.id, mode: survey.mode, because: found.because }) } : null;
    });
    if (!call) break;
    if (call.entry.contactId === surveyed) {
      log.answered(call.attemptId, clock.now());
      log.ended(call.attemptId, 'reached');
      log.dispose(call.attemptId, done, null);
    } else log.ended(call.attemptId, 'busy');
    clock.advance(60_000);
  }
  const attemptOf = (contactId: string) => workstation.database.read.select().from(campaignAttempts).where(eq(campaignAttempts.contactId, contactId)).get()!;
  workstation.database.write((tx) => tx.update(campaignAttempts).set({ allowedBecause: '{"at": 17' }).where(eq(campaignAttempts.id, attemptOf(busy).id)).run());
  return { ...station, survey, surveyed, barred, busy, done, attemptOf };
}

async function exportedFile(workstation: Awaited<ReturnType<typeof workedCampaign>>['workstation'], started: { jobId: string; fileId: string }) {
  expect((await jobFinished(workstation, started.jobId)).state).toBe('done');
  return download(workstation, started.fileId);
}

describe("the supervisor's files of a campaign", () => {
  it('writes the audit log as CSV: a row per attempt with its stored "allowed because" record flattened, a row per refusal, damaged records said', async () => {
    const { workstation, survey, surveyed, barred, busy, attemptOf } = await workedCampaign();
    const file = await exportedFile(workstation, await ok(workstation, 'campaigns.exportAudit', { campaignId: survey.id, format: 'csv' }));
    expect(file.fileName).toBe('Опитування клієнтів audit 2026-11-23.csv');
    const rows = parse<Record<string, string>>(file.bytes, { bom: true, delimiter: ';', columns: true });
    expect(rows).toHaveLength(4);

    const reached = attemptOf(surveyed);
    const because = becauseSchema.parse(JSON.parse(reached.allowedBecause));
    expect(rows[0]).toMatchObject({
      decidedAt: new Date(because.at).toISOString(),
      campaignId: survey.id,
      attemptId: reached.id,
      number: '+380671110021',
      decision: 'allowed',
      profile: because.profile.id,
      profileVersion: because.profile.version,
      purpose: 'survey',
      mode: 'progressive',
      calleeZones: 'Europe/Kyiv',
      zoneSource: 'number',
      calleeLocalTime: `${because.callee.local[0]!.at} weekday (Europe/Kyiv)`,
      window: because.callee.local[0]!.window,
      dncChecked: because.dnc.map((d) => `${d.list}@${new Date(d.checkedAt).toISOString()}`).join('; '),
      attemptsLifetime: String(because.counts.attempts.lifetime),
      abandonCap: String(because.abandon.cap),
      abandonBudgetLeft: String(because.abandon.budgetLeft),
    });
    expect(because.callee.local[0]!.at).toBe('2026-11-23T10:00');
    expect(rows[1]).toMatchObject({ attemptId: attemptOf(busy).id, decision: 'unreadable', number: '+380671110023' });
    expect(rows[1]!.reason).toMatch(/^not JSON/);
    // The rules' last word on a number is a row too: taken off the list for good, or put off for a while.
    const refusalOf = (contactId: string) =>
      JSON.parse(workstation.database.read.select({ lastRefusal: campaignEntries.lastRefusal }).from(campaignEntries).where(eq(campaignEntries.contactId, contactId)).get()!.lastRefusal!) as { reason: string; at: number };
    expect(rows[2]).toMatchObject({ decision: 'refused', rule: 'dnc_campaign', reason: refusalOf(barred).reason, number: '+380671110022', decidedAt: new Date(refusalOf(barred).at).toISOString(), attemptId: '' });
    expect(rows[3]).toMatchObject({ decision: 'refused', rule: 'retry_delay', reason: refusalOf(busy).reason, number: '+380671110023', decidedAt: new Date(refusalOf(busy).at).toISOString() });
  });

  it('writes the list as XLSX: a row per number with its final disposition, attempts, last outcome and why it left the list', async () => {
    const { workstation, survey, done } = await workedCampaign();
    const file = await exportedFile(workstation, await ok(workstation, 'campaigns.exportReport', { campaignId: survey.id, format: 'xlsx' }));
    expect(file.fileName).toBe('Опитування клієнтів 2026-11-23.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Numbers')!;
    // A row ends at its last filled cell in the workbook: read back, the empty ones after it are empty strings again.
    const values = sheet.getSheetValues().slice(1).map((row) => Array.from({ length: 12 }, (_, i) => (row as unknown[])[i + 1] ?? ''));
    expect(values[0]).toEqual([
      'Клієнт / Client',
      'Телефон / Phone',
      'Оператор / Operator',
      'Стан / State',
      'Результат / Disposition',
      'Успіх / Success',
      'Спроб / Attempts',
      'Остання спроба / Last attempt',
      'Останній результат / Last outcome',
      'Передзвонити / Call back at',
      'Знято зі списку / Excluded because',
      'Остання відмова / Last refusal',
    ]);
    const byName = new Map(values.slice(1).map((row) => [row[0], row]));
    expect(byName.get('Бондар Тест')).toEqual(['Бондар Тест', '+380671110021', 'Оксана Литвин', 'done', done.label, '1', 1, '2026-11-23T08:00:00.000Z', 'reached', '', '', '']);
    expect(byName.get('Гнатюк Тест')?.slice(3, 12)).toEqual(['excluded', '', '', 0, '', '', '', 'dnc_campaign', expect.stringMatching(/^dnc_campaign: /)]);
    expect(byName.get('Дячук Тест')?.slice(3, 9)).toEqual(['waiting', '', '', 1, expect.stringMatching(/^2026-11-23T08:0/), 'busy']);
  });
});
