import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '#renderer/api/client';
import { fetchRecording } from '#renderer/api/files';
import { useFailureText } from '#renderer/ui/useErrorText';

/** A call's recording: fetched from main on request, then played in place, part by part if a reload split it. */
export function RecordingPlayer({ interactionId }: { interactionId: string }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const bridge = useBridge();
  const [state, setState] = useState<{ urls?: string[]; loading?: boolean; error?: string }>({});
  useEffect(() => () => state.urls?.forEach((url) => URL.revokeObjectURL(url)), [state.urls]);

  if (state.urls) {
    return (
      <Stack gap={4}>
        {state.urls.map((url, index) => (
          <Group key={url} gap="xs" wrap="nowrap">
            {state.urls && state.urls.length > 1 && <Text size="xs">{t('timeline.recordingPart', { part: index + 1, parts: state.urls.length })}</Text>}
            <audio controls autoPlay={index === 0} src={url} data-testid="recording-audio" style={{ height: 32 }} />
          </Group>
        ))}
      </Stack>
    );
  }
  if (state.error) return <Text size="xs" c="red">{state.error}</Text>;
  return (
    <Anchor
      size="xs"
      component="button"
      disabled={state.loading}
      onClick={() => {
        setState({ loading: true });
        fetchRecording(bridge, interactionId)
          .then((blobs) => setState({ urls: blobs.map((blob) => URL.createObjectURL(blob)) }))
          .catch((error: unknown) => setState({ error: failureText(error) }));
      }}
      data-testid="recording-play"
    >
      <IconPlayerPlay size={12} /> {t('timeline.playRecording')}
    </Anchor>
  );
}
