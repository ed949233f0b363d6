import { Alert, Badge, Box, Button, CloseButton, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MethodOutput } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { RecordPicker } from '#renderer/ui/RecordPicker';
import { useErrorText } from '#renderer/ui/useErrorText';
import type { CampaignSplit } from './campaign-draft';

export interface AddPeopleFormProps {
  campaignId: string;
  split: CampaignSplit;
  onAdded: () => void;
}

/** Adds a saved segment's people, or contacts picked one by one, to the campaign's list. */
export function AddPeopleForm({ campaignId, split, onAdded }: AddPeopleFormProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const segments = useQuery('segments.list', {});
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [picked, setPicked] = useState<{ id: string; name: string }[]>([]);
  const [added, setAdded] = useState<MethodOutput<'campaigns.addContacts'> | null>(null);

  const add = async (people: Pick<MethodInput<'campaigns.addContacts'>, 'segmentId' | 'contactIds'>) => {
    const result = await act(bridge, 'campaigns.addContacts', { campaignId, split, ...people }, errorText);
    if (!result) return;
    setAdded(result);
    setPicked([]);
    onAdded();
  };

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <Select label={t('campaigns.audience.segment')} data={(segments.data ?? []).map((s) => ({ value: s.id, label: s.name }))} value={segmentId} onChange={setSegmentId} searchable w={320} />
        <Button variant="light" disabled={!segmentId} onClick={() => segmentId && void add({ segmentId })} data-testid="audience-add-segment">
          {t('campaigns.audience.addSegment')}
        </Button>
      </Group>
      <Group gap="xs" align="flex-end">
        <Box w={320}>
          <RecordPicker
            kind="contact"
            label={t('campaigns.audience.contact')}
            placeholder={t('campaigns.audience.contactHint')}
            value={null}
            onChange={(id, name) => id && !picked.some((p) => p.id === id) && setPicked([...picked, { id, name: name ?? id }])}
            testId="audience-contact"
          />
        </Box>
        <Button variant="light" disabled={picked.length === 0} onClick={() => void add({ contactIds: picked.map((p) => p.id) })} data-testid="audience-add-contacts">
          {t('campaigns.audience.addContacts', { count: picked.length })}
        </Button>
      </Group>
      {picked.length > 0 && (
        <Group gap={6} data-testid="audience-picked">
          {picked.map((p) => (
            <Badge key={p.id} variant="light" rightSection={<CloseButton size="xs" onClick={() => setPicked(picked.filter((q) => q.id !== p.id))} aria-label={t('campaigns.audience.removePicked')} />}>
              {p.name}
            </Badge>
          ))}
        </Group>
      )}
      {added && (
        <Alert color="teal" p="xs" withCloseButton onClose={() => setAdded(null)} data-testid="audience-added">
          <Text size="sm">{t('campaigns.audience.added', added)}</Text>
        </Alert>
      )}
    </Stack>
  );
}
