import { Badge, Group, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScriptProblem } from '#contract';
import { isWarning } from './script-draft';

export interface ProblemListProps {
  problems: readonly ScriptProblem[];
  /** Node titles by id, to say which node a problem is on. */
  titles: ReadonlyMap<string, string>;
  onSelect: (nodeId: string) => void;
}

/** What the graph check found in the saved draft; a click selects the node it is about. */
export function ProblemList({ problems, titles, onSelect }: ProblemListProps) {
  const { t } = useTranslation();
  if (problems.length === 0) {
    return (
      <Text size="sm" c="teal" data-testid="script-problems-none">
        {t('scripts.noProblems')}
      </Text>
    );
  }
  return (
    <Stack gap={0} data-testid="script-problems">
      {problems.map((problem, i) => (
        <NavLink
          key={i}
          py={4}
          disabled={problem.nodeId === null}
          onClick={() => problem.nodeId !== null && onSelect(problem.nodeId)}
          data-testid="script-problem"
          data-problem={problem.code}
          data-node={problem.nodeId ?? ''}
          label={
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" color={isWarning(problem) ? 'orange' : 'red'} style={{ flexShrink: 0 }}>
                {t(`scripts.problem.${problem.code}`)}
              </Badge>
              <Text size="sm" truncate="end">
                {problem.nodeId === null ? t('scripts.wholeScript') : (titles.get(problem.nodeId) ?? problem.nodeId)}
              </Text>
            </Group>
          }
          description={t(`scripts.problemHint.${problem.code}`, { detail: problem.detail ?? '' })}
        />
      ))}
    </Stack>
  );
}
