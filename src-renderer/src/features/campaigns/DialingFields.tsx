import { Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { amdActions, dialingModes } from '#contract';
import { errorOn, type CampaignFieldsProps } from './campaign-draft';
import { RuleLimit } from './RuleLimit';
import type { LimitOf } from './useRuleLimits';

/** An empty number field means "none" (no countdown); anything else is the number typed. */
function optionalNumber(value: string | number): number | null {
  return value === '' ? null : Number(value);
}

/** How numbers are dialed: the mode and its figures, ring time (with the law's shortest), wrap-up time, and what to do with answering machines. */
export function DialingFields({ draft, onChange, errors, limitOf }: CampaignFieldsProps & { limitOf: LimitOf }) {
  const { t } = useTranslation();
  const ringLimit = limitOf('minRingSeconds');
  const modeLimit = limitOf('barredModes');
  const amdLimit = limitOf('operatorWithinMs');
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('campaigns.modeLabel')}
          </Text>
          <SegmentedControl
            value={draft.mode}
            onChange={(mode) => onChange({ mode })}
            data={dialingModes.map((m) => ({ value: m, label: t(`campaigns.mode.${m}`) }))}
            data-testid="campaign-mode"
          />
          {modeLimit.length > 0 && (
            <Text size="xs" c="dimmed">
              <RuleLimit lines={modeLimit} />
            </Text>
          )}
        </Stack>
        {draft.mode === 'power' && (
          <NumberInput
            label={t('campaigns.powerRatio')}
            description={t('campaigns.powerRatioHint')}
            value={draft.powerRatio}
            onChange={(v) => onChange({ powerRatio: Number(v) || 1 })}
            min={1}
            max={5}
            step={0.1}
            decimalScale={1}
            w={220}
            error={errorOn(errors, 'powerRatio')}
          />
        )}
        {draft.mode === 'preview' && (
          <NumberInput
            label={t('campaigns.previewCountdown')}
            placeholder={t('campaigns.previewCountdownNone')}
            value={draft.previewCountdownSeconds ?? ''}
            onChange={(v) => onChange({ previewCountdownSeconds: optionalNumber(v) })}
            min={3}
            max={300}
            allowDecimal={false}
            w={260}
            error={errorOn(errors, 'previewCountdownSeconds')}
            data-testid="campaign-preview-countdown"
          />
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t(`campaigns.modeHint.${draft.mode}`)}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberInput
          label={t('campaigns.ringTimeout')}
          description={ringLimit.length > 0 && <RuleLimit lines={ringLimit} />}
          value={draft.ringTimeoutSeconds}
          onChange={(v) => onChange({ ringTimeoutSeconds: Number(v) || 0 })}
          min={10}
          max={120}
          allowDecimal={false}
          error={errorOn(errors, 'ringTimeoutSeconds')}
          data-testid="campaign-ring-timeout"
        />
        <NumberInput label={t('campaigns.wrapUp')} value={draft.wrapUpSeconds} onChange={(v) => onChange({ wrapUpSeconds: Number(v) || 0 })} min={0} max={600} allowDecimal={false} error={errorOn(errors, 'wrapUpSeconds')} />
        <Select
          label={t('campaigns.amdLabel')}
          description={amdLimit.length > 0 && <RuleLimit lines={amdLimit} />}
          data={amdActions.map((a) => ({ value: a, label: t(`campaigns.amd.${a}`) }))}
          value={draft.amdAction}
          onChange={(amdAction) => amdAction && onChange({ amdAction })}
          allowDeselect={false}
          error={errorOn(errors, 'amdAction')}
        />
      </SimpleGrid>
    </Stack>
  );
}
