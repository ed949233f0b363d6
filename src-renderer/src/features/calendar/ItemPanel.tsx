import { Anchor, Badge, Button, Drawer, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLock, IconPencil, IconRepeat, IconTrash, IconUserShare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AssignmentStatus, CalendarOccurrence } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { formatDate, formatDateTime, formatTimeRange } from '#renderer/i18n/format';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { inputOfDraft, draftOfItem } from './item-draft';
import { kindIcons } from './kind-icons';
import { workstationZone } from './zoned-time';

export interface ItemPanelProps {
  occurrence: CalendarOccurrence;
  onClose: () => void;
  onEdit: () => void;
  onOpenContact: (id: string) => void;
  onOpenConflicts: () => void;
  /** Something changed: the views reload. */
  onChanged: () => void;
}

const doneKinds = new Set(['call', 'callback', 'interaction']);

/** An item's details beside the grid, with what may be done with it from here. */
export function ItemPanel({ occurrence, onClose, onEdit, onOpenContact, onOpenConflicts, onChanged }: ItemPanelProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale, settings } = useWorkplace();
  const me = settings.currentEmployeeId;
  const KindIcon = kindIcons[occurrence.kind];
  const ownZone = workstationZone();
  const assignment = occurrence.assignment;

  const run = async (work: () => Promise<unknown>) => {
    if ((await work()) !== undefined) onChanged();
  };
  const remove = (scope: 'series' | 'occurrence') =>
    run(async () => {
      const done = await act(bridge, 'calendar.delete', { id: occurrence.eventId, scope, recurrenceId: scope === 'occurrence' ? occurrence.recurrenceId : null }, errorText);
      if (done) onClose();
      return done;
    });
  const setStatus = (status: AssignmentStatus) => run(() => act(bridge, 'calendar.setAssignmentStatus', { id: occurrence.eventId, status }, errorText));
  // Taking over a colleague's item: the same item, now in the current employee's calendar.
  const takeOver = () =>
    run(async () => {
      const item = await act(bridge, 'calendar.get', { id: occurrence.eventId }, errorText);
      if (!item || !me) return undefined;
      const draft = { ...draftOfItem(item, null, ownZone), ownerId: me, calendarId: null };
      return act(bridge, 'calendar.save', inputOfDraft(draft, { id: item.id, scope: 'series', recurrenceId: null }), errorText);
    });

  const time = occurrence.allDay ? formatDate(locale, occurrence.startsAt) : `${formatDate(locale, occurrence.startsAt)}, ${formatTimeRange(locale, occurrence.startsAt, occurrence.endsAt)}`;
  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={t(`calendar.kind.${occurrence.kind}`)}>
      <Stack gap="sm" data-testid="calendar-panel" data-event-id={occurrence.eventId}>
        <Group gap="xs" wrap="nowrap">
          <KindIcon size={20} />
          <Title order={4} data-testid="calendar-panel-title">
            {occurrence.title}
          </Title>
        </Group>
        <Text>{time}</Text>
        {occurrence.tzid && occurrence.tzid !== ownZone && !occurrence.allDay && (
          <Text size="sm" c="dimmed">
            {t('calendar.panel.ownZone', { zone: occurrence.tzid, time: new Intl.DateTimeFormat(locale, { timeZone: occurrence.tzid, timeStyle: 'short' }).formatRange(occurrence.startsAt, occurrence.endsAt) })}
          </Text>
        )}
        <Group gap="xs">
          {occurrence.recurring && (
            <Badge variant="light" leftSection={<IconRepeat size={12} />}>
              {t('calendar.panel.recurring')}
            </Badge>
          )}
          {occurrence.readOnly && (
            <Badge variant="light" color="gray" leftSection={<IconLock size={12} />}>
              {t('calendar.readOnly')}
            </Badge>
          )}
          <Badge variant="light" color={occurrence.syncState === 'conflict' ? 'red' : occurrence.syncState === 'pending' ? 'yellow' : 'gray'}>
            {t(`calendar.sync.state.${occurrence.syncState}`)}
          </Badge>
          {occurrence.doneAt !== null && (
            <Badge color="green" leftSection={<IconCheck size={12} />}>
              {t('calendar.panel.doneAt', { time: formatDateTime(locale, occurrence.doneAt) })}
            </Badge>
          )}
        </Group>
        {occurrence.location && <Text size="sm">{t('calendar.panel.location', { location: occurrence.location })}</Text>}
        {occurrence.contactId && (
          <Anchor component="button" ta="start" onClick={() => occurrence.contactId && onOpenContact(occurrence.contactId)} data-testid="calendar-panel-contact">
            {occurrence.contactName ?? t('calendar.panel.contact')}
          </Anchor>
        )}
        {assignment && (
          <Text size="sm">
            {t('calendar.panel.assignment', { name: assignment.assigneeName ?? t('common.unknown'), status: t(`calendar.assignment.${assignment.status}`) })}
          </Text>
        )}
        {occurrence.syncState === 'conflict' && (
          <Button variant="light" color="red" leftSection={<IconAlertTriangle size={16} />} onClick={onOpenConflicts}>
            {t('calendar.conflicts.open')}
          </Button>
        )}
        <Group gap="xs">
          {!occurrence.readOnly && (
            <Button leftSection={<IconPencil size={16} />} onClick={onEdit} data-testid="calendar-panel-edit">
              {t('common.edit')}
            </Button>
          )}
          {doneKinds.has(occurrence.kind) && !occurrence.readOnly && (
            <Button variant="light" color="green" onClick={() => void run(() => act(bridge, 'calendar.setDone', { id: occurrence.eventId, done: occurrence.doneAt === null }, errorText))} data-testid="calendar-panel-done">
              {occurrence.doneAt === null ? t('calendar.panel.markDone') : t('calendar.panel.markNotDone')}
            </Button>
          )}
          {assignment && assignment.assigneeId === me && assignment.status !== 'checked' && (
            <>
              {assignment.status !== 'in_progress' && (
                <Button variant="light" onClick={() => void setStatus('in_progress')}>
                  {t('calendar.assignment.start')}
                </Button>
              )}
              {assignment.status !== 'done' && (
                <Button variant="light" color="green" onClick={() => void setStatus('done')}>
                  {t('calendar.assignment.finish')}
                </Button>
              )}
            </>
          )}
          {assignment && assignment.assignedById === me && assignment.status === 'done' && (
            <Button variant="light" color="teal" onClick={() => void setStatus('checked')}>
              {t('calendar.assignment.check')}
            </Button>
          )}
          {me && occurrence.ownerId && occurrence.ownerId !== me && !occurrence.readOnly && (
            <Button variant="default" leftSection={<IconUserShare size={16} />} onClick={() => void takeOver()} data-testid="calendar-panel-take-over">
              {t('calendar.panel.takeOver')}
            </Button>
          )}
          {!occurrence.readOnly &&
            (occurrence.recurring ? (
              <Menu>
                <Menu.Target>
                  <Button color="red" variant="light" leftSection={<IconTrash size={16} />} data-testid="calendar-panel-delete">
                    {t('common.delete')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => void remove('occurrence')} data-testid="calendar-delete-occurrence">
                    {t('calendar.scope.deleteOccurrence')}
                  </Menu.Item>
                  <Menu.Item color="red" onClick={() => void remove('series')} data-testid="calendar-delete-series">
                    {t('calendar.scope.deleteSeries')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => void remove('series')} data-testid="calendar-panel-delete">
                {t('common.delete')}
              </Button>
            ))}
        </Group>
      </Stack>
    </Drawer>
  );
}
