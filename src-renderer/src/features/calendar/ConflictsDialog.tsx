import { Alert, Button, Card, Group, Loader, Modal, Radio, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarConflict, ConflictField, ConflictVersion } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { formatDateTime } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { useErrorText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { conflictFieldOrder, conflictValueText, mergeChoice } from './conflict-fields';

const sides = ['mine', 'theirs'] as const;

export interface ConflictsDialogProps {
  onClose: () => void;
  onResolved: () => void;
}

/** Items changed both here and on the server: both versions side by side, kept, taken or merged field by field. */
export function ConflictsDialog({ onClose, onResolved }: ConflictsDialogProps) {
  const { t } = useTranslation();
  const conflicts = useQuery('calendar.conflicts', {});
  return (
    <Modal opened onClose={onClose} title={t('calendar.conflicts.title')} size="100%">
      <Stack data-testid="calendar-conflicts">
        {conflicts.error && <ErrorNotice error={conflicts.error} onRetry={conflicts.reload} />}
        {!conflicts.data && !conflicts.error && <Loader size="sm" />}
        {conflicts.data?.length === 0 && <Text c="dimmed">{t('calendar.conflicts.none')}</Text>}
        {conflicts.data?.map((conflict) => (
          <ConflictCard
            key={conflict.id}
            conflict={conflict}
            onResolved={() => {
              conflicts.reload();
              onResolved();
            }}
          />
        ))}
      </Stack>
    </Modal>
  );
}

function ConflictCard({ conflict, onResolved }: { conflict: CalendarConflict; onResolved: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { locale } = useWorkplace();
  const [picked, setPicked] = useState<Partial<Record<ConflictField, 'mine' | 'theirs'>>>({});
  const words = { yes: t('calendar.conflicts.yes'), no: t('calendar.conflicts.no'), none: t('common.unknown') };
  const resolve = async (choice: 'mine' | 'theirs' | 'merge') => {
    const fields = choice === 'merge' ? mergeChoice(conflict.differing, picked) : {};
    if (await act(bridge, 'calendar.resolveConflict', { id: conflict.id, choice, fields }, errorText)) onResolved();
  };
  const { mine, theirs } = conflict;
  const title = mine?.title ?? theirs?.title ?? '';
  return (
    <Card withBorder data-testid="calendar-conflict" data-conflict-id={conflict.id}>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{title}</Text>
        <Text size="xs" c="dimmed">
          {t('calendar.conflicts.detected', { time: formatDateTime(locale, conflict.detectedAt) })}
        </Text>
      </Group>
      {conflict.kind !== 'edited_on_both' && (
        <Alert color="orange" mb="xs">
          {t(`calendar.conflicts.kind.${conflict.kind}`)}
        </Alert>
      )}
      {mine && theirs ? (
        <Table withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('calendar.conflicts.mine')}</Table.Th>
              <Table.Th>{t('calendar.conflicts.theirs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflictFieldOrder.map((field) => {
              const differs = conflict.differing.includes(field);
              const side = picked[field] ?? 'theirs';
              return (
                <Table.Tr key={field} bg={differs ? 'var(--mantine-color-yellow-light)' : undefined} data-differs={differs}>
                  <Table.Td fw={differs ? 700 : undefined}>{t(`calendar.conflicts.field.${field}`)}</Table.Td>
                  {sides.map((which) => (
                    <Table.Td key={which}>
                      {differs ? (
                        <Radio
                          checked={side === which}
                          onChange={() => setPicked({ ...picked, [field]: which })}
                          label={conflictValueText(which === 'mine' ? mine : theirs, field, words)}
                          aria-label={`${t(`calendar.conflicts.field.${field}`)}: ${t(`calendar.conflicts.${which}`)}`}
                        />
                      ) : (
                        <Text size="sm">{conflictValueText(which === 'mine' ? mine : theirs, field, words)}</Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : (
        <SingleVersion version={mine ?? theirs} side={mine ? 'mine' : 'theirs'} words={words} />
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={() => void resolve('mine')} data-testid="conflict-keep-mine">
          {mine ? (theirs ? t('calendar.conflicts.keepMine') : t('calendar.conflicts.recreate')) : t('calendar.conflicts.keepDeleted')}
        </Button>
        <Button variant="default" onClick={() => void resolve('theirs')} data-testid="conflict-take-theirs">
          {theirs ? t('calendar.conflicts.takeTheirs') : t('calendar.conflicts.letGo')}
        </Button>
        {mine && theirs && (
          <Button onClick={() => void resolve('merge')} data-testid="conflict-merge">
            {t('calendar.conflicts.merge')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

/** The one version left when the other side deleted the item. */
function SingleVersion({ version, side, words }: { version: ConflictVersion | null; side: 'mine' | 'theirs'; words: { yes: string; no: string; none: string } }) {
  const { t } = useTranslation();
  if (!version) return null;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th>{t(`calendar.conflicts.${side}`)}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {conflictFieldOrder.map((field) => (
          <Table.Tr key={field}>
            <Table.Td>{t(`calendar.conflicts.field.${field}`)}</Table.Td>
            <Table.Td>{conflictValueText(version, field, words)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
