import { Badge, Box, Card, Group, Stack, Text } from '@mantine/core';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { ScriptNode, ScriptProblem } from '#contract';
import { isWarning } from './script-draft';

export type ScriptNodeData = { node: ScriptNode; problems: ScriptProblem[]; isStart: boolean };
export type ScriptFlowNode = Node<ScriptNodeData, 'scriptNode'>;

const kindColors: Record<ScriptNode['kind'], string> = { step: 'blue', objection: 'grape', end: 'gray' };

/** A node on the canvas: its kind, title and opening words, and a handle beside each answer to drag to the next node. */
export function ScriptNodeCard({ data, selected }: NodeProps<ScriptFlowNode>) {
  const { t } = useTranslation();
  const { node, problems, isStart } = data;
  return (
    <Card
      withBorder
      shadow={selected ? 'md' : 'xs'}
      padding="xs"
      w={240}
      style={{ borderColor: selected ? 'var(--mantine-color-blue-6)' : problems.some((p) => !isWarning(p)) ? 'var(--mantine-color-red-6)' : undefined, overflow: 'visible' }}
      data-testid={`script-node-${node.id}`}
    >
      <Handle type="target" position={Position.Left} id="in" data-testid={`script-node-${node.id}-in`} />
      <Group gap={4} mb={4} wrap="nowrap">
        <Badge size="xs" color={kindColors[node.kind]} variant="light">
          {t(`scripts.nodeKind.${node.kind}`)}
        </Badge>
        {isStart && (
          <Badge size="xs" color="green" variant="light">
            {t('scripts.start')}
          </Badge>
        )}
        {node.disposition && (
          <Badge size="xs" color={node.disposition.success ? 'teal' : 'orange'} variant="outline">
            {node.disposition.label}
          </Badge>
        )}
      </Group>
      <Text fw={600} size="sm" lineClamp={2}>
        {node.title}
      </Text>
      {node.text !== '' && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {node.text}
        </Text>
      )}
      {problems.length > 0 && (
        <Group gap={4} mt={4}>
          {problems.map((problem, i) => (
            <Badge key={i} size="xs" color={isWarning(problem) ? 'orange' : 'red'} data-testid={`script-node-${node.id}-problem`} data-problem={problem.code}>
              {t(`scripts.problem.${problem.code}`)}
            </Badge>
          ))}
        </Group>
      )}
      {node.answers.length > 0 && (
        <Stack gap={2} mt={6}>
          {node.answers.map((answer) => (
            <Box key={answer.id} pos="relative" px={6} py={2} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 4 }}>
              <Text size="xs" truncate="end" title={answer.label} data-truncates="title">
                {answer.label}
              </Text>
              <Handle type="source" position={Position.Right} id={answer.id} style={{ right: -12 }} data-testid={`script-node-${node.id}-answer-${answer.id}`} />
            </Box>
          ))}
        </Stack>
      )}
    </Card>
  );
}
