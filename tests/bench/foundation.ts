import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '#core/db/connection';
import { seedDemo } from '#core/demo/seed';
import { silentLogger } from '#core/shared/logger';
import { listContacts } from '#core/crm/contacts';
import { readSettings } from '#core/settings/settings-store';
import { startWebHost } from '#hosts/web/web-host';
import { connectApi } from '#tests/support/ws-client';
import { assets, scratchDir, workstationOn } from './bench-workstation';
import { compared, percentile, sampleMs, type Figure } from './measure';
import { captureStatements, replayer } from './sql-capture';
import { benchNow, millionContactDatabase } from '#tests/support/million-contacts';

const prefixes = ['шев', 'ков', 'мель', 'іван', 'smi', 'бон', 'лис', 'sch', 'поп', 'ткач', 'кра', 'olійн', 'гнат', 'мор'];

/** Foundation figures: seeding, opening a large database, the API's overhead over bare SQLite, the browser host's round trip. */
export async function foundationFigures(log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const scratch = scratchDir();
  try {
    // Seeding speed, on a fresh file.
    const seedDb = openDatabase({ file: join(scratch.path, 'seed.sqlite'), migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
    const seedStart = performance.now();
    seedDemo(seedDb, { contacts: 100_000, now: benchNow });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    seedDb.close();
    figures.push({ name: 'demo.seed_100k.contacts_per_s', value: 100_000 / seedSeconds, unit: 'contacts/s' });

    const millionFile = millionContactDatabase(log);
    const openStart = performance.now();
    const opened = openDatabase({ file: millionFile, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
    figures.push({ name: 'db.open_1m_contacts.ms', value: performance.now() - openStart, unit: 'ms' });
    opened.close();

    // The same page of search results through the whole API (validation, handler, output check) and through bare better-sqlite3.
    const dataDir = scratch.path;
    // Bare better-sqlite3 replaying the very statements the app runs for the same page (page and count),
    // on a connection with the app's own settings (page cache, WAL, synchronous), prepared beforehand.
    const raw = openDatabase({ file: millionFile, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
    const capture = openDatabase({ file: millionFile, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
    const request = (search: string) => ({ search, sortBy: 'name' as const, sortDir: 'asc' as const, offset: 0, limit: 50 });
    const countries = readSettings(capture.read).settings.workingCountries;
    const pages = prefixes.map((prefix) => replayer(raw.sqlite, captureStatements(capture.sqlite, () => listContacts(capture.read, request(prefix), countries, benchNow))));
    capture.close();
    const rawSamples = await sampleMs(300, (i) => pages[i % pages.length]?.());
    raw.close();

    const millionWorkstation = workstationOn(dataDir, millionFile);
    const apiSamples = await sampleMs(300, (i) =>
      millionWorkstation.dispatch('contacts.list', request(prefixes[i % prefixes.length] as string), { origin: 'bench' }),
    );
    figures.push(...compared('contacts_search_page_1m', 'api', apiSamples, rawSamples));

    const quickSamples = await sampleMs(300, (i) =>
      millionWorkstation.dispatch('search.quick', { text: prefixes[i % prefixes.length] as string, limit: 8 }, { origin: 'bench' }),
    );
    figures.push({ name: 'api.quick_search_1m.p95_ms', value: percentile(quickSamples, 95), unit: 'ms' });

    // A report runs in the query worker: time to answer a year of operator KPIs, and the longest the main thread stalled meanwhile.
    const stall = monitorEventLoopDelay({ resolution: 5 });
    const reportSamples: number[] = [];
    const filters = { from: benchNow - 365 * 86_400_000, to: benchNow, operatorIds: [], teamIds: [], campaignIds: [], companyTagIds: [] };
    for (let i = 0; i < 5; i++) {
      stall.enable();
      const start = performance.now();
      const result = await millionWorkstation.dispatch('reports.run', { request: { report: 'operator_kpi', view: 'operator', filters, options: {} } }, { origin: 'bench' });
      reportSamples.push(performance.now() - start);
      stall.disable();
      if (!result.ok) throw new Error(`reports.run failed: ${result.error.message}`);
    }
    figures.push({ name: 'api.reports_operator_kpi_1m.p50_ms', value: percentile(reportSamples, 50), unit: 'ms' });
    figures.push({ name: 'main_thread.max_stall_during_report_1m.ms', value: stall.max / 1e6, unit: 'ms' });

    // The browser host's WebSocket round trip for a small request.
    const host = await startWebHost({ workstation: millionWorkstation, rendererDir: scratch.path, port: 0, logger: silentLogger });
    const client = await connectApi(`ws://127.0.0.1:${new URL(host.origin).port}/api?token=${host.token}`, host.origin);
    if ('refused' in client) throw new Error('benchmark client refused');
    const roundTrips = await sampleMs(1_000, () => client.request('phone.status', {}));
    figures.push({ name: 'web_host.ws_roundtrip.p95_ms', value: percentile(roundTrips, 95), unit: 'ms' });
    await client.close();
    await host.close();
    await millionWorkstation.dispose();
  } finally {
    scratch.remove();
  }
  return figures;
}
