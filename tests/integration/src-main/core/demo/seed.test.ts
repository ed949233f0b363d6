import { dealStageKeys, type Language } from '#contract';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '#core/app/workstation';
import { countries } from '#core/demo/places';
import { ok } from '#tests/support/crm';
import { tempDir, tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation, testNow } from '#tests/support/workstation';

const day = 86_400_000;
const cyrillic = /[А-Яа-яЁёІіЇїЄєҐґ]/;
const latin = /[A-Za-z]/;

/** What each language's demo must look like: the country most numbers are in, and the letters its texts use and never use. */
const languages: readonly { language: Language; systemLocale: string; homeCode: string | null; letters: RegExp; never: RegExp }[] = [
  { language: 'uk', systemLocale: 'uk-UA', homeCode: '+380', letters: /[іїєґ]/i, never: /[ыэъё]/i },
  { language: 'ru', systemLocale: 'ru-RU', homeCode: '+7', letters: /[ыэъё]/i, never: /[іїєґ]/i },
  { language: 'en', systemLocale: 'en-GB', homeCode: null, letters: latin, never: cyrillic },
];

type Row = Record<string, unknown>;

describe.each(languages)('the demo of a workplace speaking $language (system locale $systemLocale)', ({ language, systemLocale, homeCode, letters, never }) => {
  let data: { path: string; remove(): void };
  let workstation: Workstation;
  const all = (sql: string, ...params: unknown[]) => workstation.database.sqlite.prepare(sql).all(...params) as Row[];
  const value = (sql: string, ...params: unknown[]) => workstation.database.sqlite.prepare(sql).pluck().get(...params) as number;

  beforeAll(async () => {
    data = tempDirOutsideTest();
    // No language chosen in Settings: the system locale decides.
    workstation = createSuiteWorkstation(data.path, { systemLocale });
    expect(await workstation.seedDemoIfEmpty(2_000)).toBe(true);
  });
  afterAll(async () => {
    await workstation?.dispose();
    data?.remove();
  });

  it('has its numbers mostly in its own country (an English office across its markets, none in Ukraine or Russia)', () => {
    const numbers = all('SELECT e164 FROM contact_phones').map((r) => r.e164 as string);
    expect(numbers.length).toBeGreaterThan(2_000);
    const home = homeCode ? numbers.filter((n) => n.startsWith(homeCode)).length / numbers.length : 0;
    if (homeCode) expect(home).toBeGreaterThan(0.85);
    else expect(numbers.filter((n) => n.startsWith('+380') || n.startsWith('+7')).length).toBe(0);
  });

  it('names people in the language’s script', () => {
    const names = all('SELECT full_name FROM contacts').map((r) => r.full_name as string);
    const inCyrillic = names.filter((n) => cyrillic.test(n)).length / names.length;
    if (language === 'en') expect(inCyrillic).toBe(0);
    else expect(inCyrillic).toBeGreaterThan(0.85);
    expect(names.join(' ')).toMatch(letters);
    expect(names.filter((n) => cyrillic.test(n)).join(' ')).not.toMatch(never);
  });

  it('gives every company one city, its country in the address and numbers in that city’s area code', () => {
    const places = new Map(Object.values(countries).flatMap((c) => c.cities.map((city) => [city.name[language], { country: c.name[language], prefix: `+${c.callingCode}${city.area}` }] as const)));
    const companies = all(`SELECT c.id, c.name, c.city, c.address, group_concat(p.e164) AS phones FROM companies c LEFT JOIN company_phones p ON p.company_id = c.id GROUP BY c.id`);
    expect(companies.length).toBeGreaterThan(300);
    for (const company of companies) {
      const place = places.get(company.city as string);
      expect(place, `${company.name as string} in ${company.city as string}`).toBeDefined();
      expect(company.address).toMatch(new RegExp(`, ${company.city as string}, ${place?.country ?? '?'}$`));
      for (const phone of ((company.phones as string | null) ?? '').split(',').filter(Boolean)) expect(phone.startsWith(place?.prefix ?? '?'), `${company.name as string}: ${phone}`).toBe(true);
    }
    expect(companies.filter((c) => c.phones).length).toBeGreaterThan(companies.length / 3);
    // People's work numbers are their company's city's landlines too.
    const work = all(`SELECT co.city, p.e164 FROM contact_phones p JOIN contacts ct ON ct.id = p.contact_id JOIN companies co ON co.id = ct.company_id WHERE p.kind = 'work'`);
    expect(work.length).toBeGreaterThan(100);
    for (const phone of work) expect((phone.e164 as string).startsWith(places.get(phone.city as string)?.prefix ?? '?')).toBe(true);
  });

  it('has a running survey whose list is dealt out to everyone in the office, ready to work', async () => {
    const [campaign] = await ok(workstation, 'campaigns.list', {});
    expect(campaign).toMatchObject({ state: 'running', mode: 'preview', entries: { total: 400 } });
    // Everyone worked a session of it a working day ago: some people surveyed, the rest still to call.
    expect(campaign!.entries.remaining).toBeLessThan(400);
    expect(campaign!.entries.remaining).toBeGreaterThan(250);
    expect(campaign!.name).toMatch(language === 'en' ? latin : cyrillic);
    expect(campaign!.name).not.toMatch(never);
    const full = await ok(workstation, 'campaigns.get', { id: campaign!.id });
    expect(full.dispositions.map((d) => d.hotkey)).toEqual(['1', '2', '3', '4']);
    const perOperator = all('SELECT operator_id AS id, count(*) AS n FROM campaign_entries GROUP BY operator_id');
    expect(perOperator.length).toBe(full.operatorIds.length);
    expect(Math.max(...perOperator.map((o) => o.n as number)) - Math.min(...perOperator.map((o) => o.n as number))).toBeLessThanOrEqual(1);
    expect(value(`SELECT count(*) FROM campaign_entries e JOIN contact_phones p ON p.contact_id = e.contact_id AND p.e164 = e.phone AND p.position = 0`)).toBe(400);
  });

  it('puts the office in teams, and gives the phone’s calls their operator, talk, hold and wrap-up times', async () => {
    const teams = await ok(workstation, 'teams.list', {});
    expect(teams.length).toBeGreaterThanOrEqual(2);
    expect(teams.map((t) => t.name).join(' ')).toMatch(language === 'en' ? latin : letters);
    const employees = await ok(workstation, 'employees.list', {});
    expect(employees.every((e) => teams.some((t) => t.id === e.teamId))).toBe(true);
    expect(new Set(employees.map((e) => e.teamId)).size).toBe(teams.length);
    // Each call is its operator's (the interaction's author) and its answered time is talk plus hold.
    expect(value('SELECT count(*) FROM calls c JOIN interactions i ON i.id = c.interaction_id WHERE c.employee_id IS NOT i.employee_id OR c.talk_seconds + c.hold_seconds <> i.duration_seconds')).toBe(0);
    const answered = value(`SELECT count(*) FROM calls WHERE disposition = 'answered'`);
    const held = value(`SELECT count(*) FROM calls WHERE disposition = 'answered' AND hold_seconds > 0`) / answered;
    expect(held).toBeGreaterThan(0.08);
    expect(held).toBeLessThan(0.25);
    expect(value(`SELECT count(*) FROM calls WHERE hold_seconds > 0 AND (disposition <> 'answered' OR hold_seconds > talk_seconds)`)).toBe(0);
    const wrapUp = all(`SELECT min(wrap_up_seconds) AS least, max(wrap_up_seconds) AS most FROM calls WHERE disposition <> 'missed'`)[0] as { least: number; most: number };
    expect(wrapUp.least).toBeGreaterThanOrEqual(10);
    expect(wrapUp.most).toBeLessThanOrEqual(120);
    expect(wrapUp.most - wrapUp.least).toBeGreaterThan(60);
    expect(value(`SELECT count(*) FROM calls WHERE (disposition = 'missed') <> (wrap_up_seconds IS NULL)`)).toBe(0);
  });

  it('has each operator’s session of the survey: states back to back, every attempt a call of the campaign with its disposition', () => {
    const operators = value('SELECT count(*) FROM employees');
    expect(value('SELECT count(DISTINCT employee_id) FROM operator_states')).toBe(operators);
    expect(all('SELECT DISTINCT state FROM operator_states ORDER BY state').map((r) => r.state)).toEqual(['dialing', 'on_call', 'paused', 'previewing', 'ready', 'wrap_up']);
    // Each operator's stretches follow one another with no gap or overlap, and all are over before now.
    const gaps = value(`SELECT count(*) FROM (SELECT started_at, lag(ended_at) OVER (PARTITION BY employee_id ORDER BY started_at) AS previous_end FROM operator_states) WHERE previous_end IS NOT NULL AND previous_end <> started_at`);
    expect(gaps).toBe(0);
    expect(value('SELECT max(ended_at) FROM operator_states')).toBeLessThan(testNow);
    expect(value('SELECT min(started_at) FROM operator_states')).toBeGreaterThanOrEqual(value('SELECT starts_at FROM campaigns'));
    // Every attempt is its call, of the campaign and the operator; a conversation has a disposition, an unanswered line its outcome.
    const attempts = value('SELECT count(*) FROM campaign_attempts');
    expect(attempts).toBeGreaterThanOrEqual(8 * operators);
    const matched = value(`SELECT count(*) FROM campaign_attempts a JOIN calls c ON c.interaction_id = a.call_id JOIN interactions i ON i.id = a.call_id
      WHERE c.campaign_id = a.campaign_id AND c.employee_id = a.operator_id AND i.contact_id = a.contact_id AND (a.outcome = 'reached') = (a.disposition_id IS NOT NULL)
        AND (a.outcome = 'reached') = (c.disposition = 'answered')`);
    expect(matched).toBe(attempts);
    expect(value(`SELECT count(*) FROM operator_states WHERE state = 'on_call'`)).toBe(value(`SELECT count(*) FROM campaign_attempts WHERE outcome = 'reached'`));
    expect(value(`SELECT count(*) FROM campaign_entries WHERE state = 'done'`)).toBe(value(`SELECT count(*) FROM campaign_attempts WHERE disposition_id = 'demo-campaign-1-disposition-1'`));
  });

  it('names every company differently', () => {
    expect(value('SELECT count(DISTINCT name) FROM companies')).toBe(value('SELECT count(*) FROM companies'));
  });

  it('dates changes at different moments over months, not in one second', () => {
    for (const [table, days] of [['contacts', 90], ['companies', 90], ['deals', 30], ['calendar_events', 7]] as const) {
      const spread = all(`SELECT count(*) AS n, count(DISTINCT updated_at) AS distinct_times, max(updated_at) - min(updated_at) AS span, max(updated_at) AS latest FROM ${table}`)[0] as { n: number; distinct_times: number; span: number; latest: number };
      expect(spread.distinct_times / spread.n, table).toBeGreaterThan(0.9);
      expect(spread.span, table).toBeGreaterThan(days * day);
      expect(spread.latest, table).toBeLessThanOrEqual(testNow);
    }
    expect(value('SELECT count(DISTINCT created_at) FROM interactions') / value('SELECT count(*) FROM interactions')).toBeGreaterThan(0.9);
  });

  it('has a busy last week: calls with numbers, durations and results, missed calls (some called back), e-mails, meetings and notes', async () => {
    const lastWeek = (kind: string) => value('SELECT count(*) FROM interactions WHERE kind = ? AND occurred_at BETWEEN ? AND ?', kind, testNow - 7 * day, testNow);
    for (const kind of ['call', 'email', 'meeting', 'note']) expect(lastWeek(kind), kind).toBeGreaterThan(kind === 'call' ? 500 : 30);
    const history = await ok(workstation, 'calls.history', { limit: 200 });
    const answered = history.rows.filter((r) => r.disposition === 'answered');
    expect(answered.length).toBeGreaterThan(100);
    expect(answered.every((r) => r.remoteNumber && (r.durationSeconds ?? 0) > 0 && r.outcome)).toBe(true);
    if (homeCode) expect(history.rows.filter((r) => r.remoteNumber?.startsWith(homeCode)).length).toBeGreaterThan(150);
    const missed = await ok(workstation, 'calls.history', { missed: true, from: testNow - 7 * day, limit: 500 });
    expect(missed.total).toBeGreaterThan(20);
    expect(missed.rows.some((r) => r.returned)).toBe(true);
    // The badge counts the ones nobody has called back yet, some of them from numbers nobody knows.
    expect((await ok(workstation, 'calls.missed', {})).count).toBeGreaterThan(5);
    expect(missed.rows.some((r) => r.contactId === null)).toBe(true);
  });

  it('has contacts and meetings planned for the coming days', () => {
    // Planned contacts are the calendar's, with the meetings; every item has its iCalendar text and a calendar.
    expect(value('SELECT count(*) FROM calendar_events WHERE kind = ? AND starts_at BETWEEN ? AND ?', 'interaction', testNow, testNow + 7 * day)).toBeGreaterThan(50);
    expect(value('SELECT count(*) FROM calendar_events WHERE kind = ? AND starts_at > ?', 'interaction', testNow + 21 * day)).toBe(0);
    expect(value('SELECT count(*) FROM calendar_events WHERE kind = ? AND starts_at BETWEEN ? AND ?', 'meeting', testNow, testNow + 7 * day)).toBeGreaterThan(20);
    expect(value('SELECT count(*) FROM interactions WHERE kind = ?', 'planned')).toBe(0);
    expect(value('SELECT count(*) FROM calendar_events WHERE ics IS NULL OR calendar_id IS NULL')).toBe(0);
  });

  it('has complaints in every state, each walked there step by step', async () => {
    const list = await ok(workstation, 'complaints.list', { limit: 200 });
    const states = new Set(list.rows.map((c) => c.state));
    expect([...states].sort()).toEqual(['closed', 'investigating', 'new', 'resolved']);
    for (const summary of list.rows.slice(0, 20)) {
      const card = await ok(workstation, 'complaints.get', { id: summary.id });
      const path = card.events.filter((e) => e.kind === 'state').map((e) => e.toState);
      expect(path).toEqual(['new', 'investigating', 'resolved', 'closed'].slice(0, ['new', 'investigating', 'resolved', 'closed'].indexOf(card.state) + 1));
      expect(card.events.map((e) => e.at)).toEqual([...card.events.map((e) => e.at)].sort((a, b) => a - b));
      if (card.state === 'resolved' || card.state === 'closed') expect(card.resolution && card.result && card.steps.every((s) => s.doneAt)).toBeTruthy();
      if (card.state !== 'new') expect(card.steps.length).toBeGreaterThan(0);
      expect(card.interactions.length).toBe(1);
    }
  });

  it('has deals at several stages, each with the moves that brought it there, on the pipeline we ship (its stages keyed, so the window words them)', () => {
    expect(all('SELECT key FROM deal_stages ORDER BY position').map((r) => r.key)).toEqual([...dealStageKeys]);
    expect(value('SELECT count(DISTINCT stage_id) FROM deals')).toBeGreaterThanOrEqual(5);
    const lastMoves = all(`SELECT d.stage_id, (SELECT h.to_stage_id FROM deal_stage_history h WHERE h.deal_id = d.id ORDER BY h.changed_at DESC LIMIT 1) AS last_stage FROM deals d`);
    expect(lastMoves.every((d) => d.stage_id === d.last_stage)).toBe(true);
    expect(value(`SELECT count(*) FROM deals d JOIN deal_stages s ON s.id = d.stage_id WHERE s.outcome <> 'open' AND d.closed_at IS NULL`)).toBe(0);
  });

  it('writes its notes, subjects, results, complaints and deal names in its language', () => {
    const written = [
      ...all(`SELECT subject AS t FROM interactions WHERE subject <> '' UNION SELECT outcome FROM interactions WHERE outcome IS NOT NULL`),
      ...all(`SELECT notes AS t FROM contacts WHERE notes <> '' UNION SELECT notes FROM companies WHERE notes <> '' UNION SELECT position FROM contacts WHERE position IS NOT NULL`),
      ...all(`SELECT subject AS t FROM complaints UNION SELECT description FROM complaints UNION SELECT resolution FROM complaints WHERE resolution IS NOT NULL`),
      ...all(`SELECT text AS t FROM complaint_events WHERE text <> '' UNION SELECT title FROM complaint_steps UNION SELECT name FROM complaint_causes UNION SELECT title FROM deals UNION SELECT name FROM employees UNION SELECT name FROM deal_stages`),
    ].map((r) => r.t as string);
    expect(written.length).toBeGreaterThan(60);
    if (language === 'en') {
      expect(written.filter((t) => cyrillic.test(t))).toEqual([]);
    } else {
      // Nothing written in Latin letters alone ("Prefers e-mail" in a Ukrainian office), nothing in the other Cyrillic language.
      expect(written.filter((t) => latin.test(t) && !cyrillic.test(t))).toEqual([]);
      expect(written.filter((t) => never.test(t))).toEqual([]);
      expect(written.join(' ')).toMatch(letters);
    }
  });
});

describe('the demo’s language', () => {
  let workstation: Workstation | undefined;
  const employees = () => (workstation?.database.sqlite.prepare('SELECT name FROM employees').pluck().all() as string[]).join(', ');
  afterEach(async () => {
    await workstation?.dispose();
    workstation = undefined;
  });

  it('follows the language chosen in Settings over the system’s', async () => {
    workstation = createSuiteWorkstation(tempDir(), { systemLocale: 'en-US' });
    await ok(workstation, 'settings.update', { language: 'ru' });
    await workstation.seedDemoIfEmpty(20);
    expect(employees()).toMatch(/Ольга Литвинова/);
  });

  it('takes the language a request names (the window knows its browser’s)', async () => {
    const seeded = createSuiteWorkstation(tempDir(), { systemLocale: 'uk-UA' });
    workstation = seeded;
    await ok(seeded, 'demo.seed', { contacts: 20, language: 'en' });
    await new Promise<void>((resolve) => {
      const stop = seeded.events.on('job.progress', (p) => {
        if (p.kind === 'demo.seed' && p.state !== 'running') {
          stop();
          resolve();
        }
      });
    });
    expect(employees()).toMatch(/Emily Carter/);
    expect(employees()).not.toMatch(cyrillic);
  });
});
