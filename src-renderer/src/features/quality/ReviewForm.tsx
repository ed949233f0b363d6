import { Alert, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weightedScore, type QaCriterion, type QaReview } from '#contract';
import { formErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { formatNumber } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

export interface ReviewFormProps {
  callId: string;
  /** Given: that review is edited (its scorecard stays). */
  review: QaReview | null;
  onSaved: () => void;
  onCancel?: () => void;
}

type Marks = Record<string, { points: number | null; comment: string }>;

/** A supervisor scores a call: a scorecard, a control per criterion with a remark, a comment for the operator, the score as it will be saved. */
export function ReviewForm({ callId, review, onSaved, onCancel }: ReviewFormProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const bridge = useBridge();
  const scorecards = useQuery('quality.scorecards', {});
  const [chosen, setChosen] = useState<string | null>(review?.scorecardId ?? null);
  const [marks, setMarks] = useState<Marks>(() => Object.fromEntries((review?.scores ?? []).map((s) => [s.criterionId, { points: s.points, comment: s.comment }])));
  const [comment, setComment] = useState(review?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const cards = scorecards.data ?? [];
  const scorecardId = chosen ?? cards[0]?.id ?? null;
  const card = cards.find((c) => c.id === scorecardId);
  if (scorecards.data && cards.length === 0 && !review) return <Alert data-testid="review-no-scorecards">{t('quality.review.noScorecards')}</Alert>;
  if (!card) return null;

  const mark = (c: QaCriterion) => marks[c.id] ?? { points: null, comment: '' };
  const setMark = (c: QaCriterion, change: Partial<Marks[string]>) => setMarks((m) => ({ ...m, [c.id]: { ...mark(c), ...change } }));
  const complete = card.criteria.every((c) => mark(c).points !== null);
  const score = weightedScore(card.criteria.map((c) => ({ ...c, points: mark(c).points ?? 0 })));

  const save = async () => {
    setSaving(true);
    const result = await bridge.invoke('quality.saveReview', {
      ...(review ? { id: review.id } : {}),
      callId,
      scorecardId: card.id,
      comment,
      scores: card.criteria.map((c) => ({ criterionId: c.id, points: mark(c).points ?? 0, comment: mark(c).comment })),
    });
    setSaving(false);
    if (!result.ok) {
      setError(formErrors(result.error, t, () => false).form);
      return;
    }
    notifications.show({ color: 'green', message: t('quality.review.saved') });
    setError(null);
    if (!review) {
      setMarks({});
      setComment('');
    }
    onSaved();
  };

  return (
    <Stack gap="sm" data-testid="review-form">
      <Text fw={600}>{review ? t('quality.review.editTitle') : t('quality.review.title')}</Text>
      <Select
        label={t('quality.review.scorecard')}
        data={cards.map((c) => ({ value: c.id, label: c.name }))}
        value={card.id}
        onChange={(value) => {
          setChosen(value);
          setMarks({});
        }}
        disabled={review !== null}
        allowDeselect={false}
        data-testid="review-scorecard"
      />
      {card.criteria.map((c) => (
        <Stack key={c.id} gap={4} data-testid="review-criterion" data-criterion={c.label}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Text size="sm">{c.label}</Text>
              {c.description && (
                <Text size="xs" c="dimmed">
                  {c.description}
                </Text>
              )}
            </div>
            <PointsControl criterion={c} value={mark(c).points} onChange={(points) => setMark(c, { points })} />
          </Group>
          <TextInput size="xs" placeholder={t('quality.review.criterionComment')} value={mark(c).comment} onChange={(e) => setMark(c, { comment: e.currentTarget.value })} data-testid="review-criterion-comment" />
        </Stack>
      ))}
      <Textarea label={t('quality.review.comment')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="review-comment" />
      <Group justify="space-between">
        <Text fw={600} data-testid="review-live-score">
          {t('quality.review.liveScore', { score: formatNumber(locale, score) })}
        </Text>
        <Group>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('quality.review.cancel')}
            </Button>
          )}
          <Button onClick={() => void save()} disabled={!complete} loading={saving} data-testid="review-save">
            {t('quality.review.save')}
          </Button>
        </Group>
      </Group>
      {error && (
        <Text c="red" size="sm" data-testid="review-error">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** Yes/no for a one-point criterion, 0…N buttons for a short scale, a number for a long one. */
function PointsControl({ criterion, value, onChange }: { criterion: QaCriterion; value: number | null; onChange: (points: number) => void }) {
  const { t } = useTranslation();
  if (criterion.maxPoints > 10) {
    return <NumberInput size="xs" w={90} min={0} max={criterion.maxPoints} value={value ?? ''} onChange={(v) => typeof v === 'number' && onChange(v)} data-testid="review-points" />;
  }
  const data =
    criterion.maxPoints === 1
      ? [
          { value: '0', label: t('quality.review.no') },
          { value: '1', label: t('quality.review.yes') },
        ]
      : Array.from({ length: criterion.maxPoints + 1 }, (_, i) => ({ value: String(i), label: String(i) }));
  return <SegmentedControl size="xs" data={data} value={value === null ? '' : String(value)} onChange={(v) => onChange(Number(v))} data-testid="review-points" />;
}
