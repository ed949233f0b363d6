import { writeFileSync } from 'node:fs';
import { readWav } from '#tests/support/wav';

/** G.711 A-law of one 16-bit sample (ITU-T G.711: 13-bit magnitude, segment and mantissa, even bits inverted). */
export function alaw(sample: number): number {
  let magnitude = sample >> 3;
  const sign = magnitude >= 0 ? 0xd5 : 0x55;
  if (magnitude < 0) magnitude = -magnitude - 1;
  let segment = 0;
  while (segment < 8 && magnitude > (0x20 << segment) - 1) segment++;
  if (segment === 8) return 0x7f ^ sign;
  const mantissa = segment < 2 ? (magnitude >> 1) & 0x0f : (magnitude >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ sign;
}

const samplesPerPacket = 160;
const headers = { ethernet: 14, ip: 20, udp: 8, rtp: 12 };

function ipChecksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < header.length; i += 2) sum += header.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >> 16);
  return ~sum & 0xffff;
}

/** One captured packet: Ethernet, IPv4 and UDP (loopback, ports as sipp will replace them) around an RTP packet of PCMA. */
function packet(seq: number, payload: Buffer): Buffer {
  const rtpLength = headers.rtp + payload.length;
  const frame = Buffer.alloc(headers.ethernet + headers.ip + headers.udp + rtpLength);
  frame.writeUInt16BE(0x0800, 12);
  const ip = frame.subarray(headers.ethernet, headers.ethernet + headers.ip);
  ip.writeUInt8(0x45, 0);
  ip.writeUInt16BE(headers.ip + headers.udp + rtpLength, 2);
  ip.writeUInt16BE(seq & 0xffff, 4);
  ip.writeUInt16BE(0x4000, 6);
  ip.writeUInt8(64, 8);
  ip.writeUInt8(17, 9);
  ip.writeUInt32BE(0x7f000001, 12);
  ip.writeUInt32BE(0x7f000001, 16);
  ip.writeUInt16BE(ipChecksum(ip), 10);
  const udp = frame.subarray(headers.ethernet + headers.ip);
  udp.writeUInt16BE(6_000, 0);
  udp.writeUInt16BE(6_002, 2);
  udp.writeUInt16BE(headers.udp + rtpLength, 4);
  const rtp = udp.subarray(headers.udp);
  rtp.writeUInt8(0x80, 0);
  // The first packet of a talk spurt carries the marker; payload type 8 is PCMA.
  rtp.writeUInt8((seq === 0 ? 0x80 : 0) | 8, 1);
  rtp.writeUInt16BE(seq & 0xffff, 2);
  rtp.writeUInt32BE(seq * samplesPerPacket, 4);
  rtp.writeUInt32BE(0x414d4421, 8);
  payload.copy(rtp, headers.rtp);
  return frame;
}

/**
 * Turns an 8 kHz mono 16-bit WAV into a capture of the RTP stream that carries it (PCMA, 20 ms a
 * packet, timed 20 ms apart) for sipp's `play_pcap_audio`, which sends each packet's RTP to the
 * call's media address at the captured pace. Returns the number of packets.
 */
export function writeRtpPcap(wavPath: string, pcapPath: string): number {
  const { sampleRate, samples } = readWav(wavPath);
  if (sampleRate !== 8_000) throw new Error(`${wavPath}: PCMA needs 8 kHz audio, not ${sampleRate} Hz`);
  const count = Math.ceil(samples.length / samplesPerPacket);
  const parts: Buffer[] = [];
  const global = Buffer.alloc(24);
  global.writeUInt32LE(0xa1b2c3d4, 0);
  global.writeUInt16LE(2, 4);
  global.writeUInt16LE(4, 6);
  global.writeUInt32LE(65_535, 16);
  // Link type 1: Ethernet.
  global.writeUInt32LE(1, 20);
  parts.push(global);
  for (let seq = 0; seq < count; seq++) {
    const payload = Buffer.alloc(samplesPerPacket, alaw(0));
    for (let i = 0; i < samplesPerPacket; i++) {
      const sample = samples[seq * samplesPerPacket + i];
      if (sample !== undefined) payload[i] = alaw(Math.max(-32_768, Math.min(32_767, Math.round(sample * 32_768))));
    }
    const frame = packet(seq, payload);
    const record = Buffer.alloc(16);
    const atUs = seq * 20_000;
    record.writeUInt32LE(Math.floor(atUs / 1_000_000), 0);
    record.writeUInt32LE(atUs % 1_000_000, 4);
    record.writeUInt32LE(frame.length, 8);
    record.writeUInt32LE(frame.length, 12);
    parts.push(record, frame);
  }
  writeFileSync(pcapPath, Buffer.concat(parts));
  return count;
}
