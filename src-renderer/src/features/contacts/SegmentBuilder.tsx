import { ActionIcon, Button, Group, NumberInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SegmentCondition, SegmentDefinition } from '#contract';
import { useQuery } from '#renderer/api/client';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';

export interface SegmentBuilderProps {
  value: SegmentDefinition;
  onChange: (definition: SegmentDefinition) => void;
}

const fresh: Record<SegmentCondition['type'], SegmentCondition> = {
  field: { type: 'field', field: 'city', op: 'equals', value: '' },
  responsible: { type: 'responsible', employeeId: null },
  tag: { type: 'tag', tagId: '', has: true },
  custom: { type: 'custom', fieldId: '', op: 'equals', value: '' },
  recency: { type: 'recency', kind: 'call', days: 30, mode: 'none_within' },
  consent: { type: 'consent', flag: 'doNotCall', value: false },
  has_phone: { type: 'has_phone', value: true },
};

/** Conditions a contact must all meet: fields, tags, custom fields, "no call in N days", consent. */
export function SegmentBuilder({ value, onChange }: SegmentBuilderProps) {
  const { t } = useTranslation();
  const set = (index: number, condition: SegmentCondition) => onChange({ conditions: value.conditions.map((c, i) => (i === index ? condition : c)) });
  return (
    <Stack gap="xs" data-testid="segment-builder">
      {value.conditions.map((condition, index) => (
        <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
          <Select
            w={190}
            data={Object.keys(fresh).map((type) => ({ value: type, label: t(`segments.type.${type}`) }))}
            value={condition.type}
            onChange={(type) => type && set(index, fresh[type as SegmentCondition['type']])}
            allowDeselect={false}
            aria-label={t('segments.condition')}
          />
          <ConditionInputs condition={condition} onChange={(c) => set(index, c)} />
          <ActionIcon variant="subtle" color="red" onClick={() => onChange({ conditions: value.conditions.filter((_, i) => i !== index) })} aria-label={t('segments.remove')} mb={4}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => onChange({ conditions: [...value.conditions, fresh.recency] })}>
        {t('segments.add')}
      </Button>
    </Stack>
  );
}

function ConditionInputs({ condition, onChange }: { condition: SegmentCondition; onChange: (c: SegmentCondition) => void }) {
  const { t } = useTranslation();
  const tags = useQuery('tags.list', {});
  const fields = useQuery('customFields.list', {});
  const ops = (list: readonly string[]) => list.map((op) => ({ value: op, label: t(`segments.op.${op}`) }));
  switch (condition.type) {
    case 'field':
      return (
        <>
          <Select w={150} data={(['name', 'position', 'company', 'city', 'source'] as const).map((f) => ({ value: f, label: t(`segments.field.${f}`) }))} value={condition.field} onChange={(f) => f && onChange({ ...condition, field: f })} allowDeselect={false} aria-label={t('segments.field.label')} />
          <Select w={150} data={ops(['equals', 'starts', 'contains', 'empty', 'not_empty'])} value={condition.op} onChange={(op) => op && onChange({ ...condition, op: op as typeof condition.op })} allowDeselect={false} aria-label={t('segments.op.label')} />
          {condition.op !== 'empty' && condition.op !== 'not_empty' && <TextInput value={condition.value} onChange={(e) => onChange({ ...condition, value: e.currentTarget.value })} aria-label={t('segments.value')} />}
        </>
      );
    case 'responsible':
      return <EmployeeSelect label="" value={condition.employeeId} onChange={(employeeId) => onChange({ ...condition, employeeId })} />;
    case 'tag':
      return (
        <>
          <Select w={200} data={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))} value={condition.tagId || null} onChange={(tagId) => tagId && onChange({ ...condition, tagId })} aria-label={t('segments.type.tag')} />
          <Switch label={t('segments.has')} checked={condition.has} onChange={(e) => onChange({ ...condition, has: e.currentTarget.checked })} mb={8} />
        </>
      );
    case 'custom':
      return (
        <>
          <Select w={180} data={(fields.data ?? []).filter((f) => f.entity === 'contact').map((f) => ({ value: f.id, label: f.name }))} value={condition.fieldId || null} onChange={(fieldId) => fieldId && onChange({ ...condition, fieldId })} aria-label={t('segments.type.custom')} />
          <Select w={130} data={ops(['equals', 'contains', 'gt', 'lt', 'empty', 'not_empty'])} value={condition.op} onChange={(op) => op && onChange({ ...condition, op: op as typeof condition.op })} allowDeselect={false} aria-label={t('segments.op.label')} />
          {condition.op !== 'empty' && condition.op !== 'not_empty' && <TextInput value={String(condition.value)} onChange={(e) => onChange({ ...condition, value: condition.op === 'gt' || condition.op === 'lt' ? Number(e.currentTarget.value) : e.currentTarget.value })} aria-label={t('segments.value')} />}
        </>
      );
    case 'recency':
      return (
        <>
          <Select w={170} data={[{ value: 'none_within', label: t('segments.noneWithin') }, { value: 'some_within', label: t('segments.someWithin') }]} value={condition.mode} onChange={(mode) => mode && onChange({ ...condition, mode: mode })} allowDeselect={false} aria-label={t('segments.type.recency')} />
          <Select w={150} data={(['any', 'call', 'meeting', 'email', 'planned', 'note'] as const).map((k) => ({ value: k, label: k === 'any' ? t('segments.anyContact') : t(`interaction.${k}`) }))} value={condition.kind} onChange={(kind) => kind && onChange({ ...condition, kind: kind })} allowDeselect={false} aria-label={t('segments.kind')} />
          <NumberInput w={100} value={condition.days} min={1} max={3650} onChange={(days) => onChange({ ...condition, days: Number(days) || 1 })} suffix={` ${t('segments.days')}`} aria-label={t('segments.days')} />
        </>
      );
    case 'consent':
      return (
        <>
          <Select w={180} data={[{ value: 'doNotCall', label: t('card.doNotCall') }, { value: 'noEmail', label: t('card.noEmail') }]} value={condition.flag} onChange={(flag) => flag && onChange({ ...condition, flag: flag })} allowDeselect={false} aria-label={t('segments.type.consent')} />
          <Switch label={t('segments.isSet')} checked={condition.value} onChange={(e) => onChange({ ...condition, value: e.currentTarget.checked })} mb={8} />
        </>
      );
    case 'has_phone':
      return <Switch label={t('segments.hasPhone')} checked={condition.value} onChange={(e) => onChange({ ...condition, value: e.currentTarget.checked })} mb={8} />;
  }
}
