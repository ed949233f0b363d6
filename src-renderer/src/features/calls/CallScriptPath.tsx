import { Stack, Table, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '#renderer/api/client';
import { answerText } from '#renderer/features/scripts-runner/answer-text';
import { formatTime } from '#renderer/i18n/format';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

/** The call page's script section: each node reached with the answer that left it, and the questionnaire's answers question by question. */
export function CallScriptPath({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const run = useQuery('scriptRuns.get', { callId });
  const responses = useQuery('responses.forCall', { callId });
  const yesNo = { yes: t('scriptRunner.yes'), no: t('scriptRunner.no') };
  return (
    <Stack gap="md">
      <div data-testid="call-script-path">
        <Text fw={600} mb={6}>
          {t('quality.call.script')}
          {run.data ? `: ${run.data.scriptName}` : ''}
        </Text>
        {run.data ? (
          <Timeline bulletSize={14} lineWidth={2} active={run.data.path.length - 1}>
            {run.data.path.map((step, i) => (
              <Timeline.Item key={`${step.nodeId}-${i}`} title={step.title}>
                <Text size="xs" c="dimmed">
                  {formatTime(locale, step.at)}
                  {step.answer ? ` · ${step.answer}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        ) : (
          run.data === null && (
            <Text size="sm" c="dimmed">
              {t('quality.call.noScript')}
            </Text>
          )
        )}
      </div>
      {responses.data?.map((response) => {
        const visible = new Set(response.visible);
        const questions = response.definition.sections.flatMap((s) => s.questions).filter((q) => visible.has(q.id));
        return (
          <div key={response.responseId} data-testid="call-answers">
            <Text fw={600} mb={6}>
              {t('quality.call.answers')}: {response.questionnaireName}
            </Text>
            <Table fz="sm" withRowBorders={false}>
              <Table.Tbody>
                {questions.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td c="dimmed" w="45%">
                      {q.label}
                    </Table.Td>
                    <Table.Td>{answerText(q, response.answers[q.id], locale, yesNo) ?? t('quality.call.noAnswer')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        );
      })}
    </Stack>
  );
}
