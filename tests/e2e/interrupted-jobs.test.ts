import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord, Result } from '#contract';
import { startBrowserHost, type BrowserHostProcess } from '#tests/support/browser-host';
import { launchChromium } from '#tests/support/chromium';
import { eventually } from '#tests/support/sip/phone-harness';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { connectApi, type TestSocket } from '#tests/support/ws-client';

const rows = 60_000;

/** A contact list of `count` people with distinct mobile numbers, semicolon-separated as Excel writes it here. */
function contactList(count: number, offset: number): Buffer {
  const lines = ['Прізвище;Ім’я;Телефон'];
  for (let i = 0; i < count; i++) lines.push(`Перерваний${offset + i};Іван;+38067${String(1_000_000 + offset + i).padStart(7, '0')}`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** The app killed mid-job (kill -9, as a crash or a power cut), then started again on the same data. */
describe('work cut short by kill -9 is offered again at the next start', () => {
  const data = tempDirOutsideTest();
  let host: BrowserHostProcess;
  let api: TestSocket;
  let browser: Browser | undefined;

  const start = async (args: string[] = []) => {
    host = await startBrowserHost(['--data-dir', data.path, '--port', '0', ...args]);
    const url = new URL(host.url);
    const socket = await connectApi(`ws://${url.host}/api?token=${url.searchParams.get('token') ?? ''}`, url.origin);
    if ('refused' in socket) throw new Error(`refused ${socket.refused}`);
    api = socket;
  };
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = (await api.request(method, input)) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const killHard = async () => {
    process.kill(host.pid, 'SIGKILL');
    await host.stop();
  };
  const contactCount = async () => (await call<{ contactCount: number }>('app.info', {})).contactCount;
  const interrupted = () => call<JobRecord[]>('jobs.list', { states: ['interrupted'] });
  /** A report over every client of the last year: in the journal as running the moment it is asked for. */
  const askReport = () => void api.request('reports.run', { request: { report: 'relationship_health', filters: { from: Date.now() - 365 * 86_400_000, to: Date.now() } } });
  const job = async (jobId: string) => (await call<JobRecord[]>('jobs.list', { limit: 200 })).find((j) => j.jobId === jobId);

  const startImport = async (offset: number) => {
    const bytes = contactList(rows, offset);
    let uploadId: string | undefined;
    const chunk = 1024 * 1024;
    for (let at = 0; at < bytes.length; at += chunk) {
      const ack: { uploadId: string } = await call('files.upload', { ...(uploadId ? { uploadId } : {}), fileName: 'list.csv', chunkBase64: bytes.subarray(at, at + chunk).toString('base64'), final: at + chunk >= bytes.length });
      uploadId = ack.uploadId;
    }
    const preview: { suggestedMapping: string[] } = await call('imports.preview', { uploadId });
    return call<{ jobId: string; importId: string }>('imports.start', { uploadId, mapping: preview.suggestedMapping, duplicates: 'create' });
  };

  beforeAll(async () => {
    await start(['--demo', '--demo-size', '500']);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    data.remove();
  });

  it('an import killed after some batches: interrupted, then resumed with no row lost or doubled', async () => {
    const before = await contactCount();
    const started = await startImport(0);
    await eventually(() => call<{ rows: number }>('imports.get', { id: started.importId }), (summary) => summary.rows >= 5_000, 60_000, 'a committed batch');
    await killHard();

    await start();
    const [cut] = await interrupted();
    expect(cut).toMatchObject({ jobId: started.jobId, kind: 'import.contacts', state: 'interrupted', importId: started.importId });
    const partial = await call<{ state: string; rows: number; created: number }>('imports.get', { id: started.importId });
    expect(partial.state).toBe('interrupted');
    expect(partial.rows).toBeLessThan(rows);
    // Exactly the committed batches are in: the counts travel with them.
    expect(await contactCount()).toBe(before + partial.created);

    await call('jobs.resume', { id: started.jobId });
    const done = await eventually(() => call<{ state: string; rows: number; created: number }>('imports.get', { id: started.importId }), (s) => s.state === 'done', 120_000, 'the resumed import');
    expect(done).toMatchObject({ rows, created: rows });
    expect(await contactCount()).toBe(before + rows);
    expect(await interrupted()).toEqual([]);
  });

  it('an import killed mid-way can be undone instead', async () => {
    const before = await contactCount();
    const started = await startImport(rows);
    await eventually(() => call<{ rows: number }>('imports.get', { id: started.importId }), (summary) => summary.rows >= 5_000, 60_000, 'a committed batch');
    await killHard();

    await start();
    expect((await interrupted()).map((j) => j.jobId)).toContain(started.jobId);
    await call('imports.undo', { id: started.importId });
    await call('jobs.dismiss', { id: started.jobId });
    expect(await contactCount()).toBe(before);
    expect(await interrupted()).toEqual([]);
  });

  it('an export and a report killed while running: interrupted, and the export resumes to a downloadable file', async () => {
    const exported = await call<{ jobId: string; fileId: string }>('exports.start', { format: 'xlsx' });
    askReport();
    // Both are in the journal as running the moment they are asked for.
    await new Promise((resolve) => setTimeout(resolve, 30));
    await killHard();

    await start();
    const cut = await interrupted();
    expect(cut.find((j) => j.jobId === exported.jobId)).toMatchObject({ kind: 'export.contacts' });
    const report = cut.find((j) => j.kind === 'reports.run');
    expect(report).toBeDefined();
    await call('jobs.dismiss', { id: report?.jobId });
    await call('jobs.resume', { id: exported.jobId });
    await eventually(() => job(exported.jobId), (j) => j?.state === 'done', 60_000, 'the resumed export');
    const first: { size: number; chunkBase64: string } = await call('files.download', { fileId: exported.fileId, offset: 0 });
    expect(first.size).toBeGreaterThan(1_000);
    expect(Buffer.from(first.chunkBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it.runIf(process.platform !== 'win32')('keeps the data folder and every file in it private (0700 / 0600)', async () => {
    await call('exports.start', { format: 'csv' });
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? [join(dir, name), ...walk(join(dir, name))] : [join(dir, name)]));
    const paths = walk(data.path);
    expect(paths.some((p) => p.endsWith('workstation.sqlite-wal'))).toBe(true);
    expect(statSync(data.path).mode & 0o777).toBe(0o700);
    for (const path of paths) expect((statSync(path).mode & 0o777).toString(8), path).toBe(statSync(path).isDirectory() ? '700' : '600');
  });

  it('shows interrupted work in the workplace, with resume and leave-it buttons', async () => {
    askReport();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await killHard();
    await start();
    const report = (await interrupted()).find((j) => j.kind === 'reports.run');
    expect(report).toBeDefined();
    browser = await launchChromium(['--lang=en-US']);
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(host.url);
    const card = page.getByTestId(`interrupted-${report?.jobId ?? ''}`);
    await card.waitFor();
    expect(await card.textContent()).toContain('Building a report: interrupted when the app stopped');
    await card.getByRole('button', { name: 'Leave it' }).click();
    await card.waitFor({ state: 'detached' });
    expect((await interrupted()).map((j) => j.jobId)).not.toContain(report?.jobId);
  });
});
