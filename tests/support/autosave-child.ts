/**
 * The app's core answering a questionnaire as fast as an operator types, in a process of its own so a
 * test can kill it with SIGKILL mid-stream. Prints `<n> <questionId>` on stdout once answer n is committed
 * (responses.answer has returned ok). Usage: autosave-child.ts <dataDir> <responseId> <questionCount>
 */
import { childWorkstation } from './child-workstation';

const [dataDir, responseId, questionCount] = process.argv.slice(2) as [string, string, string];
const workstation = childWorkstation(dataDir);

for (let n = 0; ; n++) {
  const questionId = `q${n % Number(questionCount)}`;
  const result = await workstation.dispatch('responses.answer', { responseId, questionId, value: `typed ${n}` }, { origin: 'autosave-child' });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  process.stdout.write(`${n} ${questionId}\n`);
}
