import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MediaRequest } from '#contract';
import { sequentialIds } from '#core/shared/ids';
import { RendererMediaPeer } from '#core/telephony/media/renderer-media-peer';

/** The peer with a window attached; what it asks the window is kept in `asked`. */
function attachedPeer(limits: { timeoutMs?: number; detectionTimeoutMs?: number } = {}) {
  const asked: MediaRequest[] = [];
  const peer = new RendererMediaPeer({ ids: sequentialIds('req'), emit: (request) => asked.push(request), iceServers: () => [], ...limits });
  peer.attach('window-1');
  return { peer, asked };
}

describe('the window as the media peer: answering-machine verdicts and recorded messages', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks the attached window for a verdict on the call and gives back what it decided', async () => {
    const { peer, asked } = attachedPeer();
    const verdict = peer.detectMachine('call-1');
    expect(asked).toEqual([{ requestId: 'req-000001', clientId: 'window-1', callId: 'call-1', op: 'detect_machine' }]);
    peer.reply('req-000001', { verdict: 'machine', afterMs: 1_540 });
    await expect(verdict).resolves.toEqual({ verdict: 'machine', afterMs: 1_540 });
  });

  it('sends the message as base64 and resolves once the window says it has played', async () => {
    const { peer, asked } = attachedPeer();
    const message = Buffer.from('RIFF....WAVEfmt ');
    const played = peer.play('call-2', message);
    expect(asked[0]).toMatchObject({ callId: 'call-2', op: 'play', audioBase64: message.toString('base64') });
    peer.reply(asked[0]!.requestId, { played: true, ms: 4_000 });
    await expect(played).resolves.toBeUndefined();
  });

  it('fails with the window’s reason, or when the window gives no verdict at all', async () => {
    const { peer, asked } = attachedPeer();
    const undecodable = peer.play('call-3', Buffer.from('not audio'));
    peer.reply(asked[0]!.requestId, { error: 'Unable to decode audio data' });
    await expect(undecodable).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_failed', params: { detail: 'Unable to decode audio data' } });
    const empty = peer.detectMachine('call-3');
    peer.reply(asked[1]!.requestId, {});
    await expect(empty).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_failed' });
  });

  it('says no window handles the audio when none is attached', async () => {
    const { peer } = attachedPeer();
    peer.detach('window-1');
    await expect(peer.detectMachine('call-4')).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_unavailable' });
    await expect(peer.play('call-4', Buffer.alloc(0))).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_unavailable' });
  });

  it('gives detection its own time limit, longer than an SDP answer’s', async () => {
    vi.useFakeTimers();
    const { peer, asked } = attachedPeer({ timeoutMs: 100, detectionTimeoutMs: 6_000 });
    const offer = peer.offer('call-5', { hold: false });
    const verdict = peer.detectMachine('call-5');
    const outcomes = [offer, verdict].map((p) => p.then(() => 'answered', (error: Error) => error.message));
    vi.advanceTimersByTime(5_000);
    peer.reply(asked[1]!.requestId, { verdict: 'human', afterMs: 900 });
    await expect(Promise.all(outcomes)).resolves.toEqual(['The workplace window did not prepare the call audio in time', 'answered']);
    const late = peer.detectMachine('call-5').catch((error: Error) => error.message);
    vi.advanceTimersByTime(6_000);
    await expect(late).resolves.toBe('The workplace window gave no answering-machine verdict in time');
  });
});
