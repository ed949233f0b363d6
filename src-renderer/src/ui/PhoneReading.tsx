import { Group, Select, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PhoneVerdict } from '#contract';

/** 🇺🇦 from "UA": the regional-indicator pair every system font draws as a flag. */
export function countryFlag(country: string | null): string {
  if (!country || !/^[A-Z]{2}$/.test(country)) return '🌐';
  return String.fromCodePoint(...[...country].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export interface PhoneReadingProps {
  verdict: PhoneVerdict | undefined;
  /** The reading the operator picked among several, if any. */
  picked: string | undefined;
  onPick: (e164: string) => void;
  locale: string;
  testId: string;
}

/**
 * Under a phone field: the country and international form the number was read as; when it reads
 * several ways, the choice (the first is what will be stored); when it reads as none, that it is kept as
 * written and marked for review.
 */
export function PhoneReading({ verdict, picked, onPick, locale, testId }: PhoneReadingProps) {
  const { t } = useTranslation();
  if (!verdict) return null;
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const label = (reading: PhoneVerdict['readings'][number]) => `${countryFlag(reading.country)} ${reading.country ? (names.of(reading.country) ?? reading.country) : ''} · ${reading.e164}`;
  if (verdict.status === 'invalid') {
    return (
      <Group gap={4} data-testid={testId}>
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" />
        <Text size="xs" c="orange.7">
          {t('phoneReading.invalid')}
        </Text>
      </Group>
    );
  }
  const [first] = verdict.readings;
  if (verdict.status === 'ok' && first) {
    return (
      <Text size="xs" c="dimmed" data-testid={testId}>
        {label(first)}
        {verdict.extension ? ` · ${t('phoneReading.extension', { extension: verdict.extension })}` : ''}
      </Text>
    );
  }
  return (
    <Select
      size="xs"
      data-testid={testId}
      label={t('phoneReading.ambiguous')}
      allowDeselect={false}
      value={picked ?? first?.e164 ?? null}
      data={verdict.readings.map((r) => ({ value: r.e164, label: label(r) }))}
      onChange={(value) => value && onPick(value)}
    />
  );
}
