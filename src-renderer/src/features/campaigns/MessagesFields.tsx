import { Alert, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignMessageKinds, type Campaign } from '#contract';
import { call, useBridge } from '#renderer/api/client';
import { uploadFile } from '#renderer/api/files';
import { useFailureText } from '#renderer/ui/useErrorText';
import { RuleLimit } from './RuleLimit';
import type { LimitOf } from './useRuleLimits';

export interface MessagesFieldsProps {
  /** null: not saved yet (a message belongs to a saved campaign). */
  campaign: Campaign | null;
  onChanged: (campaign: Campaign) => void;
  limitOf: LimitOf;
}

/** The two recorded messages: for a person answered when no operator is free (abandon; where the law requires one, it says so), and for answering machines. */
export function MessagesFields({ campaign, onChanged, limitOf }: MessagesFieldsProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const failureText = useFailureText();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const abandonLimit = limitOf('abandonMessage');
  if (!campaign) return <Text c="dimmed" size="sm">{t('campaigns.messages.saveFirst')}</Text>;

  const run = async (kind: string, work: () => Promise<Campaign>) => {
    setBusy(kind);
    setFailure(null);
    try {
      onChanged(await work());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };
  const upload = (kind: (typeof campaignMessageKinds)[number], file: File | null) => {
    if (!file) return;
    void run(kind, async () => {
      const uploadId = await uploadFile(bridge, file, () => undefined);
      return call(bridge, 'campaigns.setMessage', { campaignId: campaign.id, kind, uploadId, fileName: file.name });
    });
  };

  return (
    <Stack gap="xs">
      {campaignMessageKinds.map((kind) => {
        const fileName = campaign.messages[kind];
        const limit = kind === 'abandon' ? abandonLimit : [];
        return (
          <Group key={kind} gap="sm" data-testid={`campaign-message-${kind}`}>
            <Stack gap={0} w={260}>
              <Text size="sm">{t(`campaigns.messages.${kind}`)}</Text>
              {limit.length > 0 && (
                <Text size="xs" c="dimmed">
                  <RuleLimit lines={limit} />
                </Text>
              )}
            </Stack>
            <Text size="sm" c={fileName ? undefined : 'dimmed'} miw={200} data-testid="campaign-message-file">
              {fileName ?? t('campaigns.messages.none')}
            </Text>
            <FileButton onChange={(file) => upload(kind, file)} accept="audio/*,.wav,.mp3,.ogg,.webm">
              {(props) => (
                <Button size="xs" variant="light" leftSection={<IconUpload size={14} />} loading={busy === kind} {...props}>
                  {fileName ? t('campaigns.messages.replace') : t('campaigns.messages.upload')}
                </Button>
              )}
            </FileButton>
            {fileName && (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => void run(kind, () => call(bridge, 'campaigns.removeMessage', { campaignId: campaign.id, kind }))}>
                {t('campaigns.messages.remove')}
              </Button>
            )}
          </Group>
        );
      })}
      {failure !== null && (
        <Alert color="red" role="alert" withCloseButton onClose={() => setFailure(null)}>
          {failureText(failure)}
        </Alert>
      )}
    </Stack>
  );
}
