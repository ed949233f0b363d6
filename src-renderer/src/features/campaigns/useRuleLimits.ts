import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '#contract';
import { useQuery } from '#renderer/api/client';
import { limitsBeside } from './rule-limits';

/** A rule's limit under the law, by the rule's path, a line per figure; asked again of main when the purpose or the profile changes. */
export type LimitOf = (path: string) => string[];

export function useRuleLimits(purpose: Campaign['purpose'], profile: string): LimitOf {
  const { t } = useTranslation();
  const { data } = useQuery('campaigns.ruleLimits', { purpose, profile });
  return useCallback((path) => limitsBeside(t, data ?? [], path), [t, data]);
}
