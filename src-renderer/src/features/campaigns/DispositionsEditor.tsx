import { ActionIcon, Button, Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorOn, moved, newDisposition, type DispositionDraft } from './campaign-draft';

export interface DispositionsEditorProps {
  dispositions: DispositionDraft[];
  onChange: (dispositions: DispositionDraft[]) => void;
  errors: Record<string, string>;
}

const kinds = ['final', 'retry', 'callback'] as const;

/** How a conversation may end, in the order the operator sees the buttons: kind, success, opt-out, hotkey, retry delay. */
export function DispositionsEditor({ dispositions, onChange, errors }: DispositionsEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<DispositionDraft>) => onChange(dispositions.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const at = (index: number, field: string) => errorOn(errors, `dispositions.${index}.${field}`);
  return (
    <Stack gap="xs" data-testid="campaign-dispositions">
      {dispositions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('campaigns.dispositions.empty')}
        </Text>
      )}
      {dispositions.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaigns.dispositions.label')}</Table.Th>
              <Table.Th>{t('campaigns.dispositions.kind')}</Table.Th>
              <Table.Th>{t('campaigns.dispositions.success')}</Table.Th>
              <Table.Th>{t('campaigns.dispositions.optOut')}</Table.Th>
              <Table.Th>{t('campaigns.dispositions.hotkey')}</Table.Th>
              <Table.Th>{t('campaigns.dispositions.retryMinutes')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dispositions.map((d, i) => (
              <Table.Tr key={i} data-testid="disposition-row">
                <Table.Td>
                  <TextInput size="xs" value={d.label} onChange={(e) => set(i, { label: e.currentTarget.value })} error={at(i, 'label')} aria-label={t('campaigns.dispositions.label')} data-testid="disposition-label" />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={150}
                    data={kinds.map((k) => ({ value: k, label: t(`campaigns.dispositions.kinds.${k}`) }))}
                    value={d.kind}
                    onChange={(kind) => kind && set(i, { kind })}
                    allowDeselect={false}
                    error={at(i, 'kind')}
                    aria-label={t('campaigns.dispositions.kind')}
                    data-testid="disposition-kind"
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox checked={d.success} onChange={(e) => set(i, { success: e.currentTarget.checked })} aria-label={t('campaigns.dispositions.success')} data-testid="disposition-success" />
                </Table.Td>
                <Table.Td>
                  <Checkbox checked={d.optOut} onChange={(e) => set(i, { optOut: e.currentTarget.checked })} aria-label={t('campaigns.dispositions.optOut')} />
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" w={60} maxLength={1} value={d.hotkey} onChange={(e) => set(i, { hotkey: e.currentTarget.value.trim() })} error={at(i, 'hotkey')} aria-label={t('campaigns.dispositions.hotkey')} data-testid="disposition-hotkey" />
                </Table.Td>
                <Table.Td>
                  {d.kind === 'retry' && (
                    <NumberInput
                      size="xs"
                      w={110}
                      min={1}
                      allowDecimal={false}
                      value={d.retryMinutes ?? ''}
                      onChange={(v) => set(i, { retryMinutes: v === '' ? null : Number(v) })}
                      error={at(i, 'retryMinutes')}
                      aria-label={t('campaigns.dispositions.retryMinutes')}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" disabled={i === 0} onClick={() => onChange(moved(dispositions, i, -1))} aria-label={t('campaigns.dispositions.up')}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" disabled={i === dispositions.length - 1} onClick={() => onChange(moved(dispositions, i, 1))} aria-label={t('campaigns.dispositions.down')}>
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" onClick={() => onChange(dispositions.filter((_, k) => k !== i))} aria-label={t('campaigns.dispositions.remove')}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {errors.dispositions && (
        <Text size="sm" c="red">
          {errors.dispositions}
        </Text>
      )}
      <Button size="xs" variant="light" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => onChange([...dispositions, newDisposition('')])} data-testid="disposition-add">
        {t('campaigns.dispositions.add')}
      </Button>
    </Stack>
  );
}
