import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currencies, type Deal } from '#contract';
import { stageName } from '#renderer/i18n/stage-name';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { DateField } from '#renderer/ui/DateField';
import { FormFooter } from '#renderer/ui/FormFooter';
import { CollisionAlert } from '#renderer/features/contacts/CollisionAlert';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { RecordPicker } from '#renderer/ui/RecordPicker';

export interface DealFormProps {
  deal: Deal | null;
  initial?: { contactId?: string; contactName?: string; companyId?: string; companyName?: string };
  onClose: () => void;
  onSaved: (deal: Deal) => void;
}

function dateInput(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 10);
}

/** A deal: what, with whom, how much, by when, at which stage. Warns when a colleague already has one going. */
export function DealForm({ deal, initial, onClose, onSaved }: DealFormProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const stages = useQuery('deals.stages', {});
  const [form, setForm] = useState({
    title: deal?.title ?? '',
    stageId: deal?.stage.id ?? null,
    amount: deal?.amount ?? 0,
    currency: deal?.currency ?? 'UAH',
    expectedClose: dateInput(deal?.expectedCloseAt ?? null),
    contactId: deal?.contact?.id ?? initial?.contactId ?? null,
    contactName: deal?.contact?.name ?? initial?.contactName ?? null,
    companyId: deal?.company?.id ?? initial?.companyId ?? null,
    companyName: deal?.company?.name ?? initial?.companyName ?? null,
    ownerId: deal?.owner?.id ?? null,
    notes: deal?.notes ?? '',
  });
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const stageId = form.stageId ?? stages.data?.[0]?.id ?? null;

  const save = async () => {
    if (!stageId) return;
    const input = {
      title: form.title,
      stageId,
      amount: form.amount,
      currency: form.currency as (typeof currencies)[number],
      expectedCloseAt: form.expectedClose ? new Date(form.expectedClose).getTime() : null,
      contactId: form.contactId,
      companyId: form.companyId,
      notes: form.notes,
      ...(deal ? { ownerId: form.ownerId } : {}),
    };
    const result = deal ? await bridge.invoke('deals.update', { id: deal.id, deal: input }) : await bridge.invoke('deals.create', input);
    if (result.ok) onSaved(result.value);
    else setErrors(formErrors(result.error, t, onFields('title', 'contactId', 'companyId', 'amount')));
  };

  return (
    <Modal opened onClose={onClose} title={deal ? t('deals.editTitle') : t('deals.newTitle')} size="lg">
      <Stack gap="sm" data-testid="deal-form">
        {!deal && form.contactId && <CollisionAlert request={{ contactId: form.contactId }} />}
        {!deal && !form.contactId && form.companyId && <CollisionAlert request={{ companyId: form.companyId }} />}
        <TextInput label={t('deals.title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors.fields.title} data-testid="deal-title" data-autofocus />
        <SimpleGrid cols={2}>
          <RecordPicker kind="contact" label={t('deals.contact')} value={form.contactId} valueLabel={form.contactName} onChange={(id, name) => setForm({ ...form, contactId: id, contactName: name })} error={errors.fields.contactId} />
          <RecordPicker kind="company" label={t('deals.company')} value={form.companyId} valueLabel={form.companyName} onChange={(id, name) => setForm({ ...form, companyId: id, companyName: name })} error={errors.fields.companyId} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <Select label={t('deals.stage')} data={(stages.data ?? []).map((s) => ({ value: s.id, label: stageName(t, s) }))} value={stageId} onChange={(v) => setForm({ ...form, stageId: v })} allowDeselect={false} />
          <NumberInput label={t('deals.amount')} value={form.amount} onChange={(v) => setForm({ ...form, amount: Number(v) || 0 })} min={0} thousandSeparator=" " error={errors.fields.amount} />
          <Select label={t('deals.currency')} data={[...currencies]} value={form.currency} onChange={(v) => v && setForm({ ...form, currency: v })} allowDeselect={false} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <DateField label={t('deals.expectedClose')} value={form.expectedClose || null} onChange={(value) => setForm({ ...form, expectedClose: value ?? '' })} />
          {deal && <EmployeeSelect label={t('deals.owner')} value={form.ownerId} onChange={(id) => setForm({ ...form, ownerId: id })} />}
        </SimpleGrid>
        <Textarea label={t('deals.notes')} value={form.notes} onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })} autosize minRows={2} />
        <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void save()} testId="deal-save" />
      </Stack>
    </Modal>
  );
}
