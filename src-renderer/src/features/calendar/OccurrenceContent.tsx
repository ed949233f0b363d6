import { IconAlertTriangle, IconCloudUpload, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarOccurrence } from '#contract';
import { kindIcons } from './kind-icons';

export interface OccurrenceContentProps {
  occurrence: CalendarOccurrence;
  timeText: string;
}

/** An item on the grid: its kind, time and title, and marks for a change not yet on the server, a conflict, read-only. */
export function OccurrenceContent({ occurrence, timeText }: OccurrenceContentProps) {
  const { t } = useTranslation();
  const KindIcon = kindIcons[occurrence.kind];
  return (
    <div className="cal-occurrence" data-testid="calendar-occurrence" data-event-id={occurrence.eventId} data-kind={occurrence.kind} data-sync={occurrence.syncState}>
      <KindIcon size={12} aria-label={t(`calendar.kind.${occurrence.kind}`)} style={{ flex: 'none' }} />
      {occurrence.syncState === 'pending' && <IconCloudUpload size={12} aria-label={t('calendar.sync.pendingItem')} style={{ flex: 'none' }} />}
      {occurrence.syncState === 'conflict' && <IconAlertTriangle size={12} aria-label={t('calendar.sync.conflictItem')} style={{ flex: 'none' }} />}
      {occurrence.readOnly && <IconLock size={12} aria-label={t('calendar.readOnly')} style={{ flex: 'none' }} />}
      <span className="cal-occurrence-title">
        {timeText && <b>{timeText} </b>}
        {occurrence.title}
      </span>
    </div>
  );
}
