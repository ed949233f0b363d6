import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition } from '#contract';
import { ok } from '#tests/support/crm';
import { recordCall } from '#tests/support/scripts';
import { tempDir } from '#tests/support/temp-dir';
import { createSuiteWorkstation, testNow } from '#tests/support/workstation';

const root = fileURLToPath(new URL('../../../../..', import.meta.url));
const questions = 12;

function textQuestions(): QuestionnaireDefinition {
  return {
    sections: [
      {
        id: 's',
        title: 'Notes',
        questions: Array.from({ length: questions }, (_, i) => ({ id: `q${i}`, type: 'text' as const, label: `Question ${i}`, hint: '', required: false, options: [], min: null, max: null, pattern: null, showIf: null, mapsTo: null })),
      },
    ],
  };
}

describe('answers saved as the operator types survive kill -9', () => {
  it('every answer committed before the process was killed is there after a restart', async () => {
    const dataDir = tempDir();
    const before = createSuiteWorkstation(dataDir);
    const questionnaire = await ok(before, 'scripts.save', { kind: 'questionnaire', name: 'Notes', questionnaire: textQuestions() });
    await ok(before, 'scripts.publish', { id: questionnaire.id });
    const callId = recordCall(before, { at: testNow });
    const { responseId } = await ok(before, 'responses.open', { callId, questionnaireId: questionnaire.id });
    await before.dispose();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/autosave-child.ts', dataDir, responseId, String(questions)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    /** The last answer number each question was seen committed with. */
    const committed = new Map<string, number>();
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const complete = buffered.split('\n');
        buffered = complete.pop() ?? '';
        for (const line of complete) {
          const [n, questionId] = line.split(' ') as [string, string];
          committed.set(questionId, Number(n));
          // Killed in full flow, well into the second round of every question being overwritten.
          if (++lines === questions * 3 + 5) {
            child.kill('SIGKILL');
            resolve();
          }
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the child stopped by itself (${code}): ${stderr}`))));
    });
    await new Promise((resolve) => child.once('close', resolve));

    const after = createSuiteWorkstation(dataDir);
    try {
      const state = await ok(after, 'responses.get', { responseId });
      expect(Object.keys(state.answers)).toHaveLength(questions);
      for (const [questionId, n] of committed) {
        // The child may have committed one more answer after its last line was read; never fewer.
        const stored = Number(String(state.answers[questionId]).replace('typed ', ''));
        expect(stored, questionId).toBeGreaterThanOrEqual(n);
      }
    } finally {
      await after.dispose();
    }
  }, 60_000);
});
