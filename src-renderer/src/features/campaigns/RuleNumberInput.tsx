import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorOn, ruleAt, withRule, type RuleSettings } from './campaign-draft';
import { RuleLimit } from './RuleLimit';
import type { LimitOf } from './useRuleLimits';

export interface RuleNumberInputProps {
  rules: RuleSettings;
  /** The setting's path in the rules ("attemptCaps.day"); refusals come on `rules.<path>`. */
  path: string;
  label: string;
  onChange: (rules: RuleSettings) => void;
  errors: Record<string, string>;
  limitOf: LimitOf;
  /** Shown value per stored value: 100 shows a share (0.03) as a percentage (3). */
  scale?: number;
  decimals?: number;
}

/** One figure a campaign may tighten, with the law's limit under it; left empty, the profile's own applies. */
export function RuleNumberInput({ rules, path, label, onChange, errors, limitOf, scale = 1, decimals = 0 }: RuleNumberInputProps) {
  const { t } = useTranslation();
  const stored = ruleAt(rules, path);
  const limit = limitOf(path);
  return (
    <NumberInput
      label={label}
      description={limit.length > 0 && <RuleLimit lines={limit} />}
      placeholder={t('campaigns.rules.asProfile')}
      value={typeof stored === 'number' ? Number((stored * scale).toFixed(decimals + 2)) : ''}
      onChange={(value) => onChange(withRule(rules, path, value === '' ? undefined : Number(value) / scale))}
      min={0}
      decimalScale={decimals}
      allowDecimal={decimals > 0}
      error={errorOn(errors, `rules.${path}`)}
      data-testid={`rule-${path}`}
    />
  );
}
