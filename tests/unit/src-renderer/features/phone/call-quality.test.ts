import { describe, expect, it } from 'vitest';
import { estimateMos, qualityOf } from '#renderer/features/phone/media/call-quality';

describe('call quality from getStats', () => {
  it('estimates MOS with the E-model: a clean line is excellent, delay and loss pull it down', () => {
    expect(estimateMos(20, 2, 0)).toBeGreaterThan(4.3);
    expect(estimateMos(400, 30, 0)).toBeLessThan(estimateMos(50, 5, 0));
    expect(estimateMos(50, 5, 10)).toBeLessThan(3.6);
    expect(estimateMos(2_000, 500, 60)).toBe(1);
  });

  it('reads jitter, loss and round trip of the audio streams of one report', () => {
    const sample = qualityOf([
      { type: 'inbound-rtp', kind: 'audio', jitter: 0.012, packetsLost: 5, packetsReceived: 495 },
      { type: 'outbound-rtp', kind: 'audio', packetsSent: 500 },
      { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.08 },
      { type: 'inbound-rtp', kind: 'video', jitter: 1, packetsLost: 1000, packetsReceived: 1 },
      { type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.5 },
    ]);
    expect(sample).toMatchObject({ jitterMs: 12, packetLossPercent: 1, roundTripMs: 80, packetsReceived: 495, packetsSent: 500 });
    expect(sample.mos).toBeGreaterThan(4);
  });

  it('falls back to the candidate pair’s round trip and reports zero loss before any packet', () => {
    const sample = qualityOf([{ type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.03 }]);
    expect(sample).toMatchObject({ roundTripMs: 30, packetLossPercent: 0, packetsReceived: 0 });
  });
});
