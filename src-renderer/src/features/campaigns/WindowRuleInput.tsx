import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { errorOn, ruleAt, withRule, type RuleSettings } from './campaign-draft';
import { RuleLimit } from './RuleLimit';
import type { LimitOf } from './useRuleLimits';

export interface WindowRuleInputProps {
  rules: RuleSettings;
  day: 'weekdays' | 'weekends';
  onChange: (rules: RuleSettings) => void;
  errors: Record<string, string>;
  limitOf: LimitOf;
}

type Span = { from: string; to: string };

/** A calling window of the campaign's own (callee-local hours) for weekdays or weekends: the profile's, narrower hours, or no calls at all. */
export function WindowRuleInput({ rules, day, onChange, errors, limitOf }: WindowRuleInputProps) {
  const { t } = useTranslation();
  const path = `window.${day}`;
  const span = ruleAt(rules, path) as Span | null | undefined;
  const choice = span === undefined ? 'profile' : span === null ? 'closed' : 'own';
  const set = (value: Span | null | undefined) => onChange(withRule(rules, path, value));
  const error = errorOn(errors, `rules.${path}`);
  const limit = limitOf(path);
  return (
    <Stack gap={4} data-testid={`rule-window-${day}`}>
      <Text size="sm" fw={500}>
        {t(`campaigns.rules.${day}`)}
      </Text>
      {limit.length > 0 && (
        <Text size="xs" c="dimmed">
          <RuleLimit lines={limit} />
        </Text>
      )}
      <Group gap="xs" align="center">
        <SegmentedControl
          size="xs"
          value={choice}
          onChange={(next) => set(next === 'profile' ? undefined : next === 'closed' ? null : { from: '10:00', to: '18:00' })}
          data={(['profile', 'own', 'closed'] as const).map((c) => ({ value: c, label: t(`campaigns.rules.window.${c}`) }))}
        />
        {span && (
          <>
            <TimeInput size="xs" w={110} value={span.from} onChange={(e) => set({ ...span, from: e.currentTarget.value })} aria-label={t('campaigns.rules.from')} />
            <Text size="sm">–</Text>
            <TimeInput size="xs" w={110} value={span.to} onChange={(e) => set({ ...span, to: e.currentTarget.value })} aria-label={t('campaigns.rules.to')} />
          </>
        )}
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
