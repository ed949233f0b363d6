import dayjs from 'dayjs';
import { Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interactionKinds, type InteractionKind, type TimelineItem } from '#contract';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { DateTimeField } from '#renderer/ui/DateField';
import { FormFooter } from '#renderer/ui/FormFooter';
import { CollisionAlert } from '#renderer/features/contacts/CollisionAlert';

export interface InteractionFormProps {
  contactId: string | null;
  companyId: string | null;
  /** Colleagues of the contact at the same company, offered as participants. */
  participants: { id: string; name: string }[];
  defaultKind?: InteractionKind;
  onClose: () => void;
  onSaved: (item: TimelineItem) => void;
}

/** The picker's values are local wall-clock time without a zone ("2026-12-02 09:30:00"). */
function toLocalInput(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** Logging a call, meeting, e-mail or note, or planning a contact. */
export function InteractionForm({ contactId, companyId, participants, defaultKind = 'call', onClose, onSaved }: InteractionFormProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const deals = useQuery('deals.list', contactId ? { contactId, openOnly: true, limit: 50 } : { companyId: companyId ?? '', openOnly: true, limit: 50 });
  const [kind, setKind] = useState<InteractionKind>(defaultKind);
  const [direction, setDirection] = useState<'in' | 'out'>('out');
  const [when, setWhen] = useState(() => toLocalInput(Date.now()));
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState('');
  const [minutes, setMinutes] = useState<number | ''>('');
  const [dealId, setDealId] = useState<string | null>(null);
  const [who, setWho] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });

  const save = async () => {
    const result = await bridge.invoke('interactions.create', {
      kind,
      direction: kind === 'call' || kind === 'email' ? direction : null,
      occurredAt: dayjs(when).valueOf(),
      contactId,
      companyId,
      participantIds: who,
      subject,
      outcome: outcome || null,
      dealId,
      durationSeconds: kind === 'call' && minutes !== '' ? Math.round(Number(minutes) * 60) : null,
    });
    if (result.ok) onSaved(result.value);
    else setErrors(formErrors(result.error, t, onFields('occurredAt', 'subject')));
  };

  return (
    <Modal opened onClose={onClose} title={kind === 'planned' ? t('interactionForm.planTitle') : t('interactionForm.title')} size="lg">
      <Stack gap="sm" data-testid="interaction-form">
        {kind === 'planned' && <CollisionAlert request={contactId ? { contactId } : { companyId: companyId ?? '' }} />}
        <SegmentedControl value={kind} onChange={(v) => setKind(v)} data={interactionKinds.map((k) => ({ value: k, label: t(`interaction.${k}`) }))} data-testid="interaction-kind" />
        <SimpleGrid cols={2}>
          <DateTimeField label={kind === 'planned' ? t('interactionForm.plannedFor') : t('interactionForm.when')} value={when} onChange={(value) => value && setWhen(value)} error={errors.fields.occurredAt} />
          {(kind === 'call' || kind === 'email') && (
            <Select label={t('interactionForm.direction')} data={[{ value: 'in', label: t('interaction.in') }, { value: 'out', label: t('interaction.out') }]} value={direction} onChange={(v) => setDirection(v === 'in' ? 'in' : 'out')} allowDeselect={false} />
          )}
        </SimpleGrid>
        <TextInput label={t('interactionForm.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.fields.subject} data-testid="interaction-subject" data-autofocus />
        {kind !== 'planned' && (
          // A note's text lives where other kinds keep their outcome: one field, one place on the timeline.
          <Textarea
            label={kind === 'note' ? t('interactionForm.noteText') : t('interactionForm.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            autosize
            minRows={kind === 'note' ? 4 : 2}
            data-testid="interaction-outcome"
          />
        )}
        {kind === 'call' && <NumberInput label={t('interactionForm.minutes')} value={minutes} onChange={(v) => setMinutes(v === '' ? '' : Number(v))} min={0} max={1440} />}
        {participants.length > 0 && (kind === 'meeting' || kind === 'call') && (
          <MultiSelect label={t('interactionForm.participants')} data={participants.map((p) => ({ value: p.id, label: p.name }))} value={who} onChange={setWho} />
        )}
        {(deals.data?.rows.length ?? 0) > 0 && (
          <Select label={t('interactionForm.deal')} data={(deals.data?.rows ?? []).map((d) => ({ value: d.id, label: d.title }))} value={dealId} onChange={setDealId} clearable />
        )}
        <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void save()} testId="interaction-save" />
      </Stack>
    </Modal>
  );
}
