import { Anchor } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvent } from '#renderer/api/client';
import { ReminderActions } from '#renderer/features/calendar/ReminderActions';
import { apiErrorText } from '#renderer/i18n/error-text';
import { goTo } from '#renderer/routing/useHashRoute';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

/** Shows work running in the background (imports, demo data) and due reminders as in-app notices. */
export function BackgroundNotices() {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const shown = useRef(new Set<string>());

  useEvent('job.progress', (job) => {
    const title = t(`jobs.${job.kind}`);
    const message =
      job.state === 'failed'
        ? t('jobs.failed', { message: apiErrorText(t, { code: 'internal', message: job.message ?? '', ...(job.reason ? { reason: job.reason, params: job.params ?? {} } : {}) }) })
        : job.state === 'done'
          ? t('jobs.done')
          : job.total > 0
            ? t('jobs.progress', { done: formatNumber(locale, job.done), total: formatNumber(locale, job.total) })
            : t('common.loading');
    const notice = {
      id: job.jobId,
      title,
      message,
      loading: job.state === 'running',
      color: job.state === 'failed' ? 'red' : 'blue',
      autoClose: job.state === 'running' ? false : 4000,
      withCloseButton: job.state !== 'running',
    };
    if (shown.current.has(job.jobId)) notifications.update(notice);
    else {
      shown.current.add(job.jobId);
      notifications.show(notice);
    }
  });

  const missed = useRef(0);
  useEvent('reminder.due', (reminder) => {
    // Reminders whose time came while the workstation was off: one notice with their number, the list in the calendar.
    if (reminder.state === 'missed') {
      missed.current++;
      const notice = {
        id: 'reminders-missed',
        title: t('calendar.remindersMissed', { count: missed.current }),
        message: (
          <Anchor component="button" size="sm" onClick={() => goTo({ area: 'calendar', id: null })} data-testid="reminders-missed-open">
            {t('calendar.remindersMissedOpen')}
          </Anchor>
        ),
        autoClose: false,
        color: 'orange',
        onClose: () => {
          missed.current = 0;
        },
      };
      if (missed.current > 1) notifications.update(notice);
      else notifications.show(notice);
      return;
    }
    const id = `reminder:${reminder.eventId}:${reminder.occurrenceStart}`;
    notifications.show({
      id,
      title: `${t('calendar.reminderDue')}: ${reminder.title}`,
      message: (
        <>
          {[formatDateTime(locale, reminder.startsAt), reminder.contactName].filter(Boolean).join(' · ')}
          <ReminderActions reminder={reminder} onDone={() => notifications.hide(id)} />
        </>
      ),
      autoClose: false,
      color: 'orange',
    });
  });

  return null;
}
