import { Button, Group, Menu } from '@mantine/core';
import { IconDoorExit, IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { operatorPauseReasons, type OperatorSession } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import type { SessionCommand } from './useSessionCommand';

export interface SessionControlsProps {
  session: OperatorSession;
  command: SessionCommand;
  onLeft: () => void;
}

/** States in which the operator may not leave: a call is out, under way or not yet disposed of. */
const busy: ReadonlySet<OperatorSession['state']> = new Set(['dialing', 'on_call', 'wrap_up']);

/** Ready, Pause with a reason (during a call it takes effect after the disposition), and Leave. */
export function SessionControls({ session, command, onLeft }: SessionControlsProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const leave = async () => {
    if (await act(bridge, 'dialer.leave', {}, errorText)) onLeft();
  };
  return (
    <Group gap="xs">
      {session.state === 'paused' && (
        <Button color="teal" leftSection={<IconPlayerPlay size={16} />} onClick={() => void command('dialer.ready', {})} data-testid="session-ready">
          {t('dialer.ready')}
        </Button>
      )}
      {session.state !== 'paused' && (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="light" color="yellow" leftSection={<IconPlayerPause size={16} />} data-testid="session-pause">
              {t('dialer.pause')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {operatorPauseReasons.map((reason) => (
              <Menu.Item key={reason} onClick={() => void command('dialer.pause', { reason })} data-testid={`session-pause-${reason}`}>
                {t(`dialer.pauseReason.${reason}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <Button variant="default" leftSection={<IconDoorExit size={16} />} disabled={busy.has(session.state)} onClick={() => void leave()} data-testid="session-leave">
        {t('dialer.leave')}
      </Button>
    </Group>
  );
}
