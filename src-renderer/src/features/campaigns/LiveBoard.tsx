import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Campaign, CampaignBoard } from '#contract';
import { useQuery } from '#renderer/api/client';
import { useNow } from '#renderer/features/phone/useNow';
import { formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { AbandonBar } from './AbandonBar';
import { minutesSince } from './board-figures';
import { OperatorStateText } from './OperatorStateText';
import { RebalanceControl } from './RebalanceControl';
import { StateButtons } from './StateButtons';
import { useVisibleRefresh } from './useVisibleRefresh';

export interface LiveBoardProps {
  campaign: Campaign;
  onChanged: (campaign: Campaign) => void;
}

/** The four figures at the top of the board. */
function headlineFigures(board: CampaignBoard) {
  return [
    ['dialed', board.dialed],
    ['remaining', board.entries.remaining],
    ['reached', board.reached],
    ['successful', board.successful],
  ] as const;
}

/** How often the board asks main for its figures while the window is visible. */
const refreshMs = 4_000;

/** The supervisor's live view of a campaign: the figures, the dispositions, the abandon rate against its cap, and each operator. */
export function LiveBoard({ campaign, onChanged }: LiveBoardProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const board = useQuery('campaigns.board', { id: campaign.id });
  useVisibleRefresh(board.reload, refreshMs);
  const now = useNow(30_000);
  const data = board.data;
  const number = (n: number) => formatNumber(locale, n);
  const percent = (share: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);

  return (
    <Stack gap="lg" data-testid="campaign-board">
      <Group justify="space-between" align="flex-end">
        <StateButtons campaign={campaign} onChanged={onChanged} />
        <RebalanceControl campaignId={campaign.id} onDone={board.reload} />
      </Group>
      {board.error && !data && <ErrorNotice error={board.error} onRetry={board.reload} />}
      {data && (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {headlineFigures(data).map(([key, value]) => (
              <Card key={key} withBorder padding="sm" data-testid={`board-${key}`}>
                <Text size="xs" c="dimmed">
                  {t(`campaigns.board.${key}`)}
                </Text>
                <Text fw={700} size="xl" data-testid="board-figure">
                  {number(value)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <AbandonBar abandon={data.abandon} percent={percent} number={number} />
          {data.dispositions.length > 0 && (
            <Stack gap="xs">
              <Title order={5}>{t('campaigns.board.dispositions')}</Title>
              <BarChart
                h={Math.max(100, data.dispositions.length * 34)}
                data={data.dispositions.map((d) => ({ label: d.label, count: d.count }))}
                dataKey="label"
                orientation="vertical"
                yAxisProps={{ width: 160 }}
                xAxisProps={{ allowDecimals: false }}
                series={[{ name: 'count', label: t('campaigns.board.count'), color: 'blue.6' }]}
                withBarValueLabel
              />
            </Stack>
          )}
          <Stack gap="xs">
            <Title order={5}>{t('campaigns.board.operators')}</Title>
            <Table striped data-testid="board-operators">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.board.operator')}</Table.Th>
                  <Table.Th>{t('campaigns.board.state')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.board.dialed')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.board.reached')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.board.successful')}</Table.Th>
                  <Table.Th ta="right">{t('campaigns.board.remaining')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.operators.map((o) => (
                  <Table.Tr key={o.employeeId} data-testid="board-operator">
                    <Table.Td>{o.name}</Table.Td>
                    <Table.Td>
                      {o.state === null ? (
                        <Text size="sm" c="dimmed">
                          {t('campaigns.board.notStarted')}
                        </Text>
                      ) : (
                        <OperatorStateText state={o.state} reason={o.reason} minutes={o.since === null ? null : minutesSince(o.since, now)} />
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{number(o.dialed)}</Table.Td>
                    <Table.Td ta="right">{number(o.reached)}</Table.Td>
                    <Table.Td ta="right">{number(o.successful)}</Table.Td>
                    <Table.Td ta="right">{number(o.remaining)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </>
      )}
    </Stack>
  );
}
