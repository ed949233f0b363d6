import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#contract';

/** An API error code and message as the operator reads it. */
export function useErrorText(): (code: ApiError['code'], message: string) => string {
  const { t } = useTranslation();
  return useCallback((code, message) => t(`errors.${code}`, { message }), [t]);
}
