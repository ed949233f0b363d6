import { Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseState } from '#contract';
import { QuestionInput } from './QuestionInput';
import type { Response } from './useResponse';

export interface QuestionnaireFormProps {
  response: Response & { state: ResponseState };
  /** The section the script's node opens: shown framed and scrolled to. */
  activeSection?: string | null;
  /** After the wrap-up was refused: required questions still unanswered say so. */
  showMissing?: boolean;
}

/** The call's questionnaire: the questions main says are visible, each saved as it is answered, issues at the question. */
export function QuestionnaireForm({ response, activeSection = null, showMissing = false }: QuestionnaireFormProps) {
  const { t } = useTranslation();
  const { state, values, answer } = response;
  const visible = new Set(state.visible);
  const missing = new Set(state.missingRequired);
  const sections = useRef(new Map<string, HTMLDivElement>());

  useEffect(() => {
    if (activeSection) sections.current.get(activeSection)?.scrollIntoView({ block: 'nearest' });
  }, [activeSection]);

  const issueText = (questionId: string): string | null => {
    const issue = state.issues[questionId];
    if (issue) {
      const message = issue.params?.message;
      if (issue.code === 'pattern' && typeof message === 'string' && message !== '') return message;
      // An answer written into a contact field can be refused for that field's reasons (custom_needs_number…), worded with the other errors.
      return t([`scriptRunner.issue.${issue.code}`, `errorText.${issue.code}`, 'scriptRunner.issue.invalid'], issue.params ?? {});
    }
    return showMissing && missing.has(questionId) ? t('scriptRunner.issue.required') : null;
  };

  return (
    <Stack gap="sm" data-testid="questionnaire" data-missing={state.missingRequired.join(',')}>
      <Title order={6}>{state.questionnaireName}</Title>
      {state.definition.sections.map((section) => {
        const questions = section.questions.filter((q) => visible.has(q.id));
        if (questions.length === 0) return null;
        const active = section.id === activeSection;
        return (
          <Paper
            key={section.id}
            ref={(el) => {
              if (el) sections.current.set(section.id, el);
              else sections.current.delete(section.id);
            }}
            withBorder={active}
            p={active ? 'xs' : 0}
            data-testid={`questionnaire-section-${section.id}`}
            data-active={active || undefined}
          >
            <Stack gap="xs">
              {state.definition.sections.length > 1 && (
                <Text size="sm" fw={600} c={active ? undefined : 'dimmed'}>
                  {section.title}
                </Text>
              )}
              {questions.map((question) => (
                <div key={question.id} data-testid={`question-${question.id}`} data-missing={missing.has(question.id) || undefined}>
                  <QuestionInput question={question} value={values[question.id]} error={issueText(question.id)} onAnswer={(value, typed) => answer(question.id, value, typed)} />
                </div>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
