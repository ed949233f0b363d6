import { Checkbox, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { campaignProfiles, errorOn, withRule, type CampaignFieldsProps } from './campaign-draft';
import { RuleNumberInput } from './RuleNumberInput';
import { RuleLimit } from './RuleLimit';
import type { LimitOf } from './useRuleLimits';
import { WindowRuleInput } from './WindowRuleInput';

const attemptPeriods = ['day', 'week', 'month', 'lifetime'] as const;
const contactPeriods = ['day', 'week', 'month'] as const;
const retryOutcomes = ['busy', 'no_answer', 'failed', 'machine', 'abandoned', 'reached'] as const;

/**
 * The law's profile and the campaign's stricter settings over it, each with the profile's limit under it. Main
 * refuses a setting looser than the profile, naming the field and the profile's limit; the refusal shows under that field.
 */
export function RulesFields({ draft, onChange, errors, limitOf }: CampaignFieldsProps & { limitOf: LimitOf }) {
  const { t } = useTranslation();
  const rules = draft.rules;
  const setRules = (next: typeof rules) => onChange({ rules: next });
  const common = { rules, onChange: setRules, errors, limitOf };
  const consentLimit = limitOf('requireConsent');
  return (
    <Stack gap="md">
      <Select
        label={t('campaigns.profileLabel')}
        description={t('campaigns.profileHint')}
        data={campaignProfiles.map((p) => ({ value: p, label: t(`campaigns.profile.${p}`) }))}
        value={draft.profile}
        onChange={(profile) => profile && onChange({ profile })}
        allowDeselect={false}
        error={errorOn(errors, 'profile')}
        maw={420}
        data-testid="campaign-profile"
      />
      <Text size="sm" c="dimmed">
        {t('campaigns.rules.explain')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WindowRuleInput day="weekdays" {...common} />
        <WindowRuleInput day="weekends" {...common} />
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('campaigns.rules.attemptCaps')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {attemptPeriods.map((period) => (
          <RuleNumberInput key={period} path={`attemptCaps.${period}`} label={t(`campaigns.rules.period.${period}`)} {...common} />
        ))}
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('campaigns.rules.contactCaps')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {contactPeriods.map((period) => (
          <RuleNumberInput key={period} path={`contactCaps.${period}`} label={t(`campaigns.rules.period.${period}`)} {...common} />
        ))}
      </SimpleGrid>
      <Text size="sm" fw={500}>
        {t('campaigns.rules.retryDelays')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 6 }}>
        {retryOutcomes.map((outcome) => (
          <RuleNumberInput key={outcome} path={`retryDelayMinutes.${outcome}`} label={t(`dialer.outcome.${outcome}`)} {...common} />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <RuleNumberInput path="abandonRate" label={t('campaigns.rules.abandonRate')} scale={100} decimals={1} {...common} />
        <RuleNumberInput path="abandonRedialHours" label={t('campaigns.rules.abandonRedialHours')} {...common} />
        <Checkbox
          mt="lg"
          label={t('campaigns.rules.requireConsent')}
          description={consentLimit.length > 0 && <RuleLimit lines={consentLimit} />}
          checked={rules.requireConsent === true}
          onChange={(e) => setRules(withRule(rules, 'requireConsent', e.currentTarget.checked ? true : undefined))}
          error={errorOn(errors, 'rules.requireConsent')}
        />
      </SimpleGrid>
    </Stack>
  );
}
