import { describe, expect, it } from 'vitest';
import { answerDirection, audioProblem, directionOf, withDirection } from '#core/telephony/media/sdp';
import { reconnectDelayMs } from '#core/telephony/sip/sip-account';

const offer = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 4000 RTP/AVP 0', 'a=sendonly', ''].join('\r\n');

describe('SDP directions for hold and resume (RFC 3264)', () => {
  it('reads the audio direction, media level first, sendrecv by default', () => {
    expect(directionOf(offer)).toBe('sendonly');
    expect(directionOf(offer.replace('a=sendonly\r\n', ''))).toBe('sendrecv');
    expect(directionOf(['v=0', 'a=inactive', 'm=audio 4000 RTP/AVP 0', ''].join('\n'))).toBe('inactive');
  });

  it('answers a hold with recvonly, and holds back when we hold too', () => {
    expect(answerDirection('sendonly')).toBe('recvonly');
    expect(answerDirection('sendrecv')).toBe('sendrecv');
    expect(answerDirection('sendrecv', true)).toBe('sendonly');
    expect(answerDirection('sendonly', true)).toBe('inactive');
  });

  it('rewrites the direction of every audio stream', () => {
    const resumed = withDirection(offer, 'sendrecv');
    expect(directionOf(resumed)).toBe('sendrecv');
    expect(resumed.match(/a=(sendrecv|sendonly)/g)).toEqual(['a=sendrecv']);
  });

  it('says why an SDP cannot carry audio', () => {
    expect(audioProblem(offer)).toBeNull();
    expect(audioProblem('garbage')).toBe('not a session description');
    expect(audioProblem('v=0\r\ns=-\r\nt=0 0\r\n')).toBe('no audio stream offered');
    expect(audioProblem('v=0\r\nm=audio 0 RTP/AVP 0\r\n')).toBe('no audio stream offered');
  });
});

describe('reconnecting to the PBX', () => {
  it('retries quickly at first (a PBX restart takes seconds), then backs off to 15 s', () => {
    expect(reconnectDelayMs(0)).toBe(250);
    expect(reconnectDelayMs(1)).toBe(500);
    expect(reconnectDelayMs(5)).toBe(1_000);
    expect(reconnectDelayMs(29)).toBe(1_000);
    expect(reconnectDelayMs(31)).toBe(2_000);
    expect(reconnectDelayMs(100)).toBe(15_000);
  });
});
