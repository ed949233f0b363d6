import { Accordion, Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QaReview } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, type QueryState } from '#renderer/api/client';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { ReviewCard } from './CallReviews';
import { scoreColor } from './score-color';

export interface MyReviewsProps {
  reviews: QueryState<{ unseen: number; rows: QaReview[] }>;
  onOpenCall: (callId: string) => void;
}

/** The operator's own reviews with the supervisor's comments, newest call first; opening one marks it read. */
export function MyReviews({ reviews, onOpenCall }: MyReviewsProps) {
  const { t } = useTranslation();
  const { locale, settings } = useWorkplace();
  const bridge = useBridge();
  const errorText = useErrorText();
  if (!settings.currentEmployeeId) return <Text c="dimmed">{t('quality.mine.chooseWho')}</Text>;
  if (reviews.error) return <ErrorNotice error={reviews.error} onRetry={reviews.reload} />;
  if (reviews.data?.rows.length === 0) return <Text c="dimmed">{t('quality.mine.empty')}</Text>;
  const opened = async (id: string | null) => {
    const review = reviews.data?.rows.find((r) => r.id === id);
    if (review && review.seenAt === null && (await act(bridge, 'quality.markSeen', { id: review.id }, errorText))) reviews.reload();
  };
  return (
    <Accordion variant="separated" onChange={(id) => void opened(id)} data-testid="my-reviews">
      {reviews.data?.rows.map((review) => (
        <Accordion.Item key={review.id} value={review.id} data-testid="my-review" data-seen={review.seenAt !== null}>
          <Accordion.Control>
            <Group gap="sm">
              <Badge color={scoreColor(review.score)}>{formatNumber(locale, review.score)}</Badge>
              <Text size="sm">{formatDateTime(locale, review.callStartedAt)}</Text>
              <Text size="sm" c="dimmed" lineClamp={1} maw={420}>
                {review.comment}
              </Text>
              {review.seenAt === null && (
                <Badge color="red" variant="light" size="sm">
                  {t('quality.mine.new')}
                </Badge>
              )}
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <ReviewCard review={review} />
            <Anchor component="button" size="sm" mt="xs" onClick={() => onOpenCall(review.callId)} data-testid="my-review-open-call">
              {t('quality.call.open')}
            </Anchor>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
