import { notifications } from '@mantine/notifications';
import type { ApiError, CrmBridge, JobProgress, MethodInput, MethodName, MethodOutput } from '#contract';

/** Messages for an API error, by field path ("phones.1.raw") and for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export function formErrors(error: ApiError): FormErrors {
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) if (issue.path) fields[issue.path] = issue.message;
  const unplaced = (error.issues ?? []).filter((i) => !i.path).map((i) => i.message);
  return { fields, form: error.issues && error.issues.length > 0 && unplaced.length === 0 ? null : [error.message, ...unplaced].join('; ') };
}

/**
 * Runs a method for a button: the value on success; on failure a notice in the operator's
 * language and undefined. Forms that show errors on their fields use `bridge.invoke` directly.
 */
export async function act<M extends MethodName>(
  bridge: CrmBridge,
  method: M,
  input: MethodInput<M>,
  translate: (code: ApiError['code'], message: string) => string,
): Promise<MethodOutput<M> | undefined> {
  const result = await bridge.invoke(method, input);
  if (result.ok) return result.value;
  notifications.show({ color: 'red', message: translate(result.error.code, result.error.message) });
  return undefined;
}

/** Resolves when a background job stops running (done, failed, cancelled). */
export function jobFinished(bridge: CrmBridge, jobId: string): Promise<Exclude<JobProgress['state'], 'running'>> {
  return new Promise((resolve) => {
    const stop = bridge.subscribe('job.progress', (progress) => {
      if (progress.jobId === jobId && progress.state !== 'running') {
        stop();
        resolve(progress.state);
      }
    });
  });
}
