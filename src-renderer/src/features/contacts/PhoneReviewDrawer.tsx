import { Anchor, Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PhoneToReview } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { goTo } from '#renderer/routing/useHashRoute';
import { countryFlag } from '#renderer/ui/PhoneReading';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useErrorText } from '#renderer/ui/useErrorText';

export interface PhoneReviewDrawerProps {
  opened: boolean;
  onClose: () => void;
  /** A number was settled: the list's counts change. */
  onResolved: () => void;
}

const pageSize = 100;

/**
 * Numbers waiting for a person: read several ways, unreadable, or read differently since the working
 * countries changed. Each is settled by picking its reading, or by saying it is not a number to call.
 */
export function PhoneReviewDrawer({ opened, onClose, onResolved }: PhoneReviewDrawerProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const review = useQuery('phones.review', { limit: pageSize }, opened);
  const resolve = async (row: PhoneToReview, e164: string | null) => {
    if (await act(bridge, 'phones.resolve', { phoneId: row.phoneId, owner: row.owner, e164 }, errorText)) {
      review.reload();
      onResolved();
    }
  };
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={t('phoneReview.title', { count: review.data?.total ?? 0 })}>
      <Stack data-testid="phone-review">
        {review.error && <ErrorNotice error={review.error} onRetry={review.reload} />}
        {review.data?.total === 0 && <Text c="dimmed">{t('phoneReview.nothing')}</Text>}
        {(review.data?.rows.length ?? 0) > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('phoneReview.who')}</Table.Th>
                <Table.Th>{t('phoneReview.written')}</Table.Th>
                <Table.Th>{t('phoneReview.choose')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {review.data?.rows.map((row) => (
                <Table.Tr key={row.phoneId} data-testid={`review-${row.phoneId}`}>
                  <Table.Td>
                    <Anchor onClick={() => goTo({ area: row.owner === 'contact' ? 'contacts' : 'companies', id: row.ownerId })}>{row.ownerName}</Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text ff="monospace">{row.raw}</Text>
                    <Text size="xs" c="dimmed">
                      {t(`phoneReview.status.${row.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {[row.e164, ...row.alternatives]
                        .filter((e164): e164 is string => e164 !== null)
                        .map((e164) => (
                          <Button key={e164} size="compact-xs" variant="light" onClick={() => void resolve(row, e164)}>
                            {e164 === row.e164 ? countryFlag(row.country) : '📞'} {e164}
                          </Button>
                        ))}
                      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void resolve(row, null)}>
                        {t('phoneReview.notANumber')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(review.data?.total ?? 0) > pageSize && <Text size="sm" c="dimmed">{t('phoneReview.more', { count: (review.data?.total ?? 0) - pageSize })}</Text>}
      </Stack>
    </Drawer>
  );
}
