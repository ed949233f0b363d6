import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { methodNames, type MethodName } from '#contract';
import { sipAccounts } from '#core/db/schema';
import { createStreamLogger } from '#core/shared/logger';
import { ok } from '#tests/support/crm';
import { tempDir } from '#tests/support/temp-dir';
import { createTestWorkstation } from '#tests/support/workstation';
import { jobFinished } from '#tests/support/transfers';

const sipPassword = 'sip-Pa55-uniq-7731';
const turnPassword = 'turn-Cred-uniq-4419';
const secrets = [sipPassword, turnPassword];

/** Every file under the data folder except the sealed secret store itself, as bytes. */
function dataFiles(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...dataFiles(path));
    else out.push({ path, bytes: readFileSync(path) });
  }
  return out;
}

const leaks = (text: string) => secrets.filter((s) => text.includes(s));
/** Not a method to call blindly: it fills the workplace with demo data. */
const skipped = new Set<MethodName>(['demo.seed']);

describe('secrets never at rest in clear, never in an answer', () => {
  it('keeps SIP and TURN passwords out of the database, WAL, logs, exports and every API answer', async () => {
    const dataDir = tempDir();
    const log: string[] = [];
    const workstation = createTestWorkstation({ dataDir, logger: createStreamLogger('debug', (line) => log.push(line)) });
    const answers: string[] = [];
    const call = async (method: string, input: unknown) => answers.push(JSON.stringify(await workstation.dispatch(method, input, { origin: 'test' })));

    const account = await ok(workstation, 'phone.saveAccount', {
      label: 'Office',
      wsUrl: 'ws://127.0.0.1:9',
      sipUri: 'sip:101@pbx.example.com',
      password: sipPassword,
      iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'office', credential: turnPassword }],
    });
    answers.push(JSON.stringify(account));
    expect(account.iceServers).toEqual([{ urls: 'turn:turn.example.com:3478', username: 'office', hasCredential: true }]);
    // The media engine still gets the TURN password for its peer connections.
    expect(workstation.phone.accounts.store.allIceServers()).toEqual([{ urls: 'turn:turn.example.com:3478', username: 'office', credential: turnPassword }]);

    await ok(workstation, 'contacts.create', { lastName: 'Коваль', firstName: 'Ірина', phones: [{ kind: 'mobile', raw: '0671234567' }] });
    const started = await ok(workstation, 'exports.start', { format: 'csv' });
    expect((await jobFinished(workstation, started.jobId)).state).toBe('done');
    for (const method of methodNames) if (!skipped.has(method)) await call(method, {});
    await call('phone.accounts', {});
    await call('phone.status', {});

    workstation.database.sqlite.pragma('wal_checkpoint(PASSIVE)');
    const files = dataFiles(dataDir).filter((f) => !/secrets\.(json|key)$/.test(f.path));
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining([expect.stringMatching(/workstation\.sqlite$/), expect.stringMatching(/\.sqlite-wal$/), expect.stringMatching(/transfers\/.+\.data$/)]));
    for (const file of files) expect(leaks(file.bytes.toString('latin1')), file.path).toEqual([]);
    expect(leaks(readFileSync(join(dataDir, 'secrets.json'), 'utf8')), 'the sealed store is encrypted').toEqual([]);
    expect(leaks(log.join('\n'))).toEqual([]);
    expect(answers.filter((a) => leaks(a).length > 0)).toEqual([]);
    expect(answers.length).toBeGreaterThan(methodNames.length);
  });

  it('keeps a stored TURN password when the account is saved again without it, and removes it when asked', async () => {
    const workstation = createTestWorkstation();
    const base = { label: 'Office', wsUrl: 'ws://127.0.0.1:9', sipUri: 'sip:101@pbx.example.com' };
    const saved = await ok(workstation, 'phone.saveAccount', { ...base, iceServers: [{ urls: 'turn:t.example.com', username: 'u', credential: turnPassword }] });
    await ok(workstation, 'phone.saveAccount', { ...base, id: saved.id, iceServers: [{ urls: 'turn:t.example.com', username: 'u' }] });
    expect(workstation.phone.accounts.store.allIceServers()[0]?.credential).toBe(turnPassword);
    const cleared = await ok(workstation, 'phone.saveAccount', { ...base, id: saved.id, iceServers: [{ urls: 'turn:t.example.com', username: 'u', credential: '' }] });
    expect(cleared.iceServers[0]?.hasCredential).toBe(false);
    expect(workstation.phone.accounts.store.allIceServers()[0]?.credential).toBeUndefined();
  });

  it('moves a TURN password an earlier version stored in the database into the secret store, and scrubs it from the file', async () => {
    const dataDir = tempDir();
    const first = createTestWorkstation({ dataDir });
    const saved = await ok(first, 'phone.saveAccount', { label: 'Office', wsUrl: 'ws://127.0.0.1:9', sipUri: 'sip:101@pbx.example.com' });
    // What the previous release wrote: the credential inside the ice_servers JSON.
    first.database.write((tx) =>
      tx.update(sipAccounts).set({ iceServers: JSON.stringify([{ urls: 'turn:old.example.com', username: 'legacy', credential: turnPassword }]) }).where(eq(sipAccounts.id, saved.id)).run(),
    );
    await first.dispose();

    const second = createTestWorkstation({ dataDir });
    expect((await ok(second, 'phone.accounts', {}))[0]?.iceServers).toEqual([{ urls: 'turn:old.example.com', username: 'legacy', hasCredential: true }]);
    expect(second.phone.accounts.store.allIceServers()[0]?.credential).toBe(turnPassword);
    const file = second.database.file;
    for (const path of [file, `${file}-wal`]) if (existsSync(path)) expect(leaks(readFileSync(path).toString('latin1')), path).toEqual([]);
  });
});
