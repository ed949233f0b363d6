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

describe('the window as the media peer: whether the operator is on a call', () => {
  it('makes a call the operator is not on from its first offer, and every offer or answer after keeps to it', async () => {
    const { peer, asked } = attachedPeer();
    await peer.listen('call-1', false);
    // Nothing to switch before the call has audio: the offer carries it.
    expect(asked).toEqual([]);
    const offer = peer.offer('call-1', { hold: false });
    expect(asked[0]).toMatchObject({ callId: 'call-1', op: 'offer', listen: false });
    peer.reply(asked[0]!.requestId, { sdp: 'v=0' });
    await offer;
    const answer = peer.answer('call-1', 'v=0', { hold: true });
    expect(asked[1]).toMatchObject({ callId: 'call-1', op: 'answer', hold: true, listen: false });
    peer.reply(asked[1]!.requestId, { sdp: 'v=0' });
    await answer;
  });

  it('switches a call with audio on in the window, and its later offers are the operator’s', async () => {
    const { peer, asked } = attachedPeer();
    await peer.listen('call-2', false);
    const offer = peer.offer('call-2', { hold: false });
    peer.reply(asked[0]!.requestId, { sdp: 'v=0' });
    await offer;
    const on = peer.listen('call-2', true);
    expect(asked[1]).toEqual({ requestId: 'req-000002', clientId: 'window-1', callId: 'call-2', op: 'listen', listen: true });
    peer.reply('req-000002', {});
    await on;
    // A window reloaded mid-call renegotiates: its offer is made for the operator.
    peer.attach('window-2');
    void peer.offer('call-2', { hold: true }).catch(() => undefined);
    expect(asked[2]).toMatchObject({ clientId: 'window-2', op: 'offer', hold: true, listen: true });
  });

  it('offers other calls for the operator, and forgets a closed call’s setting', async () => {
    const { peer, asked } = attachedPeer();
    void peer.offer('call-3', { hold: false }).catch(() => undefined);
    expect(asked[0]).toMatchObject({ op: 'offer', listen: true });
    await peer.listen('call-4', false);
    peer.close('call-4');
    void peer.offer('call-4', { hold: false }).catch(() => undefined);
    expect(asked.at(-1)).toMatchObject({ callId: 'call-4', op: 'offer', listen: true });
  });

  it('fails the switch with the window’s reason, or when no window handles the audio', async () => {
    const { peer, asked } = attachedPeer();
    void peer.offer('call-5', { hold: false }).catch(() => undefined);
    const on = peer.listen('call-5', true);
    peer.reply(asked[1]!.requestId, { error: 'no audio for this call' });
    await expect(on).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_failed', params: { detail: 'no audio for this call' } });
    peer.detach('window-1');
    await expect(peer.listen('call-5', false)).rejects.toMatchObject({ code: 'unavailable', reason: 'call_audio_unavailable' });
  });
});
