import { Anchor, Collapse, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { answerText } from '#renderer/features/scripts-runner/answer-text';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

export interface CallScriptSummaryProps {
  /** The call's interaction. */
  interactionId: string;
}

/** Under a call on the timeline: the way the script went (node, answer chosen) and the questionnaire's answers, read when opened. */
export function CallScriptSummary({ interactionId }: CallScriptSummaryProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} data-testid="timeline-script">
      <Anchor size="xs" component="button" w="fit-content" onClick={() => setOpen((o) => !o)} data-testid="timeline-script-toggle">
        {t('scriptRunner.timeline.show')}
      </Anchor>
      <Collapse expanded={open}>{open && <ScriptAndAnswers interactionId={interactionId} />}</Collapse>
    </Stack>
  );
}

function ScriptAndAnswers({ interactionId }: CallScriptSummaryProps) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const run = useQuery('scriptRuns.get', { callId: interactionId });
  const responses = useQuery('responses.forCall', { callId: interactionId });
  const yesNo = { yes: t('scriptRunner.yes'), no: t('scriptRunner.no') };
  return (
    <Stack gap={6} pl="xs">
      {run.data && (
        <div data-testid="timeline-script-path">
          <Text size="xs" fw={600}>
            {t('scriptRunner.timeline.path')}: {run.data.scriptName}
          </Text>
          <List size="xs" type="ordered">
            {run.data.path.map((step, i) => (
              <List.Item key={`${step.nodeId}-${i}`}>{step.answer ? `${step.title} → ${step.answer}` : step.title}</List.Item>
            ))}
          </List>
        </div>
      )}
      {responses.data?.map((response) => {
        const visible = new Set(response.visible);
        const questions = response.definition.sections.flatMap((s) => s.questions).filter((q) => visible.has(q.id));
        return (
          <div key={response.responseId} data-testid="timeline-script-answers">
            <Text size="xs" fw={600}>
              {t('scriptRunner.timeline.answers')}: {response.questionnaireName}
            </Text>
            <List size="xs">
              {questions.map((q) => (
                <List.Item key={q.id}>
                  {q.label}: {answerText(q, response.answers[q.id], locale, yesNo) ?? t('scriptRunner.timeline.noAnswer')}
                </List.Item>
              ))}
            </List>
          </div>
        );
      })}
    </Stack>
  );
}
