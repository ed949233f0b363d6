import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { phoneKinds, type PhoneVerdict } from '#contract';
import { PhoneReading } from './PhoneReading';

export type PhoneKind = (typeof phoneKinds)[number];
export interface PhoneRowValue {
  /** A stored phone being edited keeps its id. */
  id?: string;
  kind: PhoneKind;
  raw: string;
  /** The reading the operator picked when the number reads several ways. */
  e164?: string;
}

export interface PhoneListInputProps {
  value: PhoneRowValue[];
  onChange: (phones: PhoneRowValue[]) => void;
  /** Errors by path ("phones.1.raw"), as main reports them. */
  errors: Record<string, string>;
  newKind: PhoneKind;
  testIdPrefix: string;
  /** How each number reads (see usePhoneReadings), shown under it as the operator types. */
  readings: (PhoneVerdict | undefined)[];
  locale: string;
}

/** Phone numbers typed in any format, each with its kind; main reads them and says which one it cannot. */
export function PhoneListInput({ value, onChange, errors, newKind, testIdPrefix, readings, locale }: PhoneListInputProps) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<PhoneRowValue>) => onChange(value.map((p, i) => (i === index ? { ...p, ...change } : p)));
  // A new text is read afresh: an earlier pick no longer applies.
  const retype = (index: number, raw: string) => onChange(value.map((p, i) => (i === index ? { ...(p.id ? { id: p.id } : {}), kind: p.kind, raw } : p)));
  return (
    <>
      <Text size="sm" fw={500}>
        {t('contactForm.phones')}
      </Text>
      {value.map((phone, index) => (
        <Group key={index} gap="xs" align="flex-start">
          <Select w={140} data={phoneKinds.map((kind) => ({ value: kind, label: t(`phoneKind.${kind}`) }))} value={phone.kind} onChange={(kind) => kind && update(index, { kind: kind })} aria-label={t('contactForm.phoneKind')} allowDeselect={false} />
          <Stack gap={2} style={{ flex: 1 }}>
            <TextInput
              value={phone.raw}
              placeholder={t('contactForm.phonePlaceholder')}
              onChange={(e) => retype(index, e.currentTarget.value)}
              error={errors[`phones.${index}.raw`] ?? errors[`phones.${index}.e164`]}
              aria-label={t('contactForm.phone')}
              data-testid={`${testIdPrefix}-phone-${index}`}
            />
            <PhoneReading verdict={readings[index]} picked={phone.e164} onPick={(e164) => update(index, { e164 })} locale={locale} testId={`${testIdPrefix}-phone-${index}-reading`} />
          </Stack>
          <ActionIcon variant="subtle" color="red" mt={4} onClick={() => onChange(value.filter((_, i) => i !== index))} aria-label={t('contactForm.removePhone')}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => onChange([...value, { kind: newKind, raw: '' }])}>
        {t('contactForm.addPhone')}
      </Button>
    </>
  );
}
