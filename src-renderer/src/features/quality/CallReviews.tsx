import { ActionIcon, Badge, Card, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaCall, QaReview } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { ReviewForm } from './ReviewForm';
import { scoreColor } from './score-color';

export interface CallReviewsProps {
  call: QaCall;
  onChanged: () => void;
}

/** The call page's quality section: the reviews made so far, and the supervisor's form to add or edit one. */
export function CallReviews({ call, onChanged }: CallReviewsProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { settings } = useWorkplace();
  const [editing, setEditing] = useState<QaReview | null>(null);
  // Operators read the reviews of their own calls; they do not score them.
  const ownCall = settings.currentEmployeeId !== null && settings.currentEmployeeId === call.operator?.id;
  const remove = async (review: QaReview) => {
    if (await act(bridge, 'quality.deleteReview', { id: review.id }, errorText)) onChanged();
  };
  return (
    <Stack>
      <Card withBorder data-testid="call-reviews">
        <Text fw={600} mb={6}>
          {t('quality.reviews.title')}
        </Text>
        {call.reviews.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('quality.reviews.none')}
          </Text>
        )}
        <Stack gap="sm">
          {call.reviews.map((review) => (
            <ReviewCard
              key={review.id}
              review={review}
              actions={
                !ownCall && (
                  <Group gap={4}>
                    <Tooltip label={t('quality.reviews.edit')}>
                      <ActionIcon variant="subtle" onClick={() => setEditing(review)} aria-label={t('quality.reviews.edit')} data-testid="review-edit">
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('quality.reviews.delete')}>
                      <ActionIcon variant="subtle" color="red" onClick={() => void remove(review)} aria-label={t('quality.reviews.delete')} data-testid="review-delete">
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )
              }
            />
          ))}
        </Stack>
      </Card>
      {!ownCall && (
        <Card withBorder>
          <ReviewForm
            key={editing?.id ?? 'new'}
            callId={call.id}
            review={editing}
            onSaved={() => {
              setEditing(null);
              onChanged();
            }}
            {...(editing ? { onCancel: () => setEditing(null) } : {})}
          />
        </Card>
      )}
    </Stack>
  );
}

/** One review as the supervisor and the operator read it: the score, who and when, the comment, points per criterion. */
export function ReviewCard({ review, actions }: { review: QaReview; actions?: React.ReactNode }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  return (
    <Stack gap={4} data-testid="review-card">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Badge color={scoreColor(review.score)} data-testid="review-score">
            {formatNumber(locale, review.score)}
          </Badge>
          <Text size="sm">{review.scorecardName}</Text>
          <Text size="xs" c="dimmed">
            {[formatDateTime(locale, review.reviewedAt), review.reviewerName ? t('quality.reviews.by', { name: review.reviewerName }) : null].filter(Boolean).join(' · ')}
          </Text>
        </Group>
        {actions}
      </Group>
      {review.comment && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="review-comment-text">
          {review.comment}
        </Text>
      )}
      <List size="xs">
        {review.scores.map((s) => (
          <List.Item key={s.criterionId}>
            {s.label}: {s.maxPoints === 1 ? (s.points === 1 ? t('quality.review.yes') : t('quality.review.no')) : `${s.points}/${s.maxPoints}`}
            {s.comment ? ` — ${s.comment}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
