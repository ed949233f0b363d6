/** A sine tone as a 16-bit mono PCM WAV file: a recorded message whose sound a listener can tell from a microphone's. */
export function toneWav(hz: number, ms: number, sampleRate = 8_000, amplitude = 0.5): Buffer {
  const samples = Math.round((sampleRate * ms) / 1_000);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(amplitude * 32_767 * Math.sin((2 * Math.PI * hz * i) / sampleRate)), 44 + i * 2);
  return wav;
}
