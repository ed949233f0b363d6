import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhoneStatus } from '#contract';
import { silentLogger } from '#core/shared/logger';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';
import { MediaSdh } from '#core/telephony/sip/media-sdh';
import { SipAccount } from '#core/telephony/sip/sip-account';
import { maxSipFrameBytes } from '#core/telephony/sip/ws-transport';
import { namedBadFrames, randomFrames } from '#tests/support/fuzz/ws-frames';
import { FakePbx } from '#tests/support/sip/fake-pbx';
import { eventually } from '#tests/support/sip/phone-harness';

describe('SIP transport under malformed frames from the PBX', () => {
  const pbx = new FakePbx();
  let account: SipAccount;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  const statuses: PhoneStatus['registration'][] = [];

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    const url = await pbx.start();
    const media = new StaticMediaPeer();
    account = new SipAccount(
      { id: 'fuzz', label: 'Fuzz', wsUrl: url, sipUri: 'sip:fuzz@127.0.0.1', authUser: 'fuzz', password: 'secret', displayName: '', record: false, consentAnnouncement: false },
      {
        clock: { now: () => Date.now() },
        logger: silentLogger,
        onStatus: (status) => statuses.push(status.registration),
        onInvite: (invitation) => void invitation.reject(),
        sdhFactory: (session) => new MediaSdh(() => session.id, media),
        // Short, so a frame that leaves the link hung (a partial header) is noticed within two pings.
        keepAliveMs: 1_000,
      },
    );
    await account.start();
    await eventually(() => account.registered, (r) => r, 5_000, 'first registration');
  });

  afterAll(async () => {
    process.off('uncaughtException', onCrash);
    await account.dispose();
    await pbx.stop();
  });

  /** A bad frame costs a reconnect: the account is registered again, on a new connection. */
  async function survives(bytes: Buffer, expectReconnect: boolean): Promise<void> {
    const before = pbx.registrations;
    const connections = pbx.connections;
    expect(pbx.inject(bytes)).toBe(1);
    if (expectReconnect) {
      await eventually(() => pbx.connections > connections && pbx.registrations > before && account.registered, (ok) => ok, 10_000, 'registration after a bad frame');
    } else {
      await new Promise((resolve) => setTimeout(resolve, 30));
      await eventually(() => account.registered, (ok) => ok, 10_000, 'still registered');
    }
    expect(crashes).toEqual([]);
  }

  it.each(namedBadFrames(false, maxSipFrameBytes).map((c) => [c.name, c] as const))('reconnects and registers again after %s', async (_name, testCase) => {
    await survives(testCase.bytes, true);
    expect(statuses).toContain('offline');
  });

  it('stays up through 100 random frames, registered again after each', async () => {
    for (const testCase of randomFrames(100, 4242, false)) {
      // Each frame meets a registered account on a live connection.
      await eventually(() => account.registered && pbx.inject(Buffer.alloc(0)) === 1, (ok) => ok, 10_000, 'registered before the next frame');
      pbx.inject(testCase.bytes);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(crashes).toEqual([]);
    await eventually(() => account.registered, (ok) => ok, 10_000, 'registered at the end');
  });
});
