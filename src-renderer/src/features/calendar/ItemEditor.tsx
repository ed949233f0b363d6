import { Alert, Button, Chip, Group, Loader, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarItemKinds, type CalendarItem, type CalendarOccurrence } from '#contract';
import { formErrors, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { DateField } from '#renderer/ui/DateField';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { FormFooter } from '#renderer/ui/FormFooter';
import { RecordPicker } from '#renderer/ui/RecordPicker';
import { draftOfItem, inputOfDraft, newDraft, timesOf, type ItemDraft, type ItemPrefill } from './item-draft';
import { frequencies, noRecurrence, weekdayOf, weekdays, type Recurrence } from './recurrence';
import { knownZones, workstationZone } from './zoned-time';

export const reminderChoices = [null, 5, 10, 15, 30, 60, 1440] as const;

/** What the editor opens on: a new item (prefilled), or an item, possibly from one of its occurrences. */
export type EditorTarget = { prefill: ItemPrefill } | { itemId: string; occurrence: CalendarOccurrence | null };

export interface ItemEditorProps {
  target: EditorTarget;
  onClose: () => void;
  onSaved: (item: CalendarItem) => void;
}

/** The calendar item editor, as a modal: a new item from a slot or another screen, or an existing one. */
export function ItemEditor({ target, onClose, onSaved }: ItemEditorProps) {
  const { t } = useTranslation();
  const itemId = 'itemId' in target ? target.itemId : null;
  const item = useQuery('calendar.get', { id: itemId ?? '' }, itemId !== null);
  const title = itemId ? t('calendar.editor.editTitle') : t('calendar.editor.newTitle');
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      {'prefill' in target ? (
        <EditorForm target={target} item={null} onClose={onClose} onSaved={onSaved} />
      ) : item.error ? (
        <ErrorNotice error={item.error} onRetry={item.reload} />
      ) : item.data ? (
        <EditorForm target={target} item={item.data} onClose={onClose} onSaved={onSaved} />
      ) : (
        <Loader size="sm" />
      )}
    </Modal>
  );
}

interface EditorFormProps extends ItemEditorProps {
  item: CalendarItem | null;
}

/** The first message under a field, whichever of its sub-paths (`start.local`) the error named. */
function fieldError(errors: FormErrors, ...names: string[]): string | undefined {
  const path = Object.keys(errors.fields).find((p) => names.some((name) => p === name || p.startsWith(`${name}.`)));
  return path ? errors.fields[path] : undefined;
}

const shownFields = ['title', 'start', 'end', 'rrule', 'reminderMinutes', 'links', 'assigneeId', 'location', 'description', 'calendarId', 'kind', 'recurrenceId'];

function EditorForm({ target, item, onClose, onSaved }: EditorFormProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const ownZone = useMemo(() => workstationZone(), []);
  const occurrence = 'occurrence' in target ? target.occurrence : null;
  const [draft, setDraft] = useState<ItemDraft>(() => (item ? draftOfItem(item, occurrence, ownZone) : newDraft('prefill' in target ? target.prefill : {}, Date.now(), ownZone)));
  const recurring = item?.rrule !== null && item?.rrule !== undefined && occurrence?.recurrenceId != null;
  const [scope, setScope] = useState<'series' | 'occurrence'>(recurring ? 'occurrence' : 'series');
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [saving, setSaving] = useState(false);
  const calendars = useQuery('calendar.calendars', {});
  const zones = useMemo(() => knownZones().map((z) => ({ value: z, label: z.replaceAll('_', ' ') })), []);
  const set = (patch: Partial<ItemDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setSaving(true);
    const input = inputOfDraft(draft, { ...(item ? { id: item.id } : {}), scope, recurrenceId: scope === 'occurrence' ? (occurrence?.recurrenceId ?? null) : null });
    const result = await bridge.invoke('calendar.save', input);
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setErrors(formErrors(result.error, t, (path) => shownFields.some((f) => path === f || path.startsWith(`${f}.`))));
  };

  const writable = (calendars.data ?? []).filter((c) => !c.readOnly);
  return (
    <Stack gap="sm" data-testid="calendar-editor">
      {item?.readOnly && <Alert color="gray">{t('calendar.editor.readOnly')}</Alert>}
      {recurring && (
        <SegmentedControl
          value={scope}
          onChange={(next) => {
            // The series keeps its own first date; one occurrence is edited at its own times.
            setScope(next);
            if (item) set(timesOf(item, next === 'occurrence' ? occurrence : null, draft.zone));
          }}
          data={[
            { value: 'occurrence', label: t('calendar.scope.occurrence') },
            { value: 'series', label: t('calendar.scope.series') },
          ]}
          data-testid="calendar-editor-scope"
        />
      )}
      <SimpleGrid cols={2}>
        <Select
          label={t('calendar.editor.kind')}
          data={calendarItemKinds.map((k) => ({ value: k, label: t(`calendar.kind.${k}`) }))}
          value={draft.kind}
          onChange={(v) => v && set({ kind: v })}
          allowDeselect={false}
          error={fieldError(errors, 'kind')}
          data-testid="calendar-editor-kind"
        />
        <Select
          label={t('calendar.editor.calendar')}
          placeholder={t('calendar.editor.defaultCalendar')}
          data={writable.map((c) => ({ value: c.id, label: c.ownerName && !c.isDefault ? `${c.displayName} · ${c.ownerName}` : c.displayName }))}
          value={draft.calendarId}
          onChange={(v) => set({ calendarId: v })}
          clearable
          error={fieldError(errors, 'calendarId')}
        />
      </SimpleGrid>
      <TextInput label={t('calendar.editor.title')} value={draft.title} onChange={(e) => set({ title: e.currentTarget.value })} error={fieldError(errors, 'title')} data-testid="calendar-editor-title" data-autofocus />
      <Switch label={t('calendar.editor.allDay')} checked={draft.allDay} onChange={(e) => set({ allDay: e.currentTarget.checked })} />
      <SimpleGrid cols={draft.allDay ? 2 : 4}>
        <DateField label={t('calendar.editor.startDate')} value={draft.startDate} clearable={false} onChange={(v) => v && set({ startDate: v, endDate: v > draft.endDate ? v : draft.endDate })} error={fieldError(errors, 'start')} data-testid="calendar-editor-start-date" />
        {!draft.allDay && <TimeInput label={t('calendar.editor.startTime')} value={draft.startTime} onChange={(e) => set({ startTime: e.currentTarget.value })} data-testid="calendar-editor-start-time" />}
        <DateField label={t('calendar.editor.endDate')} value={draft.endDate} clearable={false} onChange={(v) => v && set({ endDate: v })} error={fieldError(errors, 'end')} data-testid="calendar-editor-end-date" />
        {!draft.allDay && <TimeInput label={t('calendar.editor.endTime')} value={draft.endTime} onChange={(e) => set({ endTime: e.currentTarget.value })} data-testid="calendar-editor-end-time" />}
      </SimpleGrid>
      {!draft.allDay && (
        <Select
          label={t('calendar.editor.zone')}
          description={draft.zone !== ownZone ? t('calendar.editor.otherZone', { zone: ownZone }) : undefined}
          data={zones}
          value={draft.zone}
          onChange={(v) => v && set({ zone: v })}
          searchable
          allowDeselect={false}
          data-testid="calendar-editor-zone"
        />
      )}
      {scope === 'series' && <RecurrenceFields draft={draft} set={set} error={fieldError(errors, 'rrule')} />}
      <SimpleGrid cols={2}>
        <Select
          label={t('calendar.editor.reminder')}
          data={reminderChoices.map((m) => ({ value: String(m), label: m === null ? t('calendar.editor.noReminder') : m >= 1440 ? t('calendar.editor.reminderDays', { count: m / 1440 }) : t('calendar.editor.reminderMinutes', { count: m }) }))}
          value={String(draft.reminderMinutes)}
          onChange={(v) => set({ reminderMinutes: v === null || v === 'null' ? null : Number(v) })}
          allowDeselect={false}
          error={fieldError(errors, 'reminderMinutes')}
          data-testid="calendar-editor-reminder"
        />
        {draft.kind === 'assignment' && (
          <EmployeeSelect label={t('calendar.editor.assignee')} value={draft.assigneeId} onChange={(id) => set({ assigneeId: id })} error={fieldError(errors, 'assigneeId')} />
        )}
      </SimpleGrid>
      <LinkFields draft={draft} set={set} errors={errors} />
      <TextInput label={t('calendar.editor.location')} value={draft.location} onChange={(e) => set({ location: e.currentTarget.value })} error={fieldError(errors, 'location')} />
      <Textarea label={t('calendar.editor.description')} value={draft.description} onChange={(e) => set({ description: e.currentTarget.value })} autosize minRows={2} maxRows={8} error={fieldError(errors, 'description')} />
      <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void save()} submitting={saving} testId="calendar-editor-save" />
    </Stack>
  );
}

interface FieldsProps {
  draft: ItemDraft;
  set: (patch: Partial<ItemDraft>) => void;
}

function RecurrenceFields({ draft, set, error }: FieldsProps & { error: string | undefined }) {
  const { t } = useTranslation();
  const recurrence = draft.recurrence;
  const change = (patch: Partial<Recurrence>) => set({ recurrence: { ...recurrence, ...patch }, customRule: null });
  if (draft.customRule)
    return (
      <Alert color="gray" title={t('calendar.recurrence.custom')}>
        <Group justify="space-between">
          <Text size="sm" ff="monospace">
            {draft.customRule}
          </Text>
          <Button size="xs" variant="light" onClick={() => set({ customRule: null, recurrence: noRecurrence })}>
            {t('calendar.recurrence.replace')}
          </Button>
        </Group>
      </Alert>
    );
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('calendar.recurrence.label')}
          data={frequencies.map((f) => ({ value: f, label: t(`calendar.recurrence.${f}`) }))}
          value={recurrence.frequency}
          onChange={(v) => v && change({ frequency: v, days: v === 'weekly' && recurrence.days.length === 0 ? [weekdayOf(draft.startDate)] : recurrence.days })}
          allowDeselect={false}
          error={error}
          w={200}
          data-testid="calendar-editor-repeat"
        />
        {recurrence.frequency !== 'none' && (
          <NumberInput label={t('calendar.recurrence.every')} value={recurrence.interval} min={1} max={99} onChange={(v) => change({ interval: Math.max(1, Number(v) || 1) })} w={110} suffix={` ${t(`calendar.recurrence.unit.${recurrence.frequency}`)}`} />
        )}
      </Group>
      {recurrence.frequency === 'weekly' && (
        <Chip.Group multiple value={recurrence.days} onChange={(days) => change({ days: days })}>
          <Group gap={4} data-testid="calendar-editor-weekdays">
            {weekdays.map((d) => (
              <Chip key={d} value={d} size="xs">
                {t(`calendar.weekday.${d}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      {recurrence.frequency !== 'none' && (
        <Group align="flex-end" gap="sm">
          <SegmentedControl
            value={recurrence.ends}
            onChange={(v) => change({ ends: v })}
            data={[
              { value: 'never', label: t('calendar.recurrence.never') },
              { value: 'until', label: t('calendar.recurrence.until') },
              { value: 'count', label: t('calendar.recurrence.count') },
            ]}
          />
          {recurrence.ends === 'until' && <DateField aria-label={t('calendar.recurrence.until')} value={recurrence.until} minDate={draft.startDate} onChange={(v) => change({ until: v })} w={160} />}
          {recurrence.ends === 'count' && (
            <NumberInput aria-label={t('calendar.recurrence.count')} value={recurrence.count} min={1} max={999} onChange={(v) => change({ count: Math.max(1, Number(v) || 1) })} w={110} suffix={` ${t('calendar.recurrence.times')}`} />
          )}
        </Group>
      )}
    </Stack>
  );
}

function LinkFields({ draft, set, errors }: FieldsProps & { errors: FormErrors }) {
  const { t } = useTranslation();
  const owner = draft.contactId ? { contactId: draft.contactId } : draft.companyId ? { companyId: draft.companyId } : null;
  const deals = useQuery('deals.list', { ...owner, limit: 100 }, owner !== null);
  const complaints = useQuery('complaints.list', { ...owner, limit: 100 }, owner !== null);
  return (
    <SimpleGrid cols={2}>
      <RecordPicker kind="contact" label={t('calendar.editor.contact')} value={draft.contactId} valueLabel={draft.contactName} onChange={(id, name) => set({ contactId: id, contactName: name, dealId: null, complaintId: null })} error={fieldError(errors, 'links.contactId')} testId="calendar-editor-contact" />
      <RecordPicker kind="company" label={t('calendar.editor.company')} value={draft.companyId} valueLabel={draft.companyName} onChange={(id, name) => set({ companyId: id, companyName: name })} error={fieldError(errors, 'links.companyId')} />
      <Select
        label={t('calendar.editor.deal')}
        placeholder={owner ? undefined : t('calendar.editor.pickClientFirst')}
        disabled={!owner}
        data={(deals.data?.rows ?? []).map((d) => ({ value: d.id, label: d.title }))}
        value={draft.dealId}
        onChange={(v) => set({ dealId: v })}
        clearable
        error={fieldError(errors, 'links.dealId')}
      />
      <Select
        label={t('calendar.editor.complaint')}
        placeholder={owner ? undefined : t('calendar.editor.pickClientFirst')}
        disabled={!owner}
        data={(complaints.data?.rows ?? []).map((c) => ({ value: c.id, label: `№${c.number} ${c.subject}` }))}
        value={draft.complaintId}
        onChange={(v) => set({ complaintId: v })}
        clearable
        error={fieldError(errors, 'links.complaintId')}
      />
    </SimpleGrid>
  );
}
