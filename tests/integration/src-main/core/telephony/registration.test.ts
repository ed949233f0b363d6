import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '#tests/support/sip/kamailio';
import { eventually, registeredWorkstation } from '#tests/support/sip/phone-harness';
import { SilentLink } from '#tests/support/sip/silent-link';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { ok } from '#tests/support/crm';
import { createTestWorkstation } from '#tests/support/workstation';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';

describe('SIP registration against a real Kamailio', () => {
  const { kamailio, peer } = useTestPbx();

  it('registers, shows it, and keeps the password out of the database', async () => {
    const { workstation, statuses } = await registeredWorkstation(kamailio);
    expect(statuses.map((s) => s.registration)).toEqual(expect.arrayContaining(['connecting', 'registering', 'registered']));
    expect(workstation.phone.status.current).toMatchObject({ registration: 'registered', account: { label: 'Office' } });
    expect((await ok(workstation, 'phone.accounts', {}))[0]).toMatchObject({ hasPassword: true, wsUrl: kamailio.wsUrl });
    workstation.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(workstation.database.file).toString('latin1');
    expect(bytes).not.toContain('secret');
    expect(readFileSync(join(workstation.database.file, '..', 'secrets.json'), 'utf8')).not.toContain('secret');
  });

  it('says plainly why a test connection fails: wrong password, forbidden, nobody listening', async () => {
    const workstation = createTestWorkstation({ media: new StaticMediaPeer() });
    const base = { label: 'Test', wsUrl: kamailio.wsUrl, sipUri: 'sip:op201@127.0.0.1' };
    expect(await ok(workstation, 'phone.testAccount', { ...base, password: 'secret' })).toMatchObject({ ok: true });
    expect(await ok(workstation, 'phone.testAccount', { ...base, password: 'wrong' })).toMatchObject({ ok: false, problem: 'unauthorized', detail: expect.stringMatching(/^401/) });
    expect(await ok(workstation, 'phone.testAccount', { ...base, sipUri: 'sip:banned@127.0.0.1', password: 'secret' })).toMatchObject({ ok: false, problem: 'forbidden' });
    const closed = await freePort();
    expect(await ok(workstation, 'phone.testAccount', { ...base, wsUrl: `ws://127.0.0.1:${closed}`, password: 'secret' })).toMatchObject({ ok: false, problem: 'refused' });
  });

  it('shows failed (and does not hammer the PBX) when the password is wrong', async () => {
    const workstation = createTestWorkstation({ media: new StaticMediaPeer() });
    await ok(workstation, 'phone.saveAccount', { label: 'Office', wsUrl: kamailio.wsUrl, sipUri: 'sip:op301@127.0.0.1', password: 'wrong' });
    const status = await eventually(() => workstation.phone.status.current, (s) => s.registration === 'failed', 10_000, 'failed');
    expect(status.detail).toMatch(/^401/);
  });

  it('goes offline within 10 s when the PBX dies, registers again by itself when it is back, and calls work afterwards', async () => {
    const { workstation, statuses, call } = await registeredWorkstation(kamailio, 'op401');
    const bob = await peer('bob401');

    await kamailio.stop();
    const downAt = Date.now();
    await eventually(() => workstation.phone.status.current.registration, (r) => r === 'offline', 10_000, 'offline');
    expect(Date.now() - downAt).toBeLessThan(10_000);

    await kamailio.start();
    await eventually(() => workstation.phone.status.current.registration, (r) => r === 'registered', 10_000, 'registered again');
    expect(statuses.map((s) => s.registration).filter((r, i, all) => r !== all[i - 1])).toEqual(expect.arrayContaining(['offline', 'connecting', 'registering', 'registered']));

    // The peer's registration went with the old Kamailio too.
    await bob.stop();
    await peer('bob401');
    await ok(workstation, 'phone.dial', { target: 'bob401' });
    const active = await call((c) => c.state === 'active');
    expect(active.direction).toBe('out');
    await ok(workstation, 'phone.hangup', { callId: active.id });
    await call((c) => c.state === 'ended');
  });

  it('notices a link that died silently (no FIN) by its keep-alive, shows offline, and registers again when the network is back', async () => {
    const link = new SilentLink(kamailio.wsPort);
    await link.start();
    try {
      const { workstation } = await registeredWorkstation({ wsUrl: link.wsUrl }, 'op501');
      link.goSilent();
      const silentAt = Date.now();
      await eventually(() => workstation.phone.status.current.registration, (r) => r === 'offline', 10_000, 'offline');
      // Two keep-alive intervals (1 s here; 4 s by default, still well within 10 s).
      expect(Date.now() - silentAt).toBeLessThan(5_000);
      expect(workstation.phone.status.current.detail).toMatch(/lost|closed/);
      link.restore();
      await eventually(() => workstation.phone.status.current.registration, (r) => r === 'registered', 10_000, 'registered again');
    } finally {
      await link.stop();
    }
  });
});
