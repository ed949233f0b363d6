import { ActionIcon, Alert, Badge, Button, Group, Popover, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ScriptDocument } from '#contract';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { useFailureText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import type { DocumentDraft } from './useDocumentDraft';

export interface DocumentBarProps<D extends { name: string }> {
  document: ScriptDocument;
  state: DocumentDraft<D>;
  onClose: () => void;
}

/** The top of the script editor and the questionnaire builder: name, Save draft, Publish, versions. */
export function DocumentBar<D extends { name: string }>({ document, state, onClose }: DocumentBarProps<D>) {
  const { t } = useTranslation();
  const { locale } = useWorkplace();
  const failureText = useFailureText();
  const latest = document.versions.at(-1);
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Group gap="xs" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
          <Tooltip label={t('scripts.backToList')}>
            <ActionIcon variant="default" onClick={onClose} aria-label={t('scripts.backToList')} data-testid="script-back">
              <IconArrowLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <TextInput
            value={state.draft.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              state.setDraft((draft) => ({ ...draft, name }));
            }} aria-label={t('scripts.name')} style={{ flex: 1, minWidth: 160, maxWidth: 420 }} data-testid="script-name" />
          {state.dirty ? (
            <Badge color="orange" variant="light" style={{ flexShrink: 0 }} data-testid="script-state">
              {t('scripts.unsaved')}
            </Badge>
          ) : (
            document.hasUnpublishedChanges && (
              <Badge color="yellow" variant="light" style={{ flexShrink: 0 }} data-testid="script-state">
                {t('scripts.unpublished')}
              </Badge>
            )
          )}
        </Group>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Popover position="bottom-end" withArrow shadow="md">
            <Popover.Target>
              <Button variant="default" leftSection={<IconHistory size={16} />} data-testid="script-versions">
                {latest ? t('scripts.versionShort', { number: latest.ordinal }) : t('scripts.neverPublished')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              {document.versions.length === 0 ? (
                <Text size="sm">{t('scripts.noVersions')}</Text>
              ) : (
                <Table data-testid="script-versions-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('scripts.version')}</Table.Th>
                      <Table.Th>{t('scripts.publishedAt')}</Table.Th>
                      <Table.Th>{t('scripts.publishedBy')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...document.versions].reverse().map((version) => (
                      <Table.Tr key={version.id}>
                        <Table.Td>{formatNumber(locale, version.ordinal)}</Table.Td>
                        <Table.Td>{formatDateTime(locale, version.publishedAt)}</Table.Td>
                        <Table.Td>{version.publishedBy ?? t('common.unknown')}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Popover.Dropdown>
          </Popover>
          <Button variant="default" onClick={() => void state.save()} loading={state.busy} disabled={!state.dirty} data-testid="script-save">
            {t('scripts.saveDraft')}
          </Button>
          <Button onClick={() => void state.publish()} loading={state.busy} disabled={!state.dirty && !document.hasUnpublishedChanges} data-testid="script-publish">
            {t('scripts.publish')}
          </Button>
        </Group>
      </Group>
      {state.failure !== null && (
        <Alert color="red" mb="sm" role="alert" data-testid="script-failure">
          {failureText(state.failure)}
        </Alert>
      )}
    </>
  );
}
