import { ActionIcon, Button, Checkbox, Divider, Group, Menu, SegmentedControl, Select, Stack, Switch, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconArrowRight, IconBraces, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { scriptNodeKinds, type ScriptDefinition, type ScriptNode } from '#contract';
import { insertMergeField } from './merge-field-text';
import { addAnswer, removeAnswer, updateAnswer, updateNode } from './script-draft';

export interface NodePanelProps {
  script: ScriptDefinition;
  node: ScriptNode;
  onChange: (script: ScriptDefinition) => void;
  onDelete: () => void;
  /** Merge fields the picker offers (`contact.firstName`, `custom.Delivery day`…). */
  mergeFields: string[];
  /** The sections of the script's questionnaire, when it has one. */
  sections: { id: string; title: string }[] | null;
}

/** Everything about the selected node: title, kind, text with merge fields, answers and where they lead, what reaching it does. */
export function NodePanel({ script, node, onChange, onDelete, mergeFields, sections }: NodePanelProps) {
  const { t } = useTranslation();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const change = (patch: Partial<Omit<ScriptNode, 'id'>>) => onChange(updateNode(script, node.id, patch));
  const others = script.nodes.filter((n) => n.id !== node.id);

  const insertField = (field: string) => {
    const area = textRef.current;
    const { text, caret } = insertMergeField(node.text, area?.selectionStart ?? node.text.length, area?.selectionEnd ?? node.text.length, field);
    change({ text });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(caret, caret);
    });
  };

  return (
    <Stack gap="sm" data-testid="node-panel">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{t('scripts.nodeTitle', { id: node.id })}</Text>
        <Tooltip label={script.start === node.id ? t('scripts.startCannotGo') : t('scripts.deleteNode')}>
          <ActionIcon variant="subtle" color="red" onClick={onDelete} disabled={script.start === node.id} aria-label={t('scripts.deleteNode')} data-testid="node-delete">
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <TextInput label={t('scripts.titleField')} value={node.title} onChange={(e) => change({ title: e.currentTarget.value })} data-testid="node-title" />
      <SegmentedControl
        value={node.kind}
        onChange={(kind) => change({ kind: kind })}
        data={scriptNodeKinds.map((kind) => ({ value: kind, label: t(`scripts.nodeKind.${kind}`) }))}
        data-testid="node-kind"
      />
      <Text size="xs" c="dimmed">
        {t(`scripts.nodeKindHint.${node.kind}`)}
      </Text>
      {script.start !== node.id && node.kind === 'step' && (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange({ ...script, start: node.id })} data-testid="node-make-start">
          {t('scripts.makeStart')}
        </Button>
      )}
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('scripts.text')}
          </Text>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="subtle" size="compact-xs" leftSection={<IconBraces size={14} />} data-testid="merge-field-picker">
                {t('scripts.insertField')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {mergeFields.map((field) => (
                <Menu.Item key={field} onClick={() => insertField(field)} data-testid={`merge-field-${field}`}>
                  {`{${field}}`}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Textarea ref={textRef} value={node.text} onChange={(e) => change({ text: e.currentTarget.value })} autosize minRows={3} maxRows={10} aria-label={t('scripts.text')} data-testid="node-text" />
        <Text size="xs" c="dimmed">
          {t('scripts.fallbackHint')}
        </Text>
      </Stack>

      <Divider label={t('scripts.answers')} labelPosition="left" />
      {node.answers.length === 0 && (
        <Text size="xs" c="dimmed">
          {node.kind === 'end' ? t('scripts.endNeedsNoAnswers') : t('scripts.noAnswers')}
        </Text>
      )}
      {node.answers.map((answer, i) => (
        <Stack key={answer.id} gap={4} data-testid={`answer-${answer.id}`}>
          <Group gap={6} wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              leftSection={<Text size="xs">{i + 1}</Text>}
              value={answer.label}
              onChange={(e) => onChange(updateAnswer(script, node.id, answer.id, { label: e.currentTarget.value }))}
              aria-label={t('scripts.answerLabel')}
              data-testid="answer-label"
            />
            <ActionIcon variant="subtle" color="red" onClick={() => onChange(removeAnswer(script, node.id, answer.id))} aria-label={t('scripts.deleteAnswer')}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
          <Select
            ml={16}
            mr={34}
            size="xs"
            leftSection={<IconArrowRight size={14} />}
            aria-label={t('scripts.leadsTo')}
            data={[{ value: '', label: node.kind === 'objection' ? t('scripts.returnBack') : t('scripts.endOfScript') }, ...others.map((n) => ({ value: n.id, label: n.title }))]}
            value={answer.next ?? ''}
            onChange={(next) => onChange(updateAnswer(script, node.id, answer.id, { next: next ? next : null }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="answer-next"
          />
        </Stack>
      ))}
      <Button
        variant="light"
        size="compact-sm"
        leftSection={<IconPlus size={14} />}
        disabled={node.answers.length >= 9}
        onClick={() => onChange(addAnswer(script, node.id, t('scripts.newAnswer', { n: node.answers.length + 1 })))}
        data-testid="answer-add"
      >
        {t('scripts.addAnswer')}
      </Button>

      <Divider label={t('scripts.onReaching')} labelPosition="left" />
      <Checkbox
        label={t('scripts.setsDisposition')}
        checked={node.disposition !== null}
        onChange={(e) => change({ disposition: e.currentTarget.checked ? { label: node.title, success: false } : null })}
        data-testid="node-disposition"
      />
      {node.disposition && (
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('scripts.dispositionLabel')}
            value={node.disposition.label}
            onChange={(e) => change({ disposition: { label: e.currentTarget.value, success: node.disposition?.success ?? false } })}
            data-testid="node-disposition-label"
          />
          <Switch
            mb={8}
            label={t('scripts.success')}
            checked={node.disposition.success}
            onChange={(e) => change({ disposition: { label: node.disposition?.label ?? '', success: e.currentTarget.checked } })}
            data-testid="node-disposition-success"
          />
        </Group>
      )}
      <Switch label={t('scripts.proposeCallback')} checked={node.proposeCallback} onChange={(e) => change({ proposeCallback: e.currentTarget.checked })} />
      {sections && (
        <Select
          label={t('scripts.opensSection')}
          data={sections.map((s) => ({ value: s.id, label: s.title }))}
          value={node.sectionId}
          onChange={(sectionId) => change({ sectionId })}
          clearable
          placeholder={t('scripts.noSection')}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Stack>
  );
}
