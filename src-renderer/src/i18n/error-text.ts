import type { TFunction } from 'i18next';
import type { ApiError, PayloadIssue } from '#contract';

/**
 * Words API errors in the operator's language from their codes and params, never from main's
 * English `message`. A code without a text of its own falls back to a translated generic sentence.
 */

/** One issue: the text for its code (the variant for its origin or format first: `too_big_string`), else the fallback. */
export function issueText(t: TFunction, issue: Pick<PayloadIssue, 'code' | 'params'>): string {
  const variant = issue.params.origin ?? issue.params.format;
  const keys = [...(variant === undefined ? [] : [`errorText.${issue.code}_${variant}`]), `errorText.${issue.code}`, 'errorText.fallback'];
  return t(keys, issue.params);
}

/** The field an issue is on, named for a sentence outside the form field ("Last name"), or null when we have no name for it. */
export function fieldName(t: TFunction, path: string): string | null {
  const segment = path.split('.').find((part) => part !== '' && !/^\d+$/.test(part));
  if (!segment) return null;
  const key = `errorText.field.${segment}`;
  const name = t(key);
  return name === key ? null : name;
}

/** An issue with its field named, for a sentence shown away from the field. */
export function namedIssueText(t: TFunction, issue: PayloadIssue): string {
  const text = issueText(t, issue);
  const field = fieldName(t, issue.path);
  return field ? t('errorText.onField', { field, text }) : text;
}

/** A whole API error as one sentence (or a few): its payload issues with fields named, else its domain reason, else its code. */
export function apiErrorText(t: TFunction, error: ApiError): string {
  if (error.issues && error.issues.length > 0) return error.issues.map((issue) => namedIssueText(t, issue)).join(' ');
  if (error.reason) return t([`errorText.${error.reason}`, `errors.${error.code}`], error.params ?? {});
  return t([`errors.${error.code}`, 'errorText.fallback']);
}
