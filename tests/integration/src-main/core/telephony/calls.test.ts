import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestKamailio } from '#tests/support/sip/kamailio';
import { registeredWorkstation } from '#tests/support/sip/phone-harness';
import { SipPeer } from '#tests/support/sip/sip-peer';
import { ok } from '#tests/support/crm';

describe('calls through a real Kamailio', () => {
  const kamailio = new TestKamailio();
  const peers: SipPeer[] = [];
  beforeAll(() => kamailio.start());
  afterAll(() => kamailio.dispose());
  afterEach(async () => {
    for (const peer of peers.splice(0)) await peer.stop();
  });

  async function peer(user: string): Promise<SipPeer> {
    const p = new SipPeer(user, kamailio.wsUrl);
    peers.push(p);
    await p.register();
    return p;
  }

  it('places an outbound call, the other side answers, we hang up', async () => {
    const ws = await registeredWorkstation(kamailio, 'op501');
    const bob = await peer('bob501');
    await ok(ws.workstation, 'phone.dial', { target: 'bob501' });
    const active = await ws.call((c) => c.state === 'active').catch((e) => { console.log(JSON.stringify(ws.updates), kamailio.output.slice(-3000)); throw e; });
    expect(active.direction).toBe('out');
    await ok(ws.workstation, 'phone.hangup', { callId: active.id });
    await ws.call((c) => c.state === 'ended');
    expect(bob.invitations).toHaveLength(1);
  });
});
