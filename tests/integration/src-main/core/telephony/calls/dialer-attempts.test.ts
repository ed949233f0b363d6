import { afterEach, describe, expect, it } from 'vitest';
import type { CallInfo } from '#contract';
import type { Disposition } from '#core/telephony/call-log';
import { ok } from '#tests/support/crm';
import { eventually, registeredWorkstation, type RegisteredWorkstation } from '#tests/support/sip/phone-harness';
import { useTestPbx } from '#tests/support/sip/test-pbx';

describe('calls a dialer places, through a real Kamailio', () => {
  const { kamailio, peer } = useTestPbx();
  const stations: RegisteredWorkstation[] = [];
  afterEach(async () => {
    for (const station of stations.splice(0)) await station.workstation.dispose();
  });

  async function operator(user: string) {
    const station = await registeredWorkstation(kamailio, user);
    stations.push(station);
    return station;
  }

  /** What the dialer hears of one attempt. */
  function attemptLog() {
    const heard: { event: string; call: CallInfo; disposition?: Disposition }[] = [];
    return {
      heard,
      hooks: {
        earlyMedia: (call: CallInfo) => heard.push({ event: 'early', call }),
        answered: (call: CallInfo) => heard.push({ event: 'answered', call }),
        ended: (call: CallInfo, disposition: Disposition) => heard.push({ event: 'ended', call, disposition }),
      },
    };
  }

  it('places several attempts at once with their headers, without holding the operator’s call, and hands an answer over', async () => {
    const op = await operator('op810');
    await peer('bob810');
    const customers = [await peer('cust811'), await peer('cust812')];
    const placed = await ok(op.workstation, 'phone.dial', { target: 'bob810' });
    await op.call((c) => c.id === placed.id && c.state === 'active');

    const logs = customers.map(() => attemptLog());
    const attempts = customers.map((customer, i) =>
      op.workstation.phone.attempts.place({
        accountId: op.account.id,
        target: customer.user,
        contactId: null,
        ringTimeoutMs: 20_000,
        headers: ['X-Campaign-Id: spring-offer', 'P-Preferred-Identity: <sip:+380441234567@127.0.0.1>'],
        hooks: logs[i]!.hooks,
      }),
    );
    for (const log of logs) await eventually(() => log.heard.map((h) => h.event), (events) => events.includes('answered'), 10_000, 'attempt answered');
    for (const customer of customers) {
      const invite = customer.invitations[0]!.request;
      expect(invite.getHeader('X-Campaign-Id')).toBe('spring-offer');
      expect(invite.getHeader('P-Preferred-Identity')).toBe('<sip:+380441234567@127.0.0.1>');
    }
    // The operator's own call went on as it was.
    expect(op.workstation.phone.registry.list().find((c) => c.id === placed.id)?.state).toBe('active');

    // The first answer is handed to the operator: now the earlier call waits on hold.
    await op.workstation.phone.attempts.handOver(attempts[0]!.id);
    await op.call((c) => c.id === placed.id && c.state === 'held');
    await ok(op.workstation, 'phone.hangup', { callId: attempts[1]!.id });
    await eventually(() => logs[1]!.heard.find((h) => h.event === 'ended'), (h) => h !== undefined, 10_000, 'second attempt ended');
    expect(logs[1]!.heard.find((h) => h.event === 'ended')?.disposition).toBe('answered');
  });

  it('gives up an attempt nobody answers after its own ring timeout, in the history as not answered', async () => {
    const op = await operator('op820');
    const silent = await peer('cust820');
    silent.onInvite = 'ring';
    const log = attemptLog();
    const attempt = op.workstation.phone.attempts.place({ accountId: op.account.id, target: 'cust820', contactId: null, ringTimeoutMs: 1_500, headers: [], hooks: log.hooks });
    const ended = await eventually(() => log.heard.find((h) => h.event === 'ended'), (h) => h !== undefined, 10_000, 'attempt ended');
    expect(ended).toMatchObject({ disposition: 'no_answer', call: { id: attempt.id, endedBy: 'system', detail: 'No answer in 2 s' } });
    const page = await ok(op.workstation, 'calls.history', {});
    expect(page.rows.find((r) => r.id === attempt.interactionId)).toMatchObject({ disposition: 'no_answer', endedBy: 'system' });
  });

  it('hears the busy signal as busy', async () => {
    const op = await operator('op830');
    const busy = await peer('cust830');
    busy.onInvite = 'busy';
    const log = attemptLog();
    op.workstation.phone.attempts.place({ accountId: op.account.id, target: 'cust830', contactId: null, ringTimeoutMs: 10_000, headers: [], hooks: log.hooks });
    const ended = await eventually(() => log.heard.find((h) => h.event === 'ended'), (h) => h !== undefined, 10_000, 'attempt ended');
    expect(ended?.disposition).toBe('busy');
  });
});
