import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { tempDirOutsideTest } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';
import { malformedInvites, plainSdp, UdpCaller } from '#tests/support/sip/udp-caller';

const cleanCaller = '+380671112233';

/** A broken or hostile trunk behind the PBX: malformed INVITEs, each followed by a clean one that must ring. */
describe('malformed SIP through Kamailio', () => {
  const kamailio = new TestKamailio();
  const data = tempDirOutsideTest();
  let op: RegisteredWorkstation;
  let caller: UdpCaller;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    await kamailio.start();
    op = await registeredWorkstation(kamailio, 'op900', {}, (options) => createSuiteWorkstation(data.path, options));
    caller = new UdpCaller(kamailio.udpPort, 'op900');
    await caller.start();
  });

  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    await caller.stop();
    await op.workstation.dispose();
    await kamailio.dispose();
    data.remove();
  });

  const ringing = () => op.workstation.phone.registry.list().filter((c) => c.state === 'ringing_in');
  /** Calls the history still shows as ringing or in progress. */
  const openRows = () => op.workstation.database.read.get<{ n: number }>(sql`SELECT count(*) AS n FROM calls WHERE disposition IN ('ringing', 'active')`)?.n ?? 0;

  it.each(malformedInvites().map((c) => [c.name, c] as const))('%s: no crash, the caller gives up, the next clean call rings', async (_name, crafted) => {
    const bad = caller.invite(crafted);
    await new Promise((resolve) => setTimeout(resolve, 300));
    caller.cancel(bad);

    const clean = caller.invite({ name: 'clean', headers: { From: `"Clean" <sip:${cleanCaller}@127.0.0.1>;tag=clean` }, body: plainSdp });
    await eventually(ringing, (calls) => calls.some((c) => c.remoteNumber === cleanCaller), 10_000, 'the clean call ringing');
    caller.cancel(clean);
    // Whoever gave up is not left ringing on screen: neither the clean call nor the malformed one.
    await eventually(ringing, (calls) => calls.length === 0, 10_000, 'nothing left ringing');
    await eventually(openRows, (n) => n === 0, 5_000, 'no call left ringing in the history');
    expect(crashes).toEqual([]);
    expect(op.workstation.phone.status.current.registration).toBe('registered');
  });

  it('answers an oversized INVITE with 513 and a tel: caller with a ringing call', async () => {
    const big = caller.invite({ name: 'big', headers: { 'X-Padding': 'x'.repeat(20_000) } });
    await eventually(() => big.statuses, (s) => s.includes(513), 5_000, '513 Message Too Large');
    const tel = caller.invite({ name: 'tel', headers: { From: '<tel:+7-343-288-22-10>;tag=tel9' }, body: plainSdp });
    const call = await eventually(ringing, (calls) => calls.some((c) => c.remoteNumber === '+73432882210'), 10_000, 'the tel: call ringing');
    expect(call.length).toBe(1);
    caller.cancel(tel);
    await eventually(ringing, (calls) => calls.length === 0, 10_000, 'nothing left ringing');
  });

  it('records a refused INVITE as a missed call with the caller it named', async () => {
    const before = (await ok(op.workstation, 'calls.history', {})).total;
    caller.invite({ name: 'big', headers: { From: '"Trunk" <sip:+380441234567@127.0.0.1>;tag=m1', 'X-Padding': 'y'.repeat(20_000) } });
    const page = await eventually(() => ok(op.workstation, 'calls.history', {}), (p) => p.total > before, 5_000, 'the refused call in the history');
    expect(page.rows[0]).toMatchObject({ direction: 'in', disposition: 'missed', remoteNumber: '+380441234567' });
  });

  it('ends a call that was ringing when the link to the PBX died, as missed', async () => {
    const sent = caller.invite({ name: 'doomed', headers: { From: `"Doomed" <sip:+380509998877@127.0.0.1>;tag=doom` }, body: plainSdp });
    await eventually(ringing, (calls) => calls.some((c) => c.remoteNumber === '+380509998877'), 10_000, 'ringing');
    await kamailio.stop();
    caller.cancel(sent);
    const ended = await op.call((c) => c.remoteNumber === '+380509998877' && c.state === 'ended');
    expect(ended.detail).toMatch(/connection to the PBX was lost/);
    await kamailio.start();
    await eventually(() => op.workstation.phone.status.current.registration, (r) => r === 'registered', 15_000, 'registered again');
    const page = await ok(op.workstation, 'calls.history', {});
    expect(page.rows.find((r) => r.remoteNumber === '+380509998877')).toMatchObject({ disposition: 'missed' });
  });
});
