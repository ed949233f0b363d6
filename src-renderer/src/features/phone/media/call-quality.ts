/** What getStats says about one call's audio, boiled down to what an operator and a report need. */
export interface QualitySample {
  jitterMs: number;
  packetLossPercent: number;
  roundTripMs: number;
  mos: number;
  packetsReceived: number;
  packetsSent: number;
}

/**
 * Mean opinion score (1–4.5) estimated from delay, jitter and loss with the simplified E-model
 * (ITU-T G.107) that VoIP monitors use: latency and loss lower the R factor, R maps to MOS.
 */
export function estimateMos(roundTripMs: number, jitterMs: number, packetLossPercent: number): number {
  const latency = roundTripMs / 2 + jitterMs * 2 + 10;
  let r = latency < 160 ? 93.2 - latency / 40 : 93.2 - (latency - 120) / 10;
  r -= packetLossPercent * 2.5;
  r = Math.max(0, Math.min(100, r));
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.max(1, Math.min(4.5, mos)) * 100) / 100;
}

interface StatsLike {
  type: string;
  kind?: string;
  jitter?: number;
  packetsLost?: number;
  packetsReceived?: number;
  packetsSent?: number;
  roundTripTime?: number;
  currentRoundTripTime?: number;
  state?: string;
  nominated?: boolean;
}

/** Reads one getStats() report (audio only). */
export function qualityOf(report: Iterable<StatsLike>): QualitySample {
  let jitter = 0;
  let lost = 0;
  let received = 0;
  let sent = 0;
  let rtt: number | undefined;
  let pairRtt: number | undefined;
  for (const stat of report) {
    if (stat.type === 'inbound-rtp' && stat.kind === 'audio') {
      jitter = Math.max(jitter, stat.jitter ?? 0);
      lost += Math.max(0, stat.packetsLost ?? 0);
      received += stat.packetsReceived ?? 0;
    } else if (stat.type === 'outbound-rtp' && stat.kind === 'audio') {
      sent += stat.packetsSent ?? 0;
    } else if (stat.type === 'remote-inbound-rtp' && stat.kind === 'audio' && stat.roundTripTime !== undefined) {
      rtt = stat.roundTripTime;
    } else if (stat.type === 'candidate-pair' && stat.state === 'succeeded' && stat.nominated && stat.currentRoundTripTime !== undefined) {
      pairRtt = stat.currentRoundTripTime;
    }
  }
  const jitterMs = jitter * 1000;
  const roundTripMs = (rtt ?? pairRtt ?? 0) * 1000;
  const packetLossPercent = received + lost > 0 ? (lost / (received + lost)) * 100 : 0;
  return { jitterMs, packetLossPercent, roundTripMs, mos: estimateMos(roundTripMs, jitterMs, packetLossPercent), packetsReceived: received, packetsSent: sent };
}
