import { Button, Card, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

export interface DuplicatesModalProps {
  onClose: () => void;
  onMerged: () => void;
}

/** Groups of probable duplicates; merging keeps everything, into the contact chosen. */
export function DuplicatesModal({ onClose, onMerged }: DuplicatesModalProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const groups = useQuery('contacts.duplicates', { limit: 50 });
  const [keep, setKeep] = useState<Record<string, string>>({});

  const merge = async (key: string, ids: string[]) => {
    const keepId = keep[key] ?? ids[0];
    if (!keepId) return;
    if (await act(bridge, 'contacts.merge', { keepId, mergeIds: ids.filter((id) => id !== keepId) }, errorText)) {
      groups.reload();
      onMerged();
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('duplicates.title')} size="xl">
      {!groups.data && <Loader />}
      {groups.data?.length === 0 && <Text c="dimmed">{t('duplicates.none')}</Text>}
      <Stack gap="sm">
        {groups.data?.map((group) => {
          const ids = group.contacts.map((c) => c.id);
          const key = `${group.reason}:${group.key}`;
          return (
            <Card key={key} withBorder>
              <Text size="sm" c="dimmed" mb="xs">
                {t(`duplicates.reason.${group.reason}`, { key: group.key })}
              </Text>
              <Radio.Group value={keep[key] ?? ids[0]} onChange={(v) => setKeep({ ...keep, [key]: v })}>
                <Stack gap={4}>
                  {group.contacts.map((c) => (
                    <Radio key={c.id} value={c.id} label={[c.fullName, c.companyName, c.phone, c.email].filter(Boolean).join(' · ')} />
                  ))}
                </Stack>
              </Radio.Group>
              <Group justify="flex-end">
                <Button size="xs" onClick={() => void merge(key, ids)}>
                  {t('duplicates.merge')}
                </Button>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Modal>
  );
}
