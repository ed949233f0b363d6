import { Checkbox, Group, Input, NumberInput, Radio, Rating, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Question } from '#contract';
import { DateField } from '#renderer/ui/DateField';

export interface QuestionInputProps {
  question: Question;
  value: AnswerValue | undefined;
  /** The issue to show under the question, already worded. */
  error: string | null;
  onAnswer: (value: AnswerValue, typed?: boolean) => void;
}

/** One question with the Mantine input its type calls for; `typed` answers are saved after a pause, the rest at once. */
export function QuestionInput({ question, value, error, onAnswer }: QuestionInputProps) {
  const { t } = useTranslation();
  const common = { label: question.label, description: question.hint || undefined, error, withAsterisk: question.required };
  const testId = `answer-${question.id}`;
  switch (question.type) {
    case 'single':
      return (
        <Radio.Group {...common} value={typeof value === 'string' ? value : null} onChange={(v) => onAnswer(v)} data-testid={testId}>
          <Group gap="sm" mt={4}>
            {question.options.map((o) => (
              <Radio key={o.id} value={o.id} label={o.label} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group {...common} value={Array.isArray(value) ? value : []} onChange={(v) => onAnswer(v)} data-testid={testId}>
          <Group gap="sm" mt={4}>
            {question.options.map((o) => (
              <Checkbox key={o.id} value={o.id} label={o.label} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'yesno':
      return (
        <Radio.Group {...common} value={value === true ? 'yes' : value === false ? 'no' : null} onChange={(v) => onAnswer(v === 'yes')} data-testid={testId}>
          <Group gap="sm" mt={4}>
            <Radio value="yes" label={t('scriptRunner.yes')} />
            <Radio value="no" label={t('scriptRunner.no')} />
          </Group>
        </Radio.Group>
      );
    case 'text':
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onAnswer(e.currentTarget.value, true)} data-testid={testId} />;
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          min={question.min ?? undefined}
          max={question.max ?? undefined}
          clampBehavior="none"
          onChange={(v) => onAnswer(typeof v === 'number' ? v : null, true)}
          data-testid={testId}
        />
      );
    case 'date':
      return <DateField {...common} value={typeof value === 'string' && value !== '' ? value : null} onChange={(v) => onAnswer(v)} data-testid={testId} />;
    case 'rating':
      return (
        <Input.Wrapper {...common}>
          <Stack gap={0} mt={4}>
            <Rating count={question.max ?? 5} value={typeof value === 'number' ? value : 0} onChange={(v) => onAnswer(v)} data-testid={testId} />
          </Stack>
        </Input.Wrapper>
      );
  }
}
