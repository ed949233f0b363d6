import { Button, Group } from '@mantine/core';
import { IconPhoneCall, IconPlayerSkipForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipDialog } from './SkipDialog';
import type { SessionCommand } from './useSessionCommand';

export interface PreviewActionsProps {
  command: SessionCommand;
}

/** Preview: dial the card shown, or pass it over with a reason. */
export function PreviewActions({ command }: PreviewActionsProps) {
  const { t } = useTranslation();
  const [skipping, setSkipping] = useState(false);
  return (
    <Group gap="sm">
      <Button size="lg" color="green" leftSection={<IconPhoneCall size={20} />} onClick={() => void command('dialer.dial', {})} data-testid="session-dial">
        {t('dialer.dial')}
      </Button>
      <Button size="lg" variant="default" leftSection={<IconPlayerSkipForward size={20} />} onClick={() => setSkipping(true)} data-testid="session-skip">
        {t('dialer.skip')}
      </Button>
      {skipping && (
        <SkipDialog
          onCancel={() => setSkipping(false)}
          onSkip={(reason) => {
            setSkipping(false);
            void command('dialer.skip', { reason });
          }}
        />
      )}
    </Group>
  );
}
