import { ActionIcon, Alert, Anchor, Badge, Box, Card, Checkbox, Group, Pagination, SegmentedControl, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { IconChevronRight, IconPhoneCall, IconPhoneIncoming, IconPhoneOutgoing } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDisposition, CallHistoryItem } from '#contract';
import { useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { ColleagueLines } from '#renderer/features/phone/ColleagueLines';
import { MyReviews } from '#renderer/features/quality/MyReviews';
import { usePhone } from '#renderer/features/phone/PhoneProvider';
import { formatCompactDateTime, formatDuration } from '#renderer/i18n/format';
import { DateField } from '#renderer/ui/DateField';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { CallPage } from './CallPage';

export interface CallsScreenProps {
  /** The call whose page is open (its interaction id). */
  openId: string | null;
  onOpen: (id: string | null) => void;
  onOpenContact: (id: string) => void;
}

const pageSize = 50;
type DirectionFilter = 'all' | 'in' | 'out';

const dispositionColor: Partial<Record<CallDisposition, string>> = { answered: 'green', missed: 'red', busy: 'orange', no_answer: 'orange', failed: 'red', transferred: 'blue' };

/** A date field's value ("2026-11-22") as the start or the end of that local day. */
function dayBound(value: string, end: boolean): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return end ? new Date(y, m - 1, d, 23, 59, 59, 999).getTime() : new Date(y, m - 1, d).getTime();
}

/** The calls area: the history of every call, the operator's own reviews, and one call's page. */
export function CallsScreen({ openId, onOpen, onOpenContact }: CallsScreenProps) {
  const { t } = useTranslation();
  const { settings } = useWorkplace();
  const [tab, setTab] = useState<string | null>('history');
  const mine = useQuery('quality.myReviews', { limit: 100 }, settings.currentEmployeeId !== null);
  // Back from a call's page, a review just read is read in the list too.
  const { reload } = mine;
  useEffect(() => {
    if (openId === null) reload();
  }, [openId, reload]);
  if (openId !== null) return <CallPage callId={openId} onBack={() => onOpen(null)} onOpenContact={onOpenContact} />;
  const unseen = settings.currentEmployeeId ? (mine.data?.unseen ?? 0) : 0;
  return (
    <Box>
      {unseen > 0 && tab !== 'mine' && (
        <Alert mb="md" color="blue" data-testid="my-reviews-notice">
          <Anchor component="button" onClick={() => setTab('mine')}>
            {t('quality.mine.unseen', { count: unseen })}
          </Anchor>
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="history">{t('quality.mine.history')}</Tabs.Tab>
          <Tabs.Tab
            value="mine"
            data-testid="my-reviews-tab"
            rightSection={
              unseen > 0 ? (
                <Badge size="sm" color="red" data-testid="my-reviews-badge">
                  {unseen}
                </Badge>
              ) : null
            }
          >
            {t('quality.mine.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="history">
          <CallHistory onOpen={onOpen} onOpenContact={onOpenContact} />
        </Tabs.Panel>
        <Tabs.Panel value="mine">
          <MyReviews reviews={mine} onOpenCall={onOpen} />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

/** Every call in and out, newest first: filter by direction, missed, operator and dates; call back; open a call's page. */
function CallHistory({ onOpen, onOpenContact }: Omit<CallsScreenProps, 'openId'>) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const { dial, status, missedCount } = usePhone();
  const [direction, setDirection] = useState<DirectionFilter>('all');
  const [missed, setMissed] = useState(false);
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const fromMs = dayBound(from, false);
  const toMs = dayBound(to, true);
  const history = useQuery('calls.history', {
    offset: (page - 1) * pageSize,
    limit: pageSize,
    missed,
    ...(direction === 'all' ? {} : { direction }),
    ...(employeeId ? { employeeId } : {}),
    ...(fromMs !== undefined ? { from: fromMs } : {}),
    ...(toMs !== undefined && (fromMs === undefined || toMs >= fromMs) ? { to: toMs } : {}),
  });
  const pages = Math.max(1, Math.ceil((history.data?.total ?? 0) / pageSize));
  const filtered = (change: () => void) => {
    change();
    setPage(1);
  };
  const canCall = status.registration === 'registered';
  const callBack = (row: CallHistoryItem) => row.remoteNumber && void dial(row.remoteNumber, row.contactId ?? undefined);

  return (
    <Box>
      <ScreenTitle
        actions={
          <SegmentedControl
            value={direction}
            onChange={(value) => filtered(() => setDirection(value === 'in' || value === 'out' ? value : 'all'))}
            data={[
              { value: 'all', label: t('calls.all') },
              { value: 'in', label: t('calls.incoming') },
              { value: 'out', label: t('calls.outgoing') },
            ]}
          />
        }
      >
        {t('calls.title')}
      </ScreenTitle>
      <Group mb="md" align="flex-end">
        <Checkbox
          label={missedCount > 0 ? t('calls.missedOnlyCount', { count: missedCount }) : t('calls.missedOnly')}
          checked={missed}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            filtered(() => setMissed(checked));
          }}
          data-testid="calls-missed"
        />
        <Box w={220}>
          <EmployeeSelect label={t('calls.operator')} value={employeeId} onChange={(id) => filtered(() => setEmployeeId(id))} placeholder={t('calls.anyOperator')} />
        </Box>
        <DateField label={t('calls.from')} value={from || null} onChange={(value) => filtered(() => setFrom(value ?? ''))} data-testid="calls-from" />
        <DateField label={t('calls.to')} value={to || null} onChange={(value) => filtered(() => setTo(value ?? ''))} data-testid="calls-to" error={fromMs !== undefined && toMs !== undefined && toMs < fromMs ? t('calls.badPeriod') : undefined} />
      </Group>
      <Card withBorder mb="md" maw={420} data-testid="lines-panel">
        <Text fw={600} mb={6}>
          {t('lines.title')}
        </Text>
        <ColleagueLines />
      </Card>
      {history.error && <ErrorNotice error={history.error} onRetry={history.reload} />}
      {history.data?.rows.length === 0 && <Text c="dimmed">{t('calls.empty')}</Text>}
      {history.data && history.data.rows.length > 0 && (
        <Table striped highlightOnHover fz="sm" data-testid="calls-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('calls.when')}</Table.Th>
              <Table.Th>{t('calls.contact')}</Table.Th>
              <Table.Th>{t('calls.number')}</Table.Th>
              <Table.Th>{t('calls.result')}</Table.Th>
              <Table.Th>{t('calls.duration')}</Table.Th>
              <Table.Th>{t('calls.operator')}</Table.Th>
              <Table.Th>{t('calls.outcome')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.rows.map((row) => (
              <Table.Tr
                key={row.id}
                data-testid="call-row"
                data-disposition={row.disposition ?? ''}
                style={{ cursor: 'pointer' }}
                // A click on the row opens the call, unless it was on one of the row's own links or buttons.
                onClick={(e) => (e.target as HTMLElement).closest('button, a') === null && onOpen(row.id)}
              >
                {/* The direction is an icon beside the time: a column of its own would cost a header wider than the table can spare. */}
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {row.direction === 'in' ? <IconPhoneIncoming size={16} style={{ flexShrink: 0 }} aria-label={t('interaction.in')} /> : <IconPhoneOutgoing size={16} style={{ flexShrink: 0 }} aria-label={t('interaction.out')} />}
                    {formatCompactDateTime(locale, row.occurredAt)}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {row.contactId ? (
                    <Anchor component="button" onClick={() => row.contactId && onOpenContact(row.contactId)}>
                      {row.contactName}
                    </Anchor>
                  ) : (
                    (row.remoteName ?? t('common.unknown'))
                  )}
                </Table.Td>
                <Table.Td ff="monospace">{row.remoteNumber ?? t('common.unknown')}</Table.Td>
                <Table.Td>
                  {row.disposition ? (
                    <Tooltip label={row.endReason ?? ''} disabled={!row.endReason}>
                      <Badge variant="light" color={dispositionColor[row.disposition] ?? 'gray'}>
                        {t(`disposition.${row.disposition}`)}
                        {row.disposition === 'missed' && row.returned ? ` · ${t('calls.returned')}` : ''}
                      </Badge>
                    </Tooltip>
                  ) : (
                    t('common.unknown')
                  )}
                </Table.Td>
                <Table.Td>{row.durationSeconds === null ? t('common.unknown') : formatDuration(row.durationSeconds)}</Table.Td>
                <Table.Td>{row.employeeName ?? t('common.unknown')}</Table.Td>
                <Table.Td>{row.subject || row.outcome || t('common.unknown')}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                  {row.remoteNumber && (
                    <Tooltip label={t('calls.callBack')}>
                      <ActionIcon variant="subtle" color="green" disabled={!canCall} onClick={() => callBack(row)} aria-label={t('calls.callBack')} data-testid="call-back">
                        <IconPhoneCall size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  <Tooltip label={t('quality.call.open')}>
                    <ActionIcon variant="subtle" onClick={() => onOpen(row.id)} aria-label={t('quality.call.open')} data-testid="call-open">
                      <IconChevronRight size={16} />
                    </ActionIcon>
                  </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination total={pages} value={page} onChange={setPage} size="sm" />
        </Group>
      )}
    </Box>
  );
}
