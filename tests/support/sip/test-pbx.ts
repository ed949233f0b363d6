import { afterAll, afterEach, beforeAll } from 'vitest';
import { TestKamailio, type KamailioOptions } from './kamailio';
import { SipPeer } from './sip-peer';

/**
 * A Kamailio for the enclosing describe block (started before its tests, stopped after them) and the
 * other party's SIP phones, each stopped after the test that made it.
 */
export function useTestPbx(options: KamailioOptions = {}) {
  const kamailio = new TestKamailio(options);
  const peers: SipPeer[] = [];
  beforeAll(() => kamailio.start());
  afterAll(() => kamailio.dispose());
  afterEach(async () => {
    for (const peer of peers.splice(0)) await peer.stop();
  });
  return {
    kamailio,
    /** A SIP phone for `user`, registered at the PBX. */
    async peer(user: string): Promise<SipPeer> {
      const peer = new SipPeer(user, kamailio.wsUrl);
      peers.push(peer);
      await peer.register();
      return peer;
    },
  };
}
