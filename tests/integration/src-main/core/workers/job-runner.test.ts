import { describe, expect, it } from 'vitest';
import type { JobProgress, ReportRequest, ReportResult } from '#contract';
import { countContacts } from '#core/crm/contacts';
import { DomainError } from '#core/shared/errors';
import { callApi, createTestWorkstation, testNow } from '#tests/support/workstation';

describe('job runner (worker threads)', () => {
  it('seeds the demo dataset in a worker and reports progress until done', async () => {
    const workstation = createTestWorkstation();
    const progress: JobProgress[] = [];
    workstation.events.on('job.progress', (p) => progress.push(p));

    const { jobId, finished } = workstation.jobs.run({ kind: 'demo.seed', params: { contacts: 12_000, now: testNow } });
    const result = await finished;

    expect(result).toMatchObject({ jobId, state: 'done', done: 12_000, total: 12_000 });
    expect(progress[0]).toMatchObject({ jobId, state: 'running', done: 0 });
    expect(progress.at(-1)).toMatchObject({ state: 'done' });
    expect(progress.some((p) => p.state === 'running' && p.done > 0 && p.done < 12_000)).toBe(true);
    expect(countContacts(workstation.database.read)).toBe(12_000);
    expect(workstation.jobs.activeJobs).toBe(0);
  });

  it('reports a job that cannot run as failed, with the domain error', async () => {
    const workstation = createTestWorkstation();
    await workstation.jobs.run({ kind: 'demo.seed', params: { contacts: 10, now: testNow } }).finished;
    const progress: JobProgress[] = [];
    workstation.events.on('job.progress', (p) => progress.push(p));

    const second = workstation.jobs.run({ kind: 'demo.seed', params: { contacts: 10, now: testNow } }).finished;

    await expect(second).rejects.toBeInstanceOf(DomainError);
    await expect(second).rejects.toMatchObject({ code: 'conflict' });
    expect(progress.at(-1)).toMatchObject({ state: 'failed', message: expect.stringMatching(/empty workplace/) });
    expect(countContacts(workstation.database.read)).toBe(10);
  });

  it('keeps answering API requests while a worker writes', async () => {
    const workstation = createTestWorkstation();
    const { finished } = workstation.jobs.run({ kind: 'demo.seed', params: { contacts: 30_000, now: testNow } });
    let answered = 0;
    let done = false;
    void finished.finally(() => (done = true)).catch(() => undefined);
    while (!done) {
      const result = await workstation.dispatch('contacts.list', { limit: 5 }, { origin: 'test' });
      expect(result.ok).toBe(true);
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(answered).toBeGreaterThan(1);
  });

  it('refuses demo data over the API when the workplace has contacts', async () => {
    const workstation = createTestWorkstation();
    await workstation.seedDemoIfEmpty(20);
    const result = await workstation.dispatch('demo.seed', { contacts: 20 }, { origin: 'test' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await workstation.seedDemoIfEmpty(20)).toBe(false);
  });
});

/** Operator KPIs over the demo's last month (its calls are dated back from testNow). */
const lastMonthKpis: ReportRequest = {
  report: 'operator_kpi',
  view: 'operator',
  filters: { from: testNow - 30 * 86_400_000, to: testNow, timeZone: 'Europe/Kyiv', operatorIds: [], teamIds: [], campaignIds: [], companyTagIds: [] },
  options: {},
};
const kpiJob = { kind: 'reports.run', params: { now: testNow, zone: 'Europe/Kyiv', request: lastMonthKpis } } as const;

describe('reports in a worker', () => {
  it('answers reports.run from a worker thread without announcing a job', async () => {
    const workstation = createTestWorkstation();
    await workstation.seedDemoIfEmpty(500);
    const progress: JobProgress[] = [];
    workstation.events.on('job.progress', (p) => progress.push(p));
    const parts: { jobId: string; done: number; total: number }[] = [];
    workstation.events.on('report.progress', (p) => parts.push(p));

    const result = await callApi(workstation, 'reports.run', { jobId: 'kpi-run', request: lastMonthKpis });

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ report: 'operator_kpi', view: 'operator', timeZone: 'Europe/Kyiv' });
    expect(result.value.rows.length).toBeGreaterThan(0);
    expect(result.value.rows.every((row) => row.kind === 'employee')).toBe(true);
    expect((result.value.totals.calls_in ?? 0) + (result.value.totals.calls_out ?? 0)).toBeGreaterThan(0);
    expect(progress).toEqual([]);
    // Its own progress goes to the window that waits for it: parts of the report (calls, states, attempts, reviews).
    expect(parts[0]).toEqual({ jobId: 'kpi-run', done: 0, total: 4 });
  });

  it('runs reports one after another in one kept worker on a read-only connection, and cancels one without losing the next', async () => {
    const workstation = createTestWorkstation();
    await workstation.seedDemoIfEmpty(2_000);
    const first = await workstation.jobs.run(kpiJob).finished;
    for (let i = 0; i < 5; i++) expect((await workstation.jobs.run(kpiJob).finished).result).toEqual(first.result);
    // No thread per report: the same worker answered them all.
    expect(workstation.jobs.queryWorkersStarted).toBe(1);
    expect(first).toMatchObject({ state: 'done', result: { report: 'operator_kpi' } });
    expect((first.result as ReportResult).rows.length).toBeGreaterThan(0);

    const running = workstation.jobs.run({ kind: 'contacts.duplicates', params: { limit: 50 } });
    const queued = workstation.jobs.run(kpiJob);
    workstation.jobs.cancel(running.jobId);
    await expect(running.finished).rejects.toMatchObject({ code: 'conflict', message: 'The job was cancelled' });
    expect(await queued.finished).toMatchObject({ state: 'done' });
    expect(workstation.jobs.queryWorkersStarted).toBe(2);
    const journal = await callApi(workstation, 'jobs.list', {});
    if (journal.ok) expect((journal.value as { jobId: string; state: string }[]).find((j) => j.jobId === running.jobId)).toMatchObject({ state: 'cancelled' });
  });

  it('lists no journal row of a kind an earlier version retired, and answers a typed error for one asked by id', async () => {
    const workstation = createTestWorkstation();
    const known = await workstation.jobs.run(kpiJob).finished;
    workstation.database.sqlite
      .prepare("INSERT INTO jobs (id, kind, state, request, done, total, started_at, updated_at) VALUES ('old-summary', 'reports.summary', 'interrupted', ?, 0, 1, ?, ?)")
      .run(JSON.stringify({ kind: 'reports.summary', params: {} }), testNow + 1, testNow + 1);

    for (const input of [{}, { states: ['interrupted' as const] }]) {
      const listed = await callApi(workstation, 'jobs.list', input);
      expect(listed.ok).toBe(true);
      if (listed.ok) expect(listed.value.map((j) => j.jobId)).toEqual(input.states ? [] : [known.jobId]);
    }
    const otherVersion = { ok: false, error: { code: 'conflict', reason: 'job_from_other_version', params: { jobId: 'old-summary' } } };
    expect(await callApi(workstation, 'jobs.resume', { id: 'old-summary' })).toMatchObject(otherVersion);
    expect(await callApi(workstation, 'jobs.dismiss', { id: 'old-summary' })).toMatchObject(otherVersion);
  });

  it('opens the report connection read-only: a write through it is refused by SQLite', async () => {
    const { openReadOnlyDatabase } = await import('#core/db/connection');
    const workstation = createTestWorkstation();
    const reader = openReadOnlyDatabase({ file: workstation.database.file });
    try {
      expect(() => reader.read.$client.exec("INSERT INTO settings (key, value) VALUES ('x', '1')")).toThrow(/readonly|read-only/i);
    } finally {
      reader.close();
    }
  });
});
