import { Badge, Button, Group, Kbd, Mark, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconCornerUpLeft, IconPhoneCall } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptRunState } from '#contract';
import { markMissing } from '#renderer/features/scripts/merge-field-text';
import { scriptKey } from './keys';
import type { ScriptRun } from './useScriptRun';

export interface ScriptRunnerProps {
  run: ScriptRun & { state: ScriptRunState };
}

/** The node the operator is on: what to say (gaps in the merge marked), the client's possible answers under digit keys, objections, the way back. */
export function ScriptRunner({ run }: ScriptRunnerProps) {
  const { t } = useTranslation();
  const { state, pick, back, objection, leaveObjection } = run;
  const { node } = state;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = scriptKey(event);
      if (!key) return;
      event.preventDefault();
      if (key.kind === 'answer') pick(key.index);
      else back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pick, back]);

  return (
    <Stack gap="xs" data-testid="script-runner" data-node-id={node.id} data-node-kind={node.kind}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={5} lineClamp={1} data-testid="script-node-title">
            {node.title}
          </Title>
          {node.kind === 'objection' && (
            <Badge size="sm" color="orange" variant="light">
              {t('scriptRunner.objection')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate>
          {state.scriptName}
        </Text>
      </Group>
      <Text size="md" style={{ whiteSpace: 'pre-wrap' }} data-testid="script-node-text">
        {markMissing(node.text, node.missing).map((piece, i) =>
          piece.missing ? (
            <Mark key={i} color="red" title={t('scriptRunner.missingField')} data-testid="script-missing-field">
              {piece.text}
            </Mark>
          ) : (
            piece.text
          ),
        )}
      </Text>
      {(node.disposition || node.proposeCallback) && (
        <Group gap={6}>
          {node.disposition && (
            <Badge color={node.disposition.success ? 'green' : 'gray'} variant="light" data-testid="script-disposition">
              {t('scriptRunner.disposition', { label: node.disposition.label })}
            </Badge>
          )}
          {node.proposeCallback && (
            <Badge color="blue" variant="light" leftSection={<IconPhoneCall size={12} />} data-testid="script-callback">
              {t('scriptRunner.proposeCallback')}
            </Badge>
          )}
        </Group>
      )}
      <Stack gap={4}>
        {node.answers.map((answer, i) => (
          <Button key={answer.id} variant="light" justify="flex-start" leftSection={<Kbd size="xs">{i + 1}</Kbd>} onClick={() => pick(i)} data-testid={`script-answer-${i + 1}`}>
            {answer.label}
          </Button>
        ))}
        {state.finishedAt !== null && (
          <Text size="sm" c="dimmed" data-testid="script-end">
            {t('scriptRunner.end')}
          </Text>
        )}
      </Stack>
      <Group gap={6}>
        <Button size="compact-xs" variant="default" leftSection={<IconArrowBackUp size={14} />} rightSection={<Kbd size="xs">⌫</Kbd>} disabled={!state.canGoBack} onClick={back} data-testid="script-back">
          {t('scriptRunner.back')}
        </Button>
        {state.returnTo !== null && (
          <Button size="compact-xs" color="orange" leftSection={<IconCornerUpLeft size={14} />} onClick={leaveObjection} data-testid="script-return">
            {t('scriptRunner.return')}
          </Button>
        )}
      </Group>
      {state.objections.length > 0 && (
        <Group gap={4} data-testid="script-objections">
          <Text size="xs" c="dimmed">
            {t('scriptRunner.objections')}
          </Text>
          {state.objections.map((o) => (
            <Button key={o.id} size="compact-xs" variant="outline" color="orange" onClick={() => objection(o.id)} data-testid={`script-objection-${o.id}`}>
              {o.title}
            </Button>
          ))}
        </Group>
      )}
      {state.path.length > 1 && (
        <Text size="xs" c="dimmed" data-testid="script-path">
          {state.path.map((step) => (step.answer ? `${step.title} → ${step.answer}` : step.title)).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}
