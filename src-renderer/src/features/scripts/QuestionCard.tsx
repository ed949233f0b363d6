import { ActionIcon, Badge, Button, Card, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { contactAnswerTargets, questionTypes, type Question, type QuestionCondition, type QuestionnaireDefinition } from '#contract';
import {
  addOption,
  changeQuestionType,
  conditionOn,
  conditionOps,
  defaultConditionValue,
  earlierQuestions,
  findQuestion,
  moveQuestion,
  removeOption,
  removeQuestion,
  updateQuestion,
} from './questionnaire-draft';

export interface QuestionCardProps {
  definition: QuestionnaireDefinition;
  question: Question;
  onChange: (definition: QuestionnaireDefinition) => void;
  /** Contact custom fields an answer may be written into. */
  customFields: { id: string; name: string }[];
  problems: { code: string; detail: string | null }[];
}

/** One question with everything about it: type, required, options, range, pattern, condition and the contact field it fills. */
export function QuestionCard({ definition, question, onChange, customFields, problems }: QuestionCardProps) {
  const { t } = useTranslation();
  const q = question;
  const change = (patch: Partial<Omit<Question, 'id'>>) => onChange(updateQuestion(definition, q.id, patch));
  const moved = (by: -1 | 1) => moveQuestion(definition, q.id, by);
  const up = moved(-1);
  const down = moved(1);
  const earlier = earlierQuestions(definition, q.id);
  const ranged = q.type === 'number' || q.type === 'rating';

  return (
    <Card withBorder padding="sm" data-testid={`question-${q.id}`} style={problems.length > 0 ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput style={{ flex: 1 }} label={t('scripts.q.label')} value={q.label} onChange={(e) => change({ label: e.currentTarget.value })} data-testid="question-label" />
          <Select
            w={170}
            label={t('scripts.q.type')}
            data={questionTypes.map((type) => ({ value: type, label: t(`scripts.questionType.${type}`) }))}
            value={q.type}
            onChange={(type) => type && onChange(changeQuestionType(definition, q.id, type))}
            allowDeselect={false}
            data-testid="question-type"
          />
          <Switch mb={8} label={t('scripts.q.required')} checked={q.required} onChange={(e) => change({ required: e.currentTarget.checked })} data-testid="question-required" />
          <Group gap={2} mb={4} wrap="nowrap">
            <Tooltip label={t('scripts.q.up')}>
              <ActionIcon variant="subtle" disabled={!up} onClick={() => up && onChange(up)} aria-label={t('scripts.q.up')} data-testid="question-up">
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('scripts.q.down')}>
              <ActionIcon variant="subtle" disabled={!down} onClick={() => down && onChange(down)} aria-label={t('scripts.q.down')} data-testid="question-down">
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('scripts.q.delete')}>
              <ActionIcon variant="subtle" color="red" onClick={() => onChange(removeQuestion(definition, q.id))} aria-label={t('scripts.q.delete')} data-testid="question-delete">
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <TextInput label={t('scripts.q.hint')} value={q.hint} onChange={(e) => change({ hint: e.currentTarget.value })} size="xs" />

        {(q.type === 'single' || q.type === 'multiple') && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('scripts.q.options')}
            </Text>
            {q.options.map((option) => (
              <Group key={option.id} gap={4} wrap="nowrap">
                <TextInput
                  size="xs"
                  style={{ flex: 1 }}
                  value={option.label}
                  aria-label={t('scripts.q.option')}
                  onChange={(e) => change({ options: q.options.map((o) => (o.id === option.id ? { ...o, label: e.currentTarget.value } : o)) })}
                  data-testid="question-option"
                />
                <ActionIcon variant="subtle" color="red" onClick={() => onChange(removeOption(definition, q.id, option.id))} aria-label={t('scripts.q.deleteOption')}>
                  <IconX size={14} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPlus size={12} />}
              style={{ alignSelf: 'flex-start' }}
              onClick={() => onChange(addOption(definition, q.id, t('scripts.q.newOption', { n: q.options.length + 1 })))}
              data-testid="question-add-option"
            >
              {t('scripts.q.addOption')}
            </Button>
          </Stack>
        )}

        {ranged && (
          <Group gap="xs" grow>
            <NumberInput size="xs" label={t('scripts.q.min')} value={q.min ?? ''} onChange={(v) => change({ min: typeof v === 'number' ? v : null })} data-testid="question-min" />
            <NumberInput size="xs" label={q.type === 'rating' ? t('scripts.q.ratingMax') : t('scripts.q.max')} value={q.max ?? ''} onChange={(v) => change({ max: typeof v === 'number' ? v : null })} data-testid="question-max" />
          </Group>
        )}

        {q.type === 'text' && (
          <Group gap="xs" grow align="flex-start">
            <TextInput
              size="xs"
              label={t('scripts.q.pattern')}
              description={t('scripts.q.patternHint')}
              value={q.pattern?.regex ?? ''}
              onChange={(e) => {
                const regex = e.currentTarget.value;
                change({ pattern: regex === '' ? null : { regex, message: q.pattern?.message ?? '' } });
              }}
              data-testid="question-pattern"
            />
            <TextInput
              size="xs"
              label={t('scripts.q.patternMessage')}
              description={t('scripts.q.patternMessageHint')}
              disabled={!q.pattern}
              value={q.pattern?.message ?? ''}
              onChange={(e) => q.pattern && change({ pattern: { regex: q.pattern.regex, message: e.currentTarget.value } })}
              data-testid="question-pattern-message"
            />
          </Group>
        )}

        <ConditionEditor question={q} earlier={earlier} definition={definition} onChange={(showIf) => change({ showIf })} />

        <Select
          size="xs"
          label={t('scripts.q.mapsTo')}
          description={t('scripts.q.mapsToHint')}
          data={[
            ...contactAnswerTargets.map((target) => ({ value: target, label: t(`scripts.contactTarget.${target}`) })),
            ...customFields.map((f) => ({ value: `custom:${f.id}`, label: f.name })),
          ]}
          value={q.mapsTo}
          onChange={(mapsTo) => change({ mapsTo })}
          clearable
          placeholder={t('scripts.q.mapsToNone')}
          data-testid="question-maps-to"
        />

        {problems.map((problem, i) => (
          <Badge key={i} color="red" variant="light" style={{ alignSelf: 'flex-start' }} data-testid="question-problem" data-problem={problem.code}>
            {t([`scripts.questionProblem.${problem.code}`, 'scripts.questionProblem.other'], { detail: problem.detail ?? '' })}
          </Badge>
        ))}
      </Stack>
    </Card>
  );
}

interface ConditionEditorProps {
  question: Question;
  earlier: Question[];
  definition: QuestionnaireDefinition;
  onChange: (showIf: QuestionCondition | null) => void;
}

/** "Show only if <an earlier question> <is / is not / includes / is answered> <a value>". */
function ConditionEditor({ question, earlier, definition, onChange }: ConditionEditorProps) {
  const { t } = useTranslation();
  const condition = question.showIf;
  const source = condition ? findQuestion(definition, condition.questionId) : undefined;
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap" data-testid="question-condition">
      <Select
        size="xs"
        style={{ flex: 2 }}
        label={t('scripts.q.showIf')}
        placeholder={earlier.length === 0 ? t('scripts.q.firstAlwaysShown') : t('scripts.q.always')}
        disabled={earlier.length === 0}
        data={earlier.map((e) => ({ value: e.id, label: e.label }))}
        value={condition?.questionId ?? null}
        onChange={(id) => {
          const picked = earlier.find((e) => e.id === id);
          onChange(picked ? conditionOn(picked) : null);
        }}
        clearable
        data-testid="question-show-if"
      />
      {condition && source && (
        <>
          <Select
            size="xs"
            style={{ flex: 1 }}
            aria-label={t('scripts.q.operator')}
            data={conditionOps(source.type).map((op) => ({ value: op, label: t(`scripts.conditionOp.${op}`) }))}
            value={condition.op}
            onChange={(op) => op && onChange({ ...condition, op: op, value: op === 'answered' ? null : (condition.value ?? defaultConditionValue(source)) })}
            allowDeselect={false}
            data-testid="question-show-if-op"
          />
          {condition.op !== 'answered' && <ConditionValue source={source} value={condition.value} onChange={(value) => onChange({ ...condition, value })} />}
        </>
      )}
    </Group>
  );
}

interface ConditionValueProps {
  source: Question;
  value: QuestionCondition['value'];
  onChange: (value: QuestionCondition['value']) => void;
}

/** The value a condition compares with, entered the way the earlier question is answered. */
function ConditionValue({ source, value, onChange }: ConditionValueProps) {
  const { t } = useTranslation();
  const common = { size: 'xs' as const, style: { flex: 2 }, 'aria-label': t('scripts.q.value'), 'data-testid': 'question-show-if-value' };
  switch (source.type) {
    case 'single':
    case 'multiple':
      return <Select {...common} data={source.options.map((o) => ({ value: o.id, label: o.label }))} value={typeof value === 'string' ? value : null} onChange={onChange} allowDeselect={false} />;
    case 'yesno':
      return (
        <Select
          {...common}
          data={[
            { value: 'true', label: t('scripts.q.yes') },
            { value: 'false', label: t('scripts.q.no') },
          ]}
          value={value === false ? 'false' : 'true'}
          onChange={(v) => onChange(v === 'true')}
          allowDeselect={false}
        />
      );
    case 'number':
    case 'rating':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'text':
    case 'date':
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
