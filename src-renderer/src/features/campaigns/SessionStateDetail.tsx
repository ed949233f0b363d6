import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OperatorSession } from '#contract';
import { formatDuration, formatTime } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { secondsUntil, wrapUpTimer } from './session-clock';

export interface SessionStateDetailProps {
  session: OperatorSession;
  now: number;
}

/** The clock or figure that matters in the session's state: the countdown, lines out, the call's length, the wrap-up's time left or over. */
export function SessionStateDetail({ session, now }: SessionStateDetailProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  switch (session.state) {
    case 'ready':
      return <Text c="dimmed">{session.idleUntil === null ? t('dialer.detail.ready') : t('dialer.detail.nextDue', { time: formatTime(locale, session.idleUntil) })}</Text>;
    case 'previewing':
      return session.countdownEndsAt === null ? (
        <Text c="dimmed">{t('dialer.detail.previewing')}</Text>
      ) : (
        <Text size="xl" fw={600} data-testid="session-countdown">
          {t('dialer.detail.countdown', { seconds: Math.max(0, secondsUntil(session.countdownEndsAt, now)) })}
        </Text>
      );
    case 'dialing':
      return session.mode === 'power' ? (
        <Text size="xl" fw={600} data-testid="session-lines-out">
          {t('dialer.detail.linesOut', { lines: session.linesOut, ratio: session.pacedRatio.toFixed(1) })}
        </Text>
      ) : (
        <Text c="dimmed">{t('dialer.detail.dialing')}</Text>
      );
    case 'on_call':
      return (
        <Text size="xl" fw={600} ff="monospace">
          {formatDuration(Math.max(0, Math.floor((now - session.since) / 1000)))}
        </Text>
      );
    case 'wrap_up': {
      if (session.wrapUpEndsAt === null) return <Text c="dimmed">{t('dialer.detail.wrapUpUntimed')}</Text>;
      const timer = wrapUpTimer(session.wrapUpEndsAt, now);
      return (
        <Text size="xl" fw={700} ff="monospace" c={timer.overdue ? 'red' : undefined} data-testid="session-wrap-up-timer" data-overdue={timer.overdue}>
          {timer.overdue ? t('dialer.detail.overdue', { time: formatDuration(timer.seconds) }) : t('dialer.detail.left', { time: formatDuration(timer.seconds) })}
        </Text>
      );
    }
    case 'paused':
    case 'off':
      return null;
  }
}
