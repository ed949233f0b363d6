import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ApiError, CrmBridge, JobProgress, MethodInput, MethodName, MethodOutput } from '#contract';
import { apiErrorText, issueText, namedIssueText } from '#renderer/i18n/error-text';

/** Messages for an API error in the interface language, by field path ("phones.1.raw") and for the form as a whole. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

/**
 * Words an API error for a form. `shown` says which paths the form shows under a field; the other
 * issues (and a refusal that is on no field) go to the form as a whole, with their field named.
 */
export function formErrors(error: ApiError, t: TFunction, shown: (path: string) => boolean = () => true): FormErrors {
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const issue of error.issues ?? []) {
    if (issue.path && shown(issue.path)) fields[issue.path] ??= issueText(t, issue);
    else elsewhere.push(namedIssueText(t, issue));
  }
  if (!error.issues || error.issues.length === 0) return { fields, form: apiErrorText(t, error) };
  return { fields, form: elsewhere.length > 0 ? elsewhere.join(' ') : null };
}

/** The paths a form shows under its fields: a name covers its sub-paths (`emails` → `emails.2`), a pattern what it matches. */
export function onFields(...shown: (string | RegExp)[]): (path: string) => boolean {
  return (path) => shown.some((s) => (typeof s === 'string' ? path === s || path.startsWith(`${s}.`) : s.test(path)));
}

/**
 * Runs a method for a button: the value on success; on failure a notice in the operator's
 * language and undefined. Forms that show errors on their fields use `bridge.invoke` directly.
 */
export async function act<M extends MethodName>(
  bridge: CrmBridge,
  method: M,
  input: MethodInput<M>,
  translate: (error: ApiError) => string,
): Promise<MethodOutput<M> | undefined> {
  const result = await bridge.invoke(method, input);
  if (result.ok) return result.value;
  notifications.show({ color: 'red', message: translate(result.error) });
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
