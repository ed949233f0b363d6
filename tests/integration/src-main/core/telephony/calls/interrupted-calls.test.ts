import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { interruptedReason } from '#core/telephony/calls/interrupted-calls';
import { ok } from '#tests/support/crm';
import { useTestPbx } from '#tests/support/sip/test-pbx';
import { tempDir } from '#tests/support/temp-dir';
import { createSuiteWorkstation } from '#tests/support/workstation';

const root = fileURLToPath(new URL('../../../../../..', import.meta.url));

/** Runs tests/support/phone-child.ts until its call is answered, then kills it; the call's interaction id. */
async function killedDuringCall(dataDir: string, wsUrl: string, user: string, target: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/phone-child.ts', dataDir, wsUrl, user, target], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const interactionId = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const active = /^active (\S+)$/m.exec(out);
      if (active) {
        child.kill('SIGKILL');
        resolve(active[1]!);
      }
    });
    child.on('exit', (code, signal) => signal !== 'SIGKILL' && reject(new Error(`the child stopped by itself (${code}): ${stderr}`)));
  });
  await new Promise((resolve) => child.once('close', resolve));
  return interactionId;
}

describe('calls cut off by the workstation stopping', () => {
  const { kamailio, peer } = useTestPbx();

  it('a call in progress when the app was killed is closed at the next start, honestly, and can still be wrapped up', async () => {
    const dataDir = tempDir();
    await peer('bob850');
    const interactionId = await killedDuringCall(dataDir, kamailio.wsUrl, 'op850', 'bob850');

    const restarted = createSuiteWorkstation(dataDir);
    try {
      const page = await ok(restarted, 'calls.history', {});
      const row = page.rows.find((r) => r.id === interactionId);
      expect(row).toMatchObject({ disposition: 'answered', endedBy: 'system', endReason: interruptedReason });
      // Wrap-up goes by the call's interaction: the phone's call ids died with the process.
      await ok(restarted, 'phone.wrapUp', { callId: interactionId, subject: 'Обірвалось, передзвонити', outcome: null });
      const timeline = await ok(restarted, 'calls.history', {});
      expect(timeline.rows.find((r) => r.id === interactionId)).toMatchObject({ subject: 'Обірвалось, передзвонити' });
    } finally {
      await restarted.dispose();
    }
  });
});
