import type { MethodInput, MethodName, MethodOutput } from '#contract';
import type { Workstation } from '#core/app/workstation';
import { callApi, createTestWorkstation } from './workstation';

/** Calls the API and returns the value, failing the test with the API's own error otherwise. */
export async function ok<M extends MethodName>(workstation: Workstation, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await callApi(workstation, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
  return result.value;
}

/** A workstation with two colleagues; "Оксана" is the operator at this workstation. */
export async function crmWorkstation() {
  const workstation = createTestWorkstation();
  const me = await ok(workstation, 'employees.save', { name: 'Оксана Литвин', extension: '101' });
  const colleague = await ok(workstation, 'employees.save', { name: 'Андрій Мороз', extension: '102' });
  await ok(workstation, 'settings.update', { currentEmployeeId: me.id, workingCountries: ['UA', 'RU'] });
  return { workstation, me, colleague };
}
