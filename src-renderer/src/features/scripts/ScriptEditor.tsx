import { Box, Button, Divider, Group, ScrollArea, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconMessageExclamation, IconPlayerStop, IconPlus } from '@tabler/icons-react';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptDefinition, ScriptDocument, ScriptNode } from '#contract';
import { useQuery } from '#renderer/api/client';
import { DocumentBar } from './DocumentBar';
import { DocumentTabs } from './DocumentTabs';
import { mergeFieldChoices } from './merge-field-text';
import { NodePanel } from './NodePanel';
import { ProblemList } from './ProblemList';
import { ScriptCanvas } from './ScriptCanvas';
import { ScriptPreview } from './ScriptPreview';
import { addNode, freePosition, newScript, removeNode } from './script-draft';
import { useDocumentDraft } from './useDocumentDraft';

export interface ScriptEditorProps {
  document: ScriptDocument;
  onDocument: (document: ScriptDocument) => void;
  onClose: () => void;
}

/** A script drawn as a graph, its selected node edited beside it, and a preview with a sample contact. */
export function ScriptEditor(props: ScriptEditorProps) {
  return (
    <ReactFlowProvider>
      <ScriptEditorBody {...props} />
    </ReactFlowProvider>
  );
}

interface Draft {
  name: string;
  description: string;
  script: ScriptDefinition;
}

function ScriptEditorBody({ document, onDocument, onClose }: ScriptEditorProps) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const state = useDocumentDraft<Draft>(
    document,
    () => ({ draft: { name: document.name, description: document.description, script: document.script ?? newScript(t('scripts.greeting')) }, saved: document.script !== null }),
    (draft) => ({ id: document.id, kind: 'script', ...draft }),
    onDocument,
  );
  const { draft, setDraft } = state;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { script } = draft;
  const setScript = (next: ScriptDefinition) => setDraft((d) => ({ ...d, script: next }));

  const customFields = useQuery('customFields.list', {});
  const questionnaires = useQuery('scripts.list', { kind: 'questionnaire' });
  const linked = useQuery('scripts.get', { id: script.questionnaireId ?? '' }, script.questionnaireId !== null);
  const mergeFields = useMemo(() => mergeFieldChoices((customFields.data ?? []).filter((f) => f.entity === 'contact').map((f) => f.name)), [customFields.data]);
  const sections = script.questionnaireId !== null ? (linked.data?.questionnaire?.sections.map((s) => ({ id: s.id, title: s.title })) ?? []) : null;
  const titles = useMemo(() => new Map(script.nodes.map((n) => [n.id, n.title])), [script.nodes]);
  const selected = script.nodes.find((n) => n.id === selectedId) ?? null;

  const add = (kind: ScriptNode['kind']) => {
    const added = addNode(script, kind, t(`scripts.newNode.${kind}`), freePosition(script));
    setScript(added.script);
    setSelectedId(added.nodeId);
    // After React Flow has measured the new card, bring the whole graph into view.
    requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ maxZoom: 1, padding: 0.2 })));
  };

  const focus = (nodeId: string) => {
    setSelectedId(nodeId);
    const node = script.nodes.find((n) => n.id === nodeId);
    if (node) void flow.setCenter(node.position.x + 120, node.position.y + 60, { zoom: Math.max(flow.getZoom(), 0.8) });
  };

  const graph = (
    <>
      <Group gap="xs" mb="xs">
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => add('step')} data-testid="add-step">
          {t('scripts.addStep')}
        </Button>
        <Button size="compact-sm" variant="light" color="grape" leftSection={<IconMessageExclamation size={14} />} onClick={() => add('objection')} data-testid="add-objection">
          {t('scripts.addObjection')}
        </Button>
        <Button size="compact-sm" variant="light" color="gray" leftSection={<IconPlayerStop size={14} />} onClick={() => add('end')} data-testid="add-end">
          {t('scripts.addEnd')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('scripts.canvasHint')}
        </Text>
      </Group>
      <Group align="stretch" gap="sm" wrap="nowrap" h="calc(100vh - 250px)" mih={420}>
        <Box style={{ flex: 1, minWidth: 0, border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)' }}>
          <ScriptCanvas script={script} problems={document.problems} selectedId={selectedId} onSelect={setSelectedId} onChange={setScript} />
        </Box>
        <ScrollArea w={360} type="auto" offsetScrollbars>
          <Stack gap="sm" pr={4}>
            <Text fw={600} size="sm">
              {t('scripts.problems')}
              {state.dirty && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t('scripts.problemsOfSaved')}
                </Text>
              )}
            </Text>
            <ProblemList problems={document.problems} titles={titles} onSelect={focus} />
            <Divider />
            {selected ? (
              <NodePanel
                key={selected.id}
                script={script}
                node={selected}
                onChange={setScript}
                onDelete={() => {
                  setScript(removeNode(script, selected.id));
                  setSelectedId(null);
                }}
                mergeFields={mergeFields}
                sections={sections}
              />
            ) : (
              <Stack gap="sm" data-testid="script-settings">
                <Text size="sm" c="dimmed">
                  {t('scripts.selectNode')}
                </Text>
                <Select
                  label={t('scripts.startNode')}
                  data={script.nodes.filter((n) => n.kind === 'step').map((n) => ({ value: n.id, label: n.title }))}
                  value={script.start}
                  onChange={(start) => start && setScript({ ...script, start })}
                  allowDeselect={false}
                />
                <Select
                  label={t('scripts.questionnaire')}
                  description={t('scripts.questionnaireHint')}
                  data={(questionnaires.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
                  value={script.questionnaireId}
                  onChange={(questionnaireId) => setScript({ ...script, questionnaireId })}
                  clearable
                  placeholder={t('scripts.noQuestionnaire')}
                  data-testid="script-questionnaire"
                />
                <Textarea label={t('scripts.description')} value={draft.description} onChange={(e) => {
                    const description = e.currentTarget.value;
                    setDraft((d) => ({ ...d, description }));
                  }} autosize minRows={2} />
              </Stack>
            )}
          </Stack>
        </ScrollArea>
      </Group>
    </>
  );

  return (
    <Box>
      <DocumentBar document={document} state={state} onClose={onClose} />
      <DocumentTabs
        id={document.id}
        tabs={[
          { value: 'graph', label: t('scripts.graph'), content: graph },
          { value: 'preview', label: t('scripts.preview'), content: <ScriptPreview document={document} unsaved={state.dirty} />, testId: 'script-preview-tab' },
        ]}
      />
    </Box>
  );
}
