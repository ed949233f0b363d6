import { Anchor, Badge, Box, Button, Card, Drawer, Group, Loader, ScrollArea, SegmentedControl, Select, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { goTo } from '#renderer/routing/useHashRoute';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { formatDateTime, formatMoney, formatShortDate } from '#renderer/i18n/format';
import { stageName } from '#renderer/i18n/stage-name';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { useErrorText } from '#renderer/ui/useErrorText';
import { DealForm } from './DealForm';

export interface DealsScreenProps {
  openId: string | null;
  onOpen: (id: string | null) => void;
}

/** The pipeline: a board by stage (drag a deal to move it) and a list. */
export function DealsScreen({ openId, onOpen }: DealsScreenProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const [view, setView] = useState<'board' | 'list'>('board');
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const board = useQuery('deals.board', ownerId ? { ownerId } : {});
  const list = useQuery('deals.list', { ...(ownerId ? { ownerId } : {}), limit: 200 }, view === 'list');
  const refresh = () => {
    board.reload();
    list.reload();
  };
  const move = async (dealId: string, stageId: string) => {
    if (await act(bridge, 'deals.move', { id: dealId, stageId }, errorText)) refresh();
  };

  return (
    <Box>
      <ScreenTitle
        actions={
          <Group>
            <EmployeeSelect label="" placeholder={t('deals.anyOwner')} value={ownerId} onChange={setOwnerId} />
            <SegmentedControl value={view} onChange={(v) => setView(v === 'list' ? 'list' : 'board')} data={[{ value: 'board', label: t('deals.board') }, { value: 'list', label: t('deals.list') }]} />
            <Button onClick={() => setCreating(true)}>{t('deals.new')}</Button>
          </Group>
        }
      >
        {t('deals.pipeline')}
      </ScreenTitle>
      {board.error && <ErrorNotice error={board.error} onRetry={board.reload} />}
      {view === 'board' && board.data && (
        <ScrollArea>
          <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="deal-board">
            {board.data.columns.map((column) => (
              <Box
                key={column.stage.id}
                w={260}
                miw={260}
                p="xs"
                bg="var(--mantine-color-default-hover)"
                style={{ borderRadius: 8 }}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  const dealId = e.dataTransfer.getData('text/deal');
                  if (dealId) void move(dealId, column.stage.id);
                }}
              >
                <Text fw={600}>{stageName(t, column.stage)}</Text>
                <Text size="xs" c="dimmed" mb="xs">
                  {column.total} · {column.amounts.map((a) => formatMoney(locale, a.amount, a.currency)).join(' + ') || formatMoney(locale, 0, 'UAH')}
                </Text>
                <Stack gap={6}>
                  {column.deals.map((deal) => (
                    <Card key={deal.id} padding="xs" withBorder draggable onDragStart={(e) => e.dataTransfer.setData('text/deal', deal.id)} onClick={() => onOpen(deal.id)} style={{ cursor: 'pointer' }}>
                      <Text size="sm" fw={500} lineClamp={2}>
                        {deal.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {deal.contact?.name ?? deal.company?.name}
                      </Text>
                      <Group justify="space-between">
                        <Text size="sm">{formatMoney(locale, deal.amount, deal.currency)}</Text>
                        {deal.expectedCloseAt && (
                          <Text size="xs" c="dimmed">
                            {formatShortDate(locale, deal.expectedCloseAt)}
                          </Text>
                        )}
                      </Group>
                    </Card>
                  ))}
                </Stack>
              </Box>
            ))}
          </Group>
        </ScrollArea>
      )}
      {view === 'list' && list.data && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('deals.title')}</Table.Th>
              <Table.Th>{t('deals.client')}</Table.Th>
              <Table.Th>{t('deals.stage')}</Table.Th>
              <Table.Th ta="right">{t('deals.amount')}</Table.Th>
              <Table.Th>{t('deals.probability')}</Table.Th>
              <Table.Th>{t('deals.expectedClose')}</Table.Th>
              <Table.Th>{t('deals.owner')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((deal) => (
              <Table.Tr key={deal.id} onClick={() => onOpen(deal.id)} style={{ cursor: 'pointer' }}>
                <Table.Td>{deal.title}</Table.Td>
                <Table.Td>{deal.contact?.name ?? deal.company?.name}</Table.Td>
                <Table.Td>{stageName(t, deal.stage)}</Table.Td>
                <Table.Td ta="right">{formatMoney(locale, deal.amount, deal.currency)}</Table.Td>
                <Table.Td>{deal.probability}%</Table.Td>
                <Table.Td>{deal.expectedCloseAt ? formatShortDate(locale, deal.expectedCloseAt) : t('common.unknown')}</Table.Td>
                <Table.Td>{deal.owner?.name ?? t('common.unknown')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer opened={openId !== null} onClose={() => onOpen(null)} position="right" size="lg">
        {openId && <DealDetail id={openId} onChanged={refresh} />}
      </Drawer>
      {creating && (
        <DealForm
          deal={null}
          onClose={() => setCreating(false)}
          onSaved={(deal) => {
            setCreating(false);
            refresh();
            onOpen(deal.id);
          }}
        />
      )}
    </Box>
  );
}

function DealDetail({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const detail = useQuery('deals.get', { id });
  const stages = useQuery('deals.stages', {});
  const [editing, setEditing] = useState<Deal | null>(null);
  if (detail.error) return <ErrorNotice error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Loader />;
  const deal = detail.data;
  const refresh = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Stack gap="sm" data-testid="deal-detail">
      <Title order={3}>{deal.title}</Title>
      <Group>
        {deal.contact && <Anchor onClick={() => goTo({ area: 'contacts', id: deal.contact?.id ?? null })}>{deal.contact.name}</Anchor>}
        {deal.company && <Anchor onClick={() => goTo({ area: 'companies', id: deal.company?.id ?? null })}>{deal.company.name}</Anchor>}
      </Group>
      <Group>
        <Text fw={600} size="lg">
          {formatMoney(locale, deal.amount, deal.currency)}
        </Text>
        <Badge>{deal.probability}%</Badge>
        {deal.closedAt && <Badge color={deal.stage.outcome === 'won' ? 'green' : 'red'}>{t(`deals.outcome.${deal.stage.outcome}`)}</Badge>}
      </Group>
      <Select
        label={t('deals.stage')}
        data={(stages.data ?? []).map((s) => ({ value: s.id, label: stageName(t, s) }))}
        value={deal.stage.id}
        allowDeselect={false}
        onChange={(stageId) => {
          if (stageId) void act(bridge, 'deals.move', { id: deal.id, stageId }, errorText).then((moved) => moved && refresh());
        }}
        data-testid="deal-stage"
      />
      {deal.notes && <Text style={{ whiteSpace: 'pre-wrap' }}>{deal.notes}</Text>}
      <Button variant="default" w="fit-content" onClick={() => setEditing(deal)}>
        {t('common.edit')}
      </Button>
      <Text fw={600}>{t('deals.history')}</Text>
      <Timeline bulletSize={12}>
        {deal.history.map((h, i) => (
          <Timeline.Item key={i} title={h.from ? `${stageName(t, { name: h.from, key: h.fromKey })} → ${stageName(t, { name: h.to, key: h.toKey })}` : stageName(t, { name: h.to, key: h.toKey })}>
            <Text size="xs" c="dimmed">
              {[formatDateTime(locale, h.at), h.employee].filter(Boolean).join(' · ')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
      {editing && (
        <DealForm
          deal={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
