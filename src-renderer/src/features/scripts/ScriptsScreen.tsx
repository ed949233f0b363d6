import { ActionIcon, Alert, Badge, Box, Button, FileButton, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconFileImport, IconForms, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptDocument, ScriptSummary } from '#contract';
import { call, useBridge, useQuery } from '#renderer/api/client';
import { formatDateTime, formatNumber } from '#renderer/i18n/format';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { FormFooter } from '#renderer/ui/FormFooter';
import { NamePrompt } from '#renderer/ui/NamePrompt';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { useFailureText } from '#renderer/ui/useErrorText';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { ImportProblems } from './ImportProblems';
import { QuestionnaireBuilder } from './QuestionnaireBuilder';
import { ScriptEditor } from './ScriptEditor';
import { newScript } from './script-draft';
import { newQuestionnaire } from './questionnaire-draft';

export interface ScriptsScreenProps {
  openId: string | null;
  onOpen: (id: string | null) => void;
}

/** Call scripts and questionnaires: the list, and the one opened in its editor. */
export function ScriptsScreen({ openId, onOpen }: ScriptsScreenProps) {
  return openId ? <ScriptDocumentScreen key={openId} id={openId} onClose={() => onOpen(null)} /> : <ScriptList onOpen={onOpen} />;
}

function ScriptList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { locale } = useWorkplace();
  const failureText = useFailureText();
  const list = useQuery('scripts.list', {});
  const [creating, setCreating] = useState<ScriptSummary['kind'] | null>(null);
  const [deleting, setDeleting] = useState<ScriptSummary | null>(null);
  const [importFailure, setImportFailure] = useState<unknown>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const create = async (kind: ScriptSummary['kind'], name: string) => {
    setCreating(null);
    try {
      const definition = kind === 'script' ? { script: newScript(t('scripts.greeting')) } : { questionnaire: newQuestionnaire(t('scripts.q.firstSection')) };
      onOpen((await call(bridge, 'scripts.save', { kind, name, ...definition })).id);
    } catch (error) {
      setFailure(error);
    }
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setImportFailure(null);
    try {
      const imported = await call(bridge, 'scripts.importJson', { text: await file.text() });
      list.reload();
      onOpen(imported.id);
    } catch (error) {
      setImportFailure(error);
    }
  };

  const exportFile = async (id: string) => {
    try {
      const { fileName, text } = await call(bridge, 'scripts.exportJson', { id });
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = window.document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setFailure(error);
    }
  };

  const remove = async (id: string) => {
    setDeleting(null);
    try {
      await call(bridge, 'scripts.delete', { id });
      list.reload();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Box>
      <ScreenTitle
        actions={
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating('script')} data-testid="script-new">
              {t('scripts.newScript')}
            </Button>
            <Button variant="light" leftSection={<IconForms size={16} />} onClick={() => setCreating('questionnaire')} data-testid="questionnaire-new">
              {t('scripts.newQuestionnaire')}
            </Button>
            <FileButton onChange={(file) => void importFile(file)} accept=".json,application/json">
              {(props) => (
                <Button variant="default" leftSection={<IconFileImport size={16} />} {...props} data-testid="script-import">
                  {t('scripts.import')}
                </Button>
              )}
            </FileButton>
          </Group>
        }
      >
        {t('scripts.title')}
      </ScreenTitle>
      {importFailure !== null && <ImportProblems failure={importFailure} onClose={() => setImportFailure(null)} />}
      {failure !== null && (
        <Alert color="red" mb="sm" role="alert" withCloseButton onClose={() => setFailure(null)}>
          {failureText(failure)}
        </Alert>
      )}
      {list.error && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {list.data?.length === 0 && <Text c="dimmed">{t('scripts.empty')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table highlightOnHover striped data-testid="scripts-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scripts.name')}</Table.Th>
              <Table.Th>{t('scripts.kindColumn')}</Table.Th>
              <Table.Th ta="right">{t('scripts.versions')}</Table.Th>
              <Table.Th>{t('scripts.stateColumn')}</Table.Th>
              <Table.Th>{t('scripts.updatedAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((row) => (
              <Table.Tr key={row.id} onClick={() => onOpen(row.id)} style={{ cursor: 'pointer' }} data-row={row.id} data-testid="script-row">
                <Table.Td>{row.name}</Table.Td>
                <Table.Td>{t(`scripts.kind.${row.kind}`)}</Table.Td>
                <Table.Td ta="right">{formatNumber(locale, row.versions)}</Table.Td>
                <Table.Td>
                  {row.versions === 0 ? (
                    <Badge color="gray" variant="light">
                      {t('scripts.neverPublished')}
                    </Badge>
                  ) : row.hasUnpublishedChanges ? (
                    <Badge color="yellow" variant="light">
                      {t('scripts.unpublished')}
                    </Badge>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('scripts.published')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatDateTime(locale, row.updatedAt)}</Table.Td>
                <Table.Td onClick={(e) => e.stopPropagation()}>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t('scripts.export')}>
                      <ActionIcon variant="subtle" onClick={() => void exportFile(row.id)} aria-label={t('scripts.export')} data-testid="script-export">
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('common.delete')}>
                      <ActionIcon variant="subtle" color="red" onClick={() => setDeleting(row)} aria-label={t('common.delete')} data-testid="script-delete">
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <NamePrompt
          title={creating === 'script' ? t('scripts.newScript') : t('scripts.newQuestionnaire')}
          label={t('scripts.name')}
          initial=""
          onCancel={() => setCreating(null)}
          onSubmit={(name) => void create(creating, name)}
          testId="script-create"
        />
      )}
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title={t('scripts.deleteTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('scripts.deleteConfirm', { name: deleting.name })}</Text>
            <FormFooter error={null} onCancel={() => setDeleting(null)} onSubmit={() => void remove(deleting.id)} submitLabel={t('common.delete')} testId="script-delete-confirm" />
          </Stack>
        </Modal>
      )}
    </Box>
  );
}

function ScriptDocumentScreen({ id, onClose }: { id: string; onClose: () => void }) {
  const loaded = useQuery('scripts.get', { id });
  // Saves and publishes answer with the whole document; it replaces what was loaded.
  const [document, setDocument] = useState<ScriptDocument | null>(null);
  const current = document ?? loaded.data;
  if (loaded.error && !document) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!current) return null;
  return current.kind === 'script' ? (
    <ScriptEditor document={current} onDocument={setDocument} onClose={onClose} />
  ) : (
    <QuestionnaireBuilder document={current} onDocument={setDocument} onClose={onClose} />
  );
}
