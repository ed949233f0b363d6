import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OperatorSession } from '#contract';
import { SessionStateDetail } from './SessionStateDetail';

export interface SessionStatePanelProps {
  session: OperatorSession;
  now: number;
}

const colors: Record<OperatorSession['state'], string> = { off: 'gray', ready: 'teal', previewing: 'blue', dialing: 'orange', on_call: 'green', wrap_up: 'violet', paused: 'yellow' };

/** The session's state, big: what the operator is doing now and the clock that matters in it. */
export function SessionStatePanel({ session, now }: SessionStatePanelProps) {
  const { t } = useTranslation();
  const paused = session.state === 'paused';
  return (
    <Paper withBorder p="lg" radius="md" style={{ borderLeft: `6px solid var(--mantine-color-${colors[session.state]}-6)` }} data-testid="session-state" data-state={session.state}>
      <Stack gap={4}>
        <Title order={1} c={`${colors[session.state]}.8`}>
          {t(`dialer.state.${session.state}`)}
        </Title>
        <SessionStateDetail session={session} now={now} />
        {paused && session.pauseReason && (
          <Text size="lg" data-testid="session-pause-reason">
            {t(`dialer.pauseReason.${session.pauseReason}`)}
          </Text>
        )}
        {!paused && session.pauseReason && (
          <Text size="sm" c="yellow.8" data-testid="session-pause-pending">
            {t('dialer.pauseAfterCall', { reason: t(`dialer.pauseReason.${session.pauseReason}`) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
