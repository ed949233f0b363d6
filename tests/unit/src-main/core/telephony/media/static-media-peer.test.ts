import { describe, expect, it } from 'vitest';
import { StaticMediaPeer } from '#core/telephony/media/static-media-peer';

describe('the static media peer (a phone without a window)', () => {
  it('hears nothing and plays nothing: it says so rather than inventing a verdict', async () => {
    const peer = new StaticMediaPeer();
    await expect(peer.detectMachine()).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_unavailable' });
    await expect(peer.play()).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_unavailable' });
  });

  it('takes a dialer’s call off and back on without complaint: there is nothing to hear or send either way', async () => {
    const peer = new StaticMediaPeer();
    await expect(peer.listen()).resolves.toBeUndefined();
  });
});
