import type { TFunction } from 'i18next';
import type { ApiError, ErrorParams, PayloadIssue } from '#contract';

/**
 * Words API errors in the operator's language from their codes and params, never from main's
 * English `message`. A code without a text of its own falls back to a translated generic sentence.
 */

/**
 * Params that carry a code of ours (a state) rather than words, by reason: each is worded through the first
 * vocabulary (key prefix) that knows the code before the sentence is built. Two vocabularies where main sends
 * either kind under one name (a call's state or the operator's session state); a code none knows stays as sent.
 */
const paramVocabularies: Partial<Record<string, Record<string, readonly string[]>>> = {
  complaint_move_not_allowed: { from: ['complaintState'], to: ['complaintState'] },
  campaign_state_refused: { from: ['campaigns.state'], to: ['campaigns.state'] },
  call_command_refused: { state: ['callState', 'dialer.state'] },
  conference_needs_active_calls: { state: ['callState'] },
};

/** A reason's params with the codes among them worded in the interface language. */
export function wordedParams(t: TFunction, reason: string, params: ErrorParams): ErrorParams {
  const vocabularies = paramVocabularies[reason];
  if (!vocabularies) return params;
  const worded = { ...params };
  for (const [param, prefixes] of Object.entries(vocabularies)) {
    const code = params[param];
    if (typeof code === 'string') worded[param] = t(prefixes.map((prefix) => `${prefix}.${code}`), { defaultValue: code });
  }
  return worded;
}

/** One issue: the text for its code (the variant for its origin or format first: `too_big_string`), else the fallback. */
export function issueText(t: TFunction, issue: Pick<PayloadIssue, 'code' | 'params'>): string {
  const variant = issue.params.origin ?? issue.params.format;
  const keys = [...(variant === undefined ? [] : [`errorText.${issue.code}_${variant}`]), `errorText.${issue.code}`, 'errorText.fallback'];
  return t(keys, wordedParams(t, issue.code, issue.params));
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
  if (error.reason) return t([`errorText.${error.reason}`, `errors.${error.code}`], wordedParams(t, error.reason, error.params ?? {}));
  return t([`errors.${error.code}`, 'errorText.fallback']);
}
