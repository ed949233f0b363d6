import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColleagueLine, LineState } from '#contract';
import { useEvent, useQuery } from '#renderer/api/client';

const stateColor: Record<LineState, string> = { idle: 'green', ringing: 'yellow', busy: 'red', unknown: 'gray' };

/** Colleagues' lines as main watches them (RFC 4235 dialog events), kept current by its pushes. */
export function useColleagueLines(): ColleagueLine[] {
  const initial = useQuery('phone.lines', {});
  const [pushed, setPushed] = useState<ColleagueLine[] | undefined>();
  useEvent('phone.lines', setPushed);
  return pushed ?? initial.data ?? [];
}

export interface ColleagueLinesProps {
  /** One click on a colleague: transfer or forward to their extension. Without it the list only shows. */
  onPick?: (line: ColleagueLine) => void;
}

/** Who is free: the secretary's view of the colleagues' phones. */
export function ColleagueLines({ onPick }: ColleagueLinesProps) {
  const { t } = useTranslation();
  const lines = useColleagueLines();
  if (lines.length === 0) return <Text size="sm" c="dimmed">{t('lines.none')}</Text>;
  return (
    <Stack gap={4} data-testid="colleague-lines">
      {lines.map((line) => {
        const row = (
          <Group justify="space-between" wrap="nowrap" data-testid="colleague-line" data-state={line.state}>
            <Text size="sm" truncate>
              {line.name}{' '}
              <Text span size="xs" c="dimmed" ff="monospace">
                {line.extension}
              </Text>
            </Text>
            <Badge size="sm" variant="dot" color={stateColor[line.state]}>
              {t(`lines.${line.state}`)}
            </Badge>
          </Group>
        );
        return onPick ? (
          <UnstyledButton key={line.employeeId} onClick={() => onPick(line)} aria-label={t('lines.pick', { name: line.name })}>
            {row}
          </UnstyledButton>
        ) : (
          <div key={line.employeeId}>{row}</div>
        );
      })}
    </Stack>
  );
}
