import { ActionIcon, Button, Group, Select, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { phoneKinds } from '#contract';

export type PhoneKind = (typeof phoneKinds)[number];
export interface PhoneRowValue {
  kind: PhoneKind;
  raw: string;
}

export interface PhoneListInputProps {
  value: PhoneRowValue[];
  onChange: (phones: PhoneRowValue[]) => void;
  /** Errors by path ("phones.1.raw"), as main reports them. */
  errors: Record<string, string>;
  newKind: PhoneKind;
  testIdPrefix: string;
}

/** Phone numbers typed in any format, each with its kind; main reads them and says which one it cannot. */
export function PhoneListInput({ value, onChange, errors, newKind, testIdPrefix }: PhoneListInputProps) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<PhoneRowValue>) => onChange(value.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <>
      <Text size="sm" fw={500}>
        {t('contactForm.phones')}
      </Text>
      {value.map((phone, index) => (
        <Group key={index} gap="xs" align="flex-start">
          <Select w={140} data={phoneKinds.map((kind) => ({ value: kind, label: t(`phoneKind.${kind}`) }))} value={phone.kind} onChange={(kind) => kind && update(index, { kind: kind })} aria-label={t('contactForm.phoneKind')} allowDeselect={false} />
          <TextInput
            style={{ flex: 1 }}
            value={phone.raw}
            placeholder={t('contactForm.phonePlaceholder')}
            onChange={(e) => update(index, { raw: e.currentTarget.value })}
            error={errors[`phones.${index}.raw`]}
            aria-label={t('contactForm.phone')}
            data-testid={`${testIdPrefix}-phone-${index}`}
          />
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
