/**
 * A ring made by WebAudio (two tones, ring-ring, pause), so there is no sound file to ship and
 * it plays on the chosen speaker in Chromium and Electron alike.
 */
export class Ringtone {
  private context: AudioContext | undefined;
  private timer: number | undefined;

  start(): void {
    if (this.timer !== undefined) return;
    this.context ??= new AudioContext();
    const ring = () => {
      const context = this.context;
      if (!context) return;
      for (const offset of [0, 0.5]) {
        const gain = context.createGain();
        gain.gain.value = 0.08;
        gain.connect(context.destination);
        for (const frequency of [440, 480]) {
          const tone = context.createOscillator();
          tone.frequency.value = frequency;
          tone.connect(gain);
          tone.start(context.currentTime + offset);
          tone.stop(context.currentTime + offset + 0.4);
        }
      }
    };
    ring();
    this.timer = window.setInterval(ring, 3_000);
  }

  stop(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }
}
