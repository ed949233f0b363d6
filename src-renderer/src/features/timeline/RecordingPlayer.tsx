import { Anchor, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBridge } from '#renderer/api/client';
import { fetchRecording } from '#renderer/api/files';

/** A call's recording: fetched from main on request, then played in place. */
export function RecordingPlayer({ interactionId }: { interactionId: string }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [state, setState] = useState<{ url?: string; loading?: boolean; error?: string }>({});
  useEffect(() => () => void (state.url && URL.revokeObjectURL(state.url)), [state.url]);

  if (state.url) return <audio controls autoPlay src={state.url} data-testid="recording-audio" style={{ height: 32 }} />;
  if (state.error) return <Text size="xs" c="red">{state.error}</Text>;
  return (
    <Anchor
      size="xs"
      component="button"
      disabled={state.loading}
      onClick={() => {
        setState({ loading: true });
        fetchRecording(bridge, interactionId)
          .then((blob) => setState({ url: URL.createObjectURL(blob) }))
          .catch((error: unknown) => setState({ error: String(error) }));
      }}
      data-testid="recording-play"
    >
      <IconPlayerPlay size={12} /> {t('timeline.playRecording')}
    </Anchor>
  );
}
