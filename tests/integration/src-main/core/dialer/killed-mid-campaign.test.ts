import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName, type Workstation } from '#core/app/workstation';
import { openDatabase } from '#core/db/connection';
import { campaignAttempts, campaignEntries, operatorStates } from '#core/db/schema';
import { ok } from '#tests/support/crm';
import { eventually } from '#tests/support/sip/phone-harness';
import { customerNumber, SippCustomers } from '#tests/support/sip/sipp-customers';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { tempDir } from '#tests/support/temp-dir';
import { createSuiteWorkstation, sourceAssets } from '#tests/support/workstation';
import { workingMorningClock } from '#tests/support/working-morning';

const root = fileURLToPath(new URL('../../../../..', import.meta.url));
const minute = 60_000;
/** The campaign's retry delays; an interrupted attempt never answered counts as failed. */
const retryDelayMinutes = { busy: 15, no_answer: 60, failed: 30 };

/** tests/support/dialer-child.ts working the campaign, with the lines it printed so far. */
function workingChild(dataDir: string, campaignId: string, clock: { start: number; realStart: number }) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'tests/support/dialer-child.ts', dataDir, campaignId, String(clock.start), String(clock.realStart)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString();
    const complete = text.split('\n');
    partial = complete.pop()!;
    lines.push(...complete);
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    lines,
    /** Waits for a printed line the check accepts (failing if the child stops by itself), and returns it. */
    async until(check: (line: string) => boolean, what: string, timeoutMs = 30_000): Promise<string> {
      const found = await eventually(
        () => (child.exitCode !== null ? 'exited' : (lines.find(check) ?? null)),
        (line) => line !== null,
        timeoutMs,
        `${what} (printed: ${lines.join(' | ')}; stderr: ${stderr.slice(-2000)})`,
      );
      if (found === 'exited') throw new Error(`the child stopped by itself (${child.exitCode}): ${stderr.slice(-2000)}`);
      return found!;
    },
    async kill(): Promise<void> {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

describe('a campaign whose workstation is killed (SIGKILL) mid-way', () => {
  const { kamailio } = useTestPbx();
  const ringing = customerNumber('never_answers', 0);
  const busy = customerNumber('busy', 0);
  const talkers = [0, 1, 2, 3].map((i) => customerNumber('talks', i));
  let customers: SippCustomers;
  beforeAll(async () => {
    customers = await SippCustomers.start(kamailio, [ringing, busy, ...talkers]);
  });
  afterAll(() => customers?.stop());

  it('loses no disposition, closes the interrupted attempt and its operator state, and dials no number twice', async () => {
    const dataDir = tempDir();
    const clock = workingMorningClock();
    /** The workstation started again on the data folder, as at the next start; stopped before the next child. */
    const restarted = async <T>(look: (workstation: Workstation) => T | Promise<T>): Promise<T> => {
      const workstation = createSuiteWorkstation(dataDir, { clock });
      try {
        return await look(workstation);
      } finally {
        await workstation.dispose();
      }
    };
    /** The database as the kill left it, read before anything starts on it (a start closes what was left open). */
    const asLeft = <T>(look: (database: Workstation['database']) => T): T => {
      const database = openDatabase({ file: join(dataDir, databaseFileName), migrationsFolder: sourceAssets.migrationsFolder, nativeBinding: sourceAssets.nativeBinding });
      try {
        return look(database);
      } finally {
        database.close();
      }
    };
    const attempts = (w: Workstation) => w.database.read.select().from(campaignAttempts).all();
    const entries = (w: Workstation) => Object.fromEntries(w.database.read.select().from(campaignEntries).all().map((e) => [e.phone, e]));
    const openStates = (w: Pick<Workstation, 'database'>) => w.database.read.select().from(operatorStates).where(isNull(operatorStates.endedAt)).all();

    // The campaign and the operator's line, saved in the data folder; the unanswered number first in the list.
    const campaignId = await restarted(async (w) => {
      const me = await ok(w, 'employees.save', { name: 'Оксана Литвин', extension: '101' });
      await ok(w, 'settings.update', { currentEmployeeId: me.id, workingCountries: ['UA'] });
      await ok(w, 'phone.saveAccount', { label: 'Office', wsUrl: kamailio.wsUrl, sipUri: 'sip:op910@127.0.0.1', authUser: 'op910', password: 'secret' });
      const campaign = await ok(w, 'campaigns.save', {
        name: 'Опитування',
        purpose: 'survey',
        startsAt: clock.now() - minute,
        mode: 'progressive',
        profile: 'UA',
        ringTimeoutSeconds: 30,
        rules: { retryDelayMinutes },
        operatorIds: [me.id],
        dispositions: [{ label: 'Опитано', kind: 'final', success: true, hotkey: '1' }],
      });
      const person = async (phone: string, i: number) => (await ok(w, 'contacts.create', { lastName: `Клієнт ${i}`, phones: [{ kind: 'mobile', raw: phone }] })).id;
      await ok(w, 'campaigns.addContacts', { campaignId: campaign.id, contactIds: [await person(ringing, 0)] });
      const addedFirst = clock.now();
      await eventually(() => clock.now(), (now) => now > addedFirst, 1_000, 'the clock past the first entry');
      const rest = [];
      for (const [i, phone] of [busy, ...talkers].entries()) rest.push(await person(phone, i + 1));
      await ok(w, 'campaigns.addContacts', { campaignId: campaign.id, contactIds: rest });
      await ok(w, 'campaigns.setState', { id: campaign.id, state: 'running' });
      return campaign.id;
    });

    // Killed while the first number rings at the customer's.
    const first = workingChild(dataDir, campaignId, clock);
    await first.until((line) => line === `dialing ${ringing}`, 'the unanswered number dialed');
    await eventually(() => customers.invites().get(ringing) ?? 0, (n) => n === 1, 10_000, 'the INVITE at the customer');
    await first.kill();
    const left = asLeft((database) => {
      expect(database.read.select().from(campaignAttempts).all()).toEqual([expect.objectContaining({ phone: ringing, state: 'ringing', outcome: null })]);
      return openStates({ database });
    });
    expect(left).toEqual([expect.objectContaining({ state: 'dialing' })]);
    const ringingAttempt = await restarted((w) => {
      expect(openStates(w)).toEqual([]);
      // The operator's last state is closed when the workstation was last known alive, not at the restart.
      expect(w.database.read.select().from(operatorStates).where(eq(operatorStates.id, left[0]!.id)).get()).toMatchObject({ endedAt: left[0]!.updatedAt });
      const [attempt] = attempts(w);
      expect(attempt).toMatchObject({ phone: ringing, state: 'ended', outcome: 'interrupted', answeredAt: null });
      expect(entries(w)[ringing]).toMatchObject({ state: 'waiting', lastOutcome: 'interrupted', attempts: 1 });
      return attempt!;
    });

    // Killed right after its first disposition was written.
    const second = workingChild(dataDir, campaignId, clock);
    const disposedLine = await second.until((line) => line.startsWith('disposed '), 'a conversation disposed of');
    await second.kill();
    const disposedPhone = disposedLine.split(' ')[1]!;
    expect(asLeft((database) => openStates({ database }))).toHaveLength(1);
    await restarted((w) => {
      expect(openStates(w)).toEqual([]);
      const disposition = attempts(w).find((a) => a.phone === disposedPhone);
      expect(disposition).toMatchObject({ outcome: 'reached', dispositionId: expect.any(String) });
      expect(entries(w)[disposedPhone]).toMatchObject({ state: 'done', dispositionId: disposition!.dispositionId });
      // Whatever the kill cut off after it is closed too.
      expect(attempts(w).filter((a) => a.state !== 'ended')).toEqual([]);
    });

    // The rest of the list, until nothing is due.
    const third = workingChild(dataDir, campaignId, clock);
    await third.until((line) => line === 'idle', 'the list worked through');
    await third.kill();
    await restarted((w) => {
      expect(openStates(w)).toEqual([]);
      const all = attempts(w);
      const byPhone = entries(w);
      // No number dialed twice: each has one attempt, and its customer saw at most that one call.
      const invites = customers.invites();
      for (const phone of [ringing, busy, ...talkers]) {
        expect(all.filter((a) => a.phone === phone), phone).toHaveLength(1);
        expect(invites.get(phone) ?? 0, phone).toBeLessThanOrEqual(1);
      }
      for (const attempt of all.filter((a) => a.outcome !== 'interrupted')) expect(invites.get(attempt.phone), attempt.phone).toBe(1);
      // The interrupted attempt's number waits out the retry delay of a failed call.
      expect(byPhone[ringing]).toMatchObject({ state: 'waiting', nextAt: ringingAttempt.startedAt + retryDelayMinutes.failed * minute });
      expect(JSON.parse(byPhone[ringing]!.lastRefusal!)).toMatchObject({ rule: 'retry_delay', params: { outcome: 'failed' } });
      expect(byPhone[busy]).toMatchObject({ state: 'waiting', lastOutcome: 'busy' });
      // Every disposition any child wrote is there.
      const disposed = [...second.lines, ...third.lines].filter((line) => line.startsWith('disposed ')).map((line) => line.split(' ')[1]!);
      for (const phone of disposed) expect(byPhone[phone], phone).toMatchObject({ state: 'done', dispositionId: expect.any(String) });
      const talked = all.filter((a) => a.outcome === 'reached').map((a) => a.phone);
      expect(talked.sort()).toEqual([...disposed].sort());
      expect(all.filter((a) => a.outcome === 'reached').every((a) => a.dispositionId === byPhone[a.phone]!.dispositionId)).toBe(true);
    });
  }, 120_000);
});
