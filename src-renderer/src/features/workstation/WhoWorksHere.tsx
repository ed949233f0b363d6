import { Button, Card, Group, Select, Text, TextInput } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

/**
 * Asked until someone answers: who works at this workstation. Everything recorded here is authored by
 * that employee, and the colleague guard tells their own deals and plans from their colleagues'.
 * A card above the screen rather than a modal, so that a ringing phone is never behind a dialog.
 */
export function WhoWorksHere() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { settings, updateSettings } = useWorkplace();
  const employees = useQuery('employees.list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [extension, setExtension] = useState('');
  if (settings.currentEmployeeId) return null;

  const addMe = async () => {
    const saved = await act(bridge, 'employees.save', { name: name.trim(), extension: extension.trim() || null }, errorText);
    if (saved) await updateSettings({ currentEmployeeId: saved.id });
  };
  const known = employees.data ?? [];
  return (
    <Card withBorder padding="sm" mb="md" data-testid="who-works-here">
      <Group gap="xs" mb={6} wrap="nowrap">
        <IconUserCheck size={18} />
        <Text fw={600}>{t('firstStart.title')}</Text>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('firstStart.why')}
      </Text>
      <Group align="flex-end" gap="sm">
        {known.length > 0 && (
          <>
            <Select
              label={t('firstStart.pick')}
              data={known.map((e) => ({ value: e.id, label: e.extension ? `${e.name} (${e.extension})` : e.name }))}
              value={chosen}
              onChange={setChosen}
              searchable
              w={260}
              data-testid="who-works-here-pick"
            />
            <Button disabled={!chosen} onClick={() => chosen && void updateSettings({ currentEmployeeId: chosen })} data-testid="who-works-here-confirm">
              {t('firstStart.thatsMe')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('firstStart.or')}
            </Text>
          </>
        )}
        <TextInput label={t('firstStart.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} data-testid="who-works-here-name" />
        <TextInput label={t('settings.extension')} value={extension} onChange={(e) => setExtension(e.currentTarget.value)} w={110} />
        <Button variant="light" disabled={!name.trim()} onClick={() => void addMe()} data-testid="who-works-here-add">
          {t('firstStart.addMe')}
        </Button>
      </Group>
    </Card>
  );
}
