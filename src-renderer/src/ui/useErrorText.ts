import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#contract';
import { ApiCallError } from '#renderer/api/client';
import { apiErrorText } from '#renderer/i18n/error-text';

/** An API error as the operator reads it, in the interface language. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return useCallback((error) => apiErrorText(t, error), [t]);
}

/** A failure caught from a call (ApiCallError) or anything else thrown, as the operator reads it. */
export function useFailureText(): (failure: unknown) => string {
  const { t } = useTranslation();
  return useCallback((failure) => (failure instanceof ApiCallError ? apiErrorText(t, failure.error) : t('errorText.fallback')), [t]);
}
