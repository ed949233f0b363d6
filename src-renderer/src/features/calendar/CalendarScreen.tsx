import { ActionIcon, Badge, Box, Button, Group, Indicator, MultiSelect, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconBell, IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarOccurrence } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useEvent, useQuery } from '#renderer/api/client';
import { formatDate } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { CalendarGrid, gridViews, type GridMove } from './CalendarGrid';
import { CalendarList } from './CalendarList';
import { ConflictsDialog } from './ConflictsDialog';
import { ConnectAccountDialog } from './ConnectAccountDialog';
import { ItemEditor, type EditorTarget } from './ItemEditor';
import { ItemPanel } from './ItemPanel';
import { LoadAnalysis } from './LoadAnalysis';
import { ProblemsDialog } from './ProblemsDialog';
import { RemindersDrawer } from './RemindersDrawer';
import { ScopeDialog } from './ScopeDialog';
import { SyncAccounts } from './SyncAccounts';
import { TeamView } from './TeamView';
import { shiftDate, type ScreenMode } from './navigation';

export interface CalendarScreenProps {
  onOpenContact: (id: string) => void;
}

type Dialog = 'conflicts' | 'problems' | 'connect' | 'reminders' | null;

const dayMs = 24 * 60 * 60 * 1000;

function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/**
 * The calendar: day, week, month, agenda and the team's day, with the calendars and their sync beside it; click a
 * slot to plan, drag to move, click an item for its panel.
 */
export function CalendarScreen({ onOpenContact }: CalendarScreenProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale, settings } = useWorkplace();
  const me = settings.currentEmployeeId;
  const [mode, setMode] = useState<ScreenMode>('timeGridWeek');
  const [date, setDate] = useState(() => startOfDay(new Date()));
  const [range, setRange] = useState<{ from: number; to: number; title: string } | null>(null);
  const [team, setTeam] = useState<string[]>(me ? [me] : []);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [panel, setPanel] = useState<CalendarOccurrence | null>(null);
  const [pendingMove, setPendingMove] = useState<GridMove | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const teamDay = { from: startOfDay(date).getTime(), to: startOfDay(date).getTime() + dayMs };
  const request = mode === 'team' ? { ...teamDay, employeeIds: team } : range ? { from: range.from, to: range.to } : null;
  const occurrences = useQuery('calendar.range', request ?? { from: 0, to: 1 }, request !== null && mode !== 'load' && (mode !== 'team' || team.length > 0));
  const calendars = useQuery('calendar.calendars', {});
  const accounts = useQuery('calendar.accounts', {});
  const reminders = useQuery('calendar.reminders', {});
  const conflicts = useQuery('calendar.conflicts', {});
  const employees = useQuery('employees.list', {});

  const reloadAll = () => {
    occurrences.reload();
    calendars.reload();
    accounts.reload();
    conflicts.reload();
    reminders.reload();
  };
  useEvent('calendar.changed', reloadAll);
  useEvent('reminder.due', reminders.reload);

  // The dragged occurrence is named either way: a whole series moves by as much as that occurrence did.
  const move = async (pending: GridMove, scope: 'occurrence' | 'series') => {
    const { occurrence } = pending;
    const moved = await act(
      bridge,
      'calendar.move',
      { id: occurrence.eventId, recurrenceId: occurrence.recurrenceId, scope, startsAt: pending.startsAt, endsAt: pending.endsAt, allDay: pending.allDay },
      errorText,
    );
    if (!moved) pending.revert();
    occurrences.reload();
  };
  const onMove = (pending: GridMove) => {
    if (pending.occurrence.recurring) setPendingMove(pending);
    else void move(pending, 'series');
  };

  const openConflicts = conflicts.data?.length ?? 0;
  const dueReminders = (reminders.data ?? []).filter((r) => r.state !== 'snoozed').length;
  const title = mode === 'team' ? formatDate(locale, date.getTime()) : (range?.title ?? '');
  const teamMembers = (employees.data ?? []).filter((e) => team.includes(e.id));

  return (
    <Box>
      <ScreenTitle>{t('calendar.title')}</ScreenTitle>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Group gap="xs" display={mode === 'load' ? 'none' : undefined}>
          <Button variant="default" size="xs" onClick={() => setDate(startOfDay(new Date()))} data-testid="calendar-today">
            {t('calendar.today')}
          </Button>
          <ActionIcon variant="default" onClick={() => setDate(shiftDate(date, mode, -1))} aria-label={t('calendar.previous')} data-testid="calendar-previous">
            <IconChevronLeft size={16} />
          </ActionIcon>
          <ActionIcon variant="default" onClick={() => setDate(shiftDate(date, mode, 1))} aria-label={t('calendar.next')} data-testid="calendar-next">
            <IconChevronRight size={16} />
          </ActionIcon>
          <Title order={4} data-testid="calendar-range-title">
            {title}
          </Title>
        </Group>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(v) => setMode(v)}
            data={[...gridViews, 'team' as const, 'load' as const].map((v) => ({ value: v, label: t(`calendar.view.${v}`) }))}
            data-testid="calendar-views"
          />
          <Tooltip label={t('calendar.reminders.title')}>
            <Indicator label={dueReminders} size={16} disabled={dueReminders === 0} color="orange">
              <ActionIcon variant="default" onClick={() => {
                  reminders.reload();
                  setDialog('reminders');
                }} aria-label={t('calendar.reminders.title')} data-testid="calendar-reminders-open">
                <IconBell size={16} />
              </ActionIcon>
            </Indicator>
          </Tooltip>
          {openConflicts > 0 && (
            <Button size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={14} />} onClick={() => setDialog('conflicts')} data-testid="calendar-conflicts-open">
              {t('calendar.sync.conflicts', { count: openConflicts })}
            </Button>
          )}
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditor({ prefill: {} })} data-testid="calendar-new">
            {t('calendar.newItem')}
          </Button>
        </Group>
      </Group>
      <Box style={{ display: 'grid', gridTemplateColumns: '230px minmax(0, 1fr)', gap: 'var(--mantine-spacing-md)' }}>
        <Stack gap="md">
          {calendars.error && <ErrorNotice error={calendars.error} onRetry={calendars.reload} />}
          <CalendarList calendars={calendars.data ?? []} me={me} onChanged={reloadAll} />
          <Stack gap={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {t('calendar.sync.title')}
            </Text>
            <SyncAccounts accounts={accounts.data ?? []} onConnect={() => setDialog('connect')} onOpenProblems={() => setDialog('problems')} onOpenConflicts={() => setDialog('conflicts')} onChanged={reloadAll} />
          </Stack>
        </Stack>
        <Stack gap="xs" miw={0}>
          {occurrences.error && <ErrorNotice error={occurrences.error} onRetry={occurrences.reload} />}
          {mode === 'team' && (
            <MultiSelect
              size="xs"
              aria-label={t('calendar.team.employees')}
              placeholder={t('calendar.team.employees')}
              data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
              value={team}
              onChange={setTeam}
              searchable
              maxValues={8}
              data-testid="calendar-team-employees"
            />
          )}
          {mode === 'load' ? (
            <LoadAnalysis me={me} />
          ) : (
            <Box h="calc(100vh - 200px)" mih={480} data-testid="calendar-grid" data-loading={occurrences.loading}>
              {mode === 'team' ? (
                teamMembers.length > 0 ? (
                  <TeamView
                    date={date}
                    employees={teamMembers}
                    occurrences={occurrences.data ?? []}
                    onOpen={setPanel}
                    onMove={onMove}
                    onCreate={({ ownerId, ...slot }) => setEditor({ prefill: { ...slot, ownerId } })}
                  />
                ) : (
                  <Text c="dimmed">{t('calendar.team.choose')}</Text>
                )
              ) : (
                <CalendarGrid
                  view={mode}
                  date={date}
                  occurrences={occurrences.data ?? []}
                  onRange={setRange}
                  onOpen={setPanel}
                  onMove={onMove}
                  onCreate={(slot) => setEditor({ prefill: slot })}
                  testId="calendar-fc"
                />
              )}
            </Box>
          )}
          {accounts.data?.length === 0 && (
            <Badge variant="light" color="gray">
              {t('calendar.sync.localOnly')}
            </Badge>
          )}
        </Stack>
      </Box>
      {editor && (
        <ItemEditor
          target={editor}
          onClose={() => setEditor(null)}
          onSaved={() => {
            setEditor(null);
            setPanel(null);
            reloadAll();
          }}
        />
      )}
      {panel && !editor && (
        <ItemPanel
          occurrence={panel}
          onClose={() => setPanel(null)}
          onEdit={() => setEditor({ itemId: panel.eventId, occurrence: panel })}
          onOpenContact={onOpenContact}
          onOpenConflicts={() => setDialog('conflicts')}
          onChanged={() => {
            setPanel(null);
            reloadAll();
          }}
        />
      )}
      {pendingMove && (
        <ScopeDialog
          onChoose={(scope) => {
            void move(pendingMove, scope);
            setPendingMove(null);
          }}
          onCancel={() => {
            pendingMove.revert();
            setPendingMove(null);
          }}
        />
      )}
      {dialog === 'conflicts' && <ConflictsDialog onClose={() => setDialog(null)} onResolved={reloadAll} />}
      {dialog === 'problems' && <ProblemsDialog onClose={() => setDialog(null)} />}
      {dialog === 'connect' && (
        <ConnectAccountDialog
          onClose={() => setDialog(null)}
          onConnected={() => {
            setDialog(null);
            reloadAll();
          }}
        />
      )}
      {dialog === 'reminders' && <RemindersDrawer reminders={reminders} onClose={() => setDialog(null)} onOpenContact={onOpenContact} />}
    </Box>
  );
}
