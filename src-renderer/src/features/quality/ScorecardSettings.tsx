import { ActionIcon, Box, Button, Card, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QaScorecard, QaScorecardInput } from '#contract';
import { act, formErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

type Draft = Omit<QaScorecardInput, 'criteria'> & { criteria: (QaScorecardInput['criteria'][number] & { key: string })[] };

let nextKey = 0;
const newCriterion = () => ({ key: `new-${++nextKey}`, label: '', weight: 1, maxPoints: 1 });
const draftOf = (card: QaScorecard | null): Draft =>
  card
    ? { id: card.id, name: card.name, description: card.description, criteria: card.criteria.map((c) => ({ id: c.id, key: c.id, label: c.label, description: c.description, weight: c.weight, maxPoints: c.maxPoints })) }
    : { name: '', description: '', criteria: [newCriterion()] };

/** Settings → Quality scorecards: the scorecards supervisors review calls with, and their weighted criteria. */
export function ScorecardSettings() {
  const { t } = useTranslation();
  const scorecards = useQuery('quality.scorecards', {});
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder data-testid="settings-scorecards">
      <Title order={4}>{t('quality.scorecards.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('quality.scorecards.hint')}
      </Text>
      <Stack>
        {scorecards.data?.length === 0 && !adding && (
          <Text size="sm" c="dimmed">
            {t('quality.scorecards.empty')}
          </Text>
        )}
        {scorecards.data?.map((card) => (
          <ScorecardEditor key={`${card.id}-${card.updatedAt}`} card={card} onSaved={scorecards.reload} />
        ))}
        {adding ? (
          <ScorecardEditor
            card={null}
            onSaved={() => {
              setAdding(false);
              scorecards.reload();
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button variant="light" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => setAdding(true)} data-testid="scorecard-new">
            {t('quality.scorecards.new')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function ScorecardEditor({ card, onSaved, onCancel }: { card: QaScorecard | null; onSaved: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(card));
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({ fields: {}, form: null });
  const setCriterion = (index: number, change: Partial<Draft['criteria'][number]>) => setDraft((d) => ({ ...d, criteria: d.criteria.map((c, i) => (i === index ? { ...c, ...change } : c)) }));

  const save = async () => {
    const result = await bridge.invoke('quality.saveScorecard', { ...draft, criteria: draft.criteria.map(({ key: _, ...c }) => c) });
    if (!result.ok) {
      setErrors(formErrors(result.error, t));
      return;
    }
    setErrors({ fields: {}, form: null });
    notifications.show({ color: 'green', message: t('quality.scorecards.saved') });
    onSaved();
  };
  const remove = async () => {
    if (card && (await act(bridge, 'quality.deleteScorecard', { id: card.id }, errorText))) onSaved();
  };

  return (
    <Card withBorder data-testid="scorecard-editor">
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextInput label={t('quality.scorecards.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={errors.fields.name} data-testid="scorecard-name" />
          <TextInput label={t('quality.scorecards.description')} value={draft.description ?? ''} onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })} />
        </Group>
        {/* Column heads over the criteria's fields, in their widths. */}
        <Group wrap="nowrap" gap="md" mb={-8}>
          <Text size="sm" fw={500} style={{ flex: 1 }}>
            {t('quality.scorecards.criteria')}
          </Text>
          <Text size="xs" c="dimmed" w={90}>
            {t('quality.scorecards.weight')}
          </Text>
          <Text size="xs" c="dimmed" w={90}>
            {t('quality.scorecards.maxPoints')}
          </Text>
          <Box w={28} />
        </Group>
        {draft.criteria.map((criterion, index) => (
          <Group key={criterion.key} align="flex-start" wrap="nowrap" data-testid="scorecard-criterion">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('quality.scorecards.label')}
              placeholder={t('quality.scorecards.label')}
              value={criterion.label}
              onChange={(e) => setCriterion(index, { label: e.currentTarget.value })}
              error={errors.fields[`criteria.${index}.label`]}
              data-testid="scorecard-criterion-label"
            />
            <NumberInput w={90} aria-label={t('quality.scorecards.weight')} placeholder={t('quality.scorecards.weight')} min={0.1} step={0.5} value={criterion.weight} onChange={(v) => setCriterion(index, { weight: Number(v) })} error={errors.fields[`criteria.${index}.weight`]} data-testid="scorecard-criterion-weight" />
            <NumberInput w={90} aria-label={t('quality.scorecards.maxPoints')} placeholder={t('quality.scorecards.maxPoints')} min={1} max={100} allowDecimal={false} value={criterion.maxPoints} onChange={(v) => setCriterion(index, { maxPoints: Number(v) })} error={errors.fields[`criteria.${index}.maxPoints`]} data-testid="scorecard-criterion-max" />
            <ActionIcon variant="subtle" color="red" mt={6} disabled={draft.criteria.length === 1} onClick={() => setDraft({ ...draft, criteria: draft.criteria.filter((_, i) => i !== index) })} aria-label={t('quality.scorecards.removeCriterion')}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setDraft({ ...draft, criteria: [...draft.criteria, newCriterion()] })} data-testid="scorecard-add-criterion">
            {t('quality.scorecards.addCriterion')}
          </Button>
          <Group>
            {card && (
              <Button variant="subtle" color="red" onClick={() => void remove()} data-testid="scorecard-delete">
                {t('quality.scorecards.delete')}
              </Button>
            )}
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('quality.scorecards.cancel')}
              </Button>
            )}
            <Button onClick={() => void save()} data-testid="scorecard-save">
              {t('quality.scorecards.save')}
            </Button>
          </Group>
        </Group>
        {errors.form && (
          <Text c="red" size="sm">
            {errors.form}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
