import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '#tests/support/crm';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { runSipp } from '#tests/support/sip/sipp';
import { SipPeer } from '#tests/support/sip/sip-peer';

/** The other party is sipp on the PBX's UDP side (a trunk or a desk phone), not a WebSocket UA. */
describe('calls from sipp through Kamailio', () => {
  const kamailio = new TestKamailio();
  let op: RegisteredWorkstation;
  beforeAll(() => kamailio.start());
  afterAll(() => kamailio.dispose());
  beforeEach(async () => {
    op = await registeredWorkstation(kamailio, 'op800');
    // The operator answers whatever rings.
    op.workstation.events.on('call.ringing', ({ call }) => void ok(op.workstation, 'phone.answer', { callId: call.id }).catch(() => undefined));
  });
  afterEach(() => op.workstation.dispose());

  it('an inbound call from a trunk: matched by P-Asserted-Identity, answered, the caller hangs up, logged', async () => {
    const client = await ok(op.workstation, 'contacts.create', { lastName: 'Сидоренко', firstName: 'Павло', phones: [{ kind: 'mobile', raw: '+380 97 555 12 34' }] });
    const run = await runSipp(kamailio, 'inbound-call.xml', { service: 'op800', keys: { caller: '0975551234', caller_name: 'Pavlo' } });
    expect(run.exitCode, run.output + run.errors).toBe(0);
    const page = await eventually(() => ok(op.workstation, 'calls.history', {}), (p) => p.rows[0]?.disposition === 'answered', 5_000, 'logged call');
    expect(page.rows[0]).toMatchObject({ direction: 'in', contactId: client.id, remoteNumber: '+380975551234', endedBy: 'remote' });
  });

  it('unexpected and malformed messages during a call: each answered sensibly, no crash, the call still logged', async () => {
    const before = (await ok(op.workstation, 'calls.history', {})).total;
    const run = await runSipp(kamailio, 'inbound-unexpected.xml', { service: 'op800', keys: { caller: '0441234567' } });
    expect(run.exitCode, run.output + run.errors).toBe(0);
    const page = await eventually(() => ok(op.workstation, 'calls.history', {}), (p) => p.total === before + 1 && p.rows[0]?.disposition === 'answered', 5_000, 'logged call');
    // A P-Asserted-Identity that is not an address falls back to From.
    expect(page.rows[0]).toMatchObject({ remoteNumber: '+380441234567', endedBy: 'remote' });

    // And the phone still works.
    const bob = new SipPeer('bob801', kamailio.wsUrl);
    await bob.register();
    try {
      const placed = await ok(op.workstation, 'phone.dial', { target: 'bob801' });
      await op.call((c) => c.id === placed.id && c.state === 'active');
      await ok(op.workstation, 'phone.hangup', { callId: placed.id });
    } finally {
      await bob.stop();
    }
    expect(op.workstation.phone.status.current.registration).toBe('registered');
  });
});
