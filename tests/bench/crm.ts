import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { lookupCallerId } from '#core/crm/caller-id';
import { getContactCard } from '#core/crm/contacts';
import { timeline } from '#core/crm/interactions';
import { quickSearch } from '#core/crm/quick-search';
import { phoneTokens } from '#core/crm/search-index';
import { runImport } from '#core/crm/transfer/import-job';
import { openDatabase } from '#core/db/connection';
import { imports } from '#core/db/schema';
import { generateDemo } from '#core/demo/generator';
import { timeOrderedIds } from '#core/shared/ids';
import { readPhone } from '#core/shared/phone-reading';
import { foldForSearch, searchWords } from '#core/shared/text';
import { assets, scratchDir, workstationOn } from './bench-workstation';
import { compared, percentile, sampleMs, type Figure } from './measure';
import { captureStatements, replayer } from './sql-capture';
import { benchNow, millionContactDatabase } from '#tests/support/million-contacts';

const searches = ['шевч', 'коваленко ол', 'мельн', 'агросвіт', 'smith', '067 12', '+38050 7', 'іван', 'brightline', 'sch', 'o.shev', 'лисенко а', '044 2', 'бонд'];
const importRows = 200_000;
/** Import rounds on each side. */
const importRounds = 3;
/** What the workplace reads numbers with, as a Ukrainian office sets it up (Settings' default for Ukrainian). */
const workingCountries = ['UA', 'RU'];

/**
 * Runs of four to seven digits heard from the end or the middle of stored numbers, typed as people
 * type them (some with a space), and one run no number holds.
 */
function digitSearches(db: Database.Database): string[] {
  const stored = db.prepare('SELECT substr(e164, 2) AS digits FROM contact_phones WHERE rowid % 7919 = 0 AND e164 IS NOT NULL LIMIT 13').all() as { digits: string }[];
  const runs = stored.map(({ digits }, i) => {
    const end = digits.length - (i % 3);
    const run = digits.slice(end - 4 - (i % 4), end);
    return i % 2 ? `${run.slice(0, 3)} ${run.slice(3)}` : run;
  });
  return [...runs, '000 000 00'];
}

/** A contact with a thousand interactions in the million-contact database (added once, kept in the cache). */
function contactWithThousandInteractions(file: string): string {
  const db = new Database(file, { nativeBinding: assets.nativeBinding });
  const id = 'bench-thousand';
  if (!db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(id)) {
    db.transaction(() => {
      db.prepare("INSERT INTO contacts (id, company_id, full_name, search_name, last_name, created_at, updated_at) VALUES (?, 'co-0000001', 'Бенчмарк Тисяча', 'бенчмарк тисяча', 'Бенчмарк', ?, ?)").run(id, benchNow, benchNow);
      db.prepare("INSERT INTO contact_phones (id, contact_id, kind, raw, e164, position) VALUES ('bench-ph', ?, 'mobile', '+380 99 000 00 01', '+380990000001', 0)").run(id);
      const insert = db.prepare("INSERT INTO interactions (id, kind, direction, occurred_at, employee_id, contact_id, company_id, subject, outcome, duration_seconds) VALUES (?, ?, ?, ?, ?, ?, 'co-0000001', ?, 'ok', 60)");
      for (let i = 0; i < 1000; i++) insert.run(`bench-in-${i}`, i % 3 ? 'call' : 'email', 'out', benchNow - i * 3_600_000, `emp-${(i % 8) + 1}`, id, `Interaction ${i}`);
    })();
  }
  db.close();
  return id;
}

/** A CSV of people as the demo generator makes them, phones in their mixed national formats. */
export function writeImportCsv(file: string, rows = importRows): void {
  const lines = ['ПІБ;Компанія;Посада;Телефон;E-mail'];
  const emails = new Map<string, string>();
  for (const batch of generateDemo({ contacts: rows, now: benchNow, interactionsPerContact: 0, seed: 7 })) {
    for (const e of batch.emails) emails.set(e.contactId, e.email);
    const companies = new Map(batch.companies.map((c) => [c.id, c.name]));
    const phones = new Map(batch.phones.filter((p) => p.position === 0).map((p) => [p.contactId, p.raw]));
    for (const c of batch.contacts) {
      lines.push([c.fullName, c.companyId ? (companies.get(c.companyId) ?? '') : '', c.position ?? '', phones.get(c.id) ?? '', emails.get(c.id) ?? ''].map((v) => (v.includes(';') ? `"${v}"` : v)).join(';'));
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * The same rows written by bare better-sqlite3, one statement per row as a straightforward importer
 * would: split the line, read the phone, find or create the company, insert the contact, its phone and
 * e-mail, and its search-index entry (same tables, same indexes, same pragmas: the app's own opener).
 */
export function rawImport(csvFile: string, dbFile: string): number {
  const db = openDatabase({ file: dbFile, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
  const ids = timeOrderedIds();
  const insertCompany = db.sqlite.prepare("INSERT INTO companies (id, name, search_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)");
  const insertContact = db.sqlite.prepare('INSERT INTO contacts (id, company_id, full_name, search_name, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertPhone = db.sqlite.prepare("INSERT INTO contact_phones (id, contact_id, kind, raw, e164, country, nsn, status, position) VALUES (?, ?, 'other', ?, ?, ?, ?, ?, 0)");
  const insertEmail = db.sqlite.prepare('INSERT INTO contact_emails (id, contact_id, email, email_normalized, position) VALUES (?, ?, ?, ?, 0)');
  const insertDoc = db.sqlite.prepare('INSERT INTO search_index (rowid, name, company, emails, phones) VALUES (?, ?, ?, ?, ?)');
  const start = performance.now();
  const companies = new Map<string, { id: string; name: string }>();
  const rows = readFileSync(csvFile, 'utf8').split('\n').slice(1).filter(Boolean);
  for (let at = 0; at < rows.length; at += 5_000) {
    db.sqlite.transaction(() => {
      for (const line of rows.slice(at, at + 5_000)) {
        const [name = '', companyName = '', position = '', phone = '', email = ''] = line.split(';');
        let company = companyName ? companies.get(foldForSearch(companyName)) : undefined;
        if (companyName && !company) {
          company = { id: ids.next(), name: companyName };
          const { lastInsertRowid } = insertCompany.run(company.id, companyName, foldForSearch(companyName), benchNow, benchNow);
          insertDoc.run(-BigInt(lastInsertRowid), searchWords(companyName).join(' '), '', '', '');
          companies.set(foldForSearch(companyName), company);
        }
        const id = ids.next();
        const { lastInsertRowid } = insertContact.run(id, company?.id ?? null, name, foldForSearch(name), position, benchNow, benchNow);
        const reading = readPhone(phone, workingCountries).best;
        if (phone) insertPhone.run(ids.next(), id, phone, reading?.e164 ?? null, reading?.country ?? null, reading?.subscriberDigits ?? null, reading ? 'ok' : 'invalid');
        if (email) insertEmail.run(ids.next(), id, email, email.toLowerCase());
        const spelled = reading ? [{ e164: reading.e164, nationalDigits: reading.nationalDigits, subscriberDigits: reading.subscriberDigits }] : [];
        insertDoc.run(lastInsertRowid, searchWords(name).join(' '), searchWords(companyName).join(' '), searchWords(email).join(' '), spelled.flatMap(phoneTokens).join(' '));
      }
    })();
  }
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return rows.length / seconds;
}

/** The CRM's figures, each beside bare better-sqlite3 running the same statements in the same run. */
export async function crmFigures(log: (line: string) => void): Promise<Figure[]> {
  return [...(await crmQueryFigures(log)), ...(await crmImportFigures(log))];
}

/** Search, caller ID and opening a contact on a million contacts (`npm run bench -- crm-queries`: minutes, not the imports' quarter hour). */
export async function crmQueryFigures(log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const scratch = scratchDir();
  try {
    const million = millionContactDatabase(log);
    const thousandId = contactWithThousandInteractions(million);
    const workstation = workstationOn(scratch.path, million);
    // The baseline connection is opened by the app's own opener: same page cache, mmap, WAL and synchronous.
    const rawDb = openDatabase({ file: million, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
    const raw = rawDb.sqlite;

    // Each raw baseline replays the very statements the app runs for the same input (captured once on a
    // fresh connection of their own, so no statement cache hides any), prepared beforehand.
    const capture = openDatabase({ file: million, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
    const replays = (work: (db: typeof capture.read) => unknown) => replayer(raw, captureStatements(capture.sqlite, () => work(capture.read)));

    // Search as you type.
    const apiSearch = await sampleMs(400, (i) => workstation.dispatch('search.quick', { text: searches[i % searches.length] as string, limit: 10 }, { origin: 'bench' }));
    const rawSearches = searches.map((text) => replays((db) => quickSearch(db, text, 10, workingCountries)));
    const rawSearch = await sampleMs(400, (i) => rawSearches[i % rawSearches.length]?.());
    figures.push(...compared('search', 'crm', apiSearch, rawSearch));
    // Search by digits heard from anywhere in a number.
    const heard = digitSearches(raw);
    const apiDigits = await sampleMs(400, (i) => workstation.dispatch('search.quick', { text: heard[i % heard.length] as string, limit: 10 }, { origin: 'bench' }));
    const rawDigitSearches = heard.map((text) => replays((db) => quickSearch(db, text, 10, workingCountries)));
    const rawDigits = await sampleMs(400, (i) => rawDigitSearches[i % rawDigitSearches.length]?.());
    figures.push(...compared('search_digits', 'crm', apiDigits, rawDigits));

    // Caller ID.
    const numbers = (raw.prepare('SELECT raw FROM contact_phones WHERE rowid % 997 = 0 LIMIT 500').all() as { raw: string }[]).map((r) => r.raw);
    const apiLookup = await sampleMs(2_000, (i) => workstation.dispatch('callerId.lookup', { number: numbers[i % numbers.length] as string }, { origin: 'bench' }));
    const rawLookups = numbers.map((number) => replays((db) => lookupCallerId(db, number, workingCountries)));
    const rawLookup = await sampleMs(2_000, (i) => rawLookups[i % rawLookups.length]?.());
    figures.push(...compared('phone_lookup', 'crm', apiLookup, rawLookup));
    // Reading numbers as people write them, with three working countries (every form tried, as an import does).
    const readingSamples = numbers.slice(0, 500);
    const readingStart = performance.now();
    for (let i = 0; i < 20_000; i++) readPhone(readingSamples[i % readingSamples.length] as string, ['UA', 'RU', 'KZ']);
    figures.push({ name: 'crm.phone_readings.per_s', value: 20_000 / ((performance.now() - readingStart) / 1000), unit: 'numbers/s' });

    // Opening a contact with a thousand interactions: the card and the first page of its timeline.
    const apiOpen = await sampleMs(200, async () => {
      await workstation.dispatch('contacts.get', { id: thousandId }, { origin: 'bench' });
      await workstation.dispatch('timeline.list', { contactId: thousandId, limit: 50 }, { origin: 'bench' });
    });
    const rawOpening = replays((db) => {
      getContactCard(db, thousandId);
      timeline(db, { contactId: thousandId, limit: 50 });
    });
    const rawOpen = await sampleMs(200, rawOpening);
    capture.close();
    figures.push(...compared('open_contact_1000_interactions', 'crm', apiOpen, rawOpen));
    rawDb.close();
    await workstation.dispose();
  } finally {
    scratch.remove();
  }
  return figures;
}

/** Imports through the app's job code against bare inserts of the same rows, and a million-row import. */
export async function crmImportFigures(log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const scratch = scratchDir();
  try {
    // Import: the whole pipeline (read, check, normalise, de-duplicate, write, index) against bare inserts of the same rows.
    const csvFile = join(scratch.path, 'import.csv');
    writeImportCsv(csvFile);
    // Rounds taken in turn (ours, raw, ours, raw…) so a noisy neighbour weighs on both sides alike; medians reported.
    const ourRates: number[] = [];
    const rawRates: number[] = [];
    for (let round = 0; round < importRounds; round++) {
      const ours = await timedImport(csvFile, join(scratch.path, `import-${round}.sqlite`), log);
      ourRates.push(ours.rows / ours.seconds);
      rawRates.push(rawImport(csvFile, join(scratch.path, `raw-${round}.sqlite`)));
      for (const name of readdirSync(scratch.path).filter((f) => /^(import|raw)-\d/.test(f))) rmSync(join(scratch.path, name));
    }
    const ourRate = percentile(ourRates, 50);
    const rawRate = percentile(rawRates, 50);
    figures.push({ name: 'crm.import.rows_per_s', value: ourRate, unit: 'rows/s (median of 3)' });
    figures.push({ name: 'raw.import.rows_per_s', value: rawRate, unit: 'rows/s (median of 3)' });
    figures.push({ name: 'crm.import.ratio_to_raw', value: ourRate / rawRate, unit: 'x (rows/s over raw rows/s)' });

    const millionCsv = join(scratch.path, 'import-1m.csv');
    writeImportCsv(millionCsv, 1_000_000);
    const million1m = await timedImport(millionCsv, join(scratch.path, 'import-1m.sqlite'), log);
    figures.push({ name: 'crm.import_1m.s', value: million1m.seconds, unit: 's' });
  } finally {
    scratch.remove();
  }
  return figures;
}

/** One import through the app's own job code into a fresh database, timed from start to its summary. */
async function timedImport(csvFile: string, dbFile: string, log: (line: string) => void): Promise<{ rows: number; seconds: number }> {
  const target = openDatabase({ file: dbFile, migrationsFolder: assets.migrationsFolder, nativeBinding: assets.nativeBinding });
  const importId = 'bench-import';
  target.write((tx) => tx.insert(imports).values({ id: importId, fileName: 'import.csv', format: 'csv', state: 'running', startedAt: benchNow }).run());
  const start = performance.now();
  const summary = await runImport(
    target,
    { importId, file: csvFile, fileName: 'import.csv', hasHeader: true, mapping: ['fullName', 'company', 'position', 'phone', 'email'], duplicates: 'skip', workingCountries, employeeId: null },
    { ids: timeOrderedIds(), clock: { now: () => benchNow } },
    () => undefined,
  );
  const seconds = (performance.now() - start) / 1000;
  target.close();
  log(`import: ${summary.rows} rows, ${summary.created} created, ${summary.skipped} skipped, ${summary.rejected} rejected in ${seconds.toFixed(1)} s`);
  return { rows: summary.rows, seconds };
}
