import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type TestKamailio } from './kamailio';
import { writeRtpPcap } from './rtp-pcap';
import { runSipp, type SippRun } from './sipp';

/** Loopback, but not the PBX's 127.0.0.1 (all of whose ports it takes for its own). */
const calleeIp = '127.0.0.2';
const answerPlaying = fileURLToPath(new URL('./scenarios/answer-playing.xml', import.meta.url));

/**
 * A plain-RTP phone played by sipp behind the test Kamailio (with rtpengine, for WebRTC callers):
 * registered under `user`, it answers the next call and plays a recording into it (PCMA) until the
 * caller hangs up. sipp's play_pcap_audio needs root.
 */
export class RecordingCallee {
  private constructor(
    readonly user: string,
    private readonly kamailio: TestKamailio,
    private readonly port: number,
    private readonly work: string,
  ) {}

  static async register(kamailio: TestKamailio, user = 'callee'): Promise<RecordingCallee> {
    const port = await freePort();
    const registered = await runSipp(kamailio, 'register-contact.xml', { service: user, keys: { contact_ip: calleeIp, contact_port: String(port) } });
    if (registered.exitCode !== 0) throw new Error(`sipp did not register ${user}:\n${registered.output}${registered.errors}`);
    return new RecordingCallee(user, kamailio, port, mkdtempSync(join(tmpdir(), 'recording-callee-')));
  }

  /** Waits for the next call, answers it with `wav` (8 kHz mono 16-bit) and ends when the caller hangs up; sipp exits 0 if all went so. */
  answerPlaying(wav: string): Promise<SippRun> {
    const name = basename(wav, '.wav');
    const pcap = join(this.work, `${name}.pcap`);
    writeRtpPcap(wav, pcap);
    // sipp reads the capture's path when it loads the scenario: one scenario file per recording.
    const scenario = join(this.work, `${name}.xml`);
    writeFileSync(scenario, readFileSync(answerPlaying, 'utf8').replaceAll('{{PCAP}}', pcap));
    return runSipp(this.kamailio, scenario, { service: this.user, ip: calleeIp, port: this.port, timeoutSeconds: 30 });
  }

  dispose(): void {
    rmSync(this.work, { recursive: true, force: true });
  }
}
