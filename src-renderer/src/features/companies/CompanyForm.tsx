import { Checkbox, Modal, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompanyCard } from '#contract';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { CustomFieldInputs } from '#renderer/features/contacts/ContactForm';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { FormFooter } from '#renderer/ui/FormFooter';
import { PhoneListInput, type PhoneRowValue } from '#renderer/ui/PhoneListInput';
import { usePhoneReadings } from '#renderer/api/usePhoneReadings';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

export interface CompanyFormProps {
  company: CompanyCard | null;
  onClose: () => void;
  onSaved: (card: CompanyCard) => void;
}

/** Creating or editing a counterparty. */
export function CompanyForm({ company, onClose, onSaved }: CompanyFormProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const fields = useQuery('customFields.list', {});
  const tags = useQuery('tags.list', {});
  const initialCustom: Record<string, string | number | null> = Object.fromEntries((company?.custom ?? []).map((c) => [c.fieldId, c.value]));
  const [form, setForm] = useState({
    name: company?.name ?? '',
    taxId: company?.taxId ?? '',
    city: company?.city ?? '',
    website: company?.website ?? '',
    email: company?.email ?? '',
    address: company?.address ?? '',
    responsibleId: company?.responsible?.id ?? null,
    phones: (company?.phones.map((p): PhoneRowValue => ({ id: p.id, kind: p.kind, raw: p.raw })) ?? [{ kind: 'work', raw: '' }]),
    tags: company?.tags.map((tag) => tag.name) ?? [],
    custom: initialCustom,
    notes: company?.notes ?? '',
    doNotCall: company?.doNotCall ?? false,
  });
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const { locale } = useWorkplace();
  const phoneReadings = usePhoneReadings(form.phones.map((p) => p.raw));
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const save = async () => {
    const input = {
      name: form.name,
      taxId: form.taxId || null,
      city: form.city || null,
      website: form.website || null,
      email: form.email || null,
      address: form.address || null,
      responsibleId: form.responsibleId,
      phones: form.phones.filter((p) => p.raw.trim() !== ''),
      tags: form.tags,
      custom: form.custom,
      notes: form.notes,
      doNotCall: form.doNotCall,
    };
    const result = company ? await bridge.invoke('companies.update', { id: company.id, company: input }) : await bridge.invoke('companies.create', input);
    if (result.ok) onSaved(result.value);
    else setErrors(formErrors(result.error, t, onFields('name', /^phones\.\d+\.(raw|e164)$/, 'email', 'custom')));
  };
  return (
    <Modal opened onClose={onClose} title={company ? t('companies.editTitle') : t('companies.newTitle')} size="xl">
      <Stack gap="sm" data-testid="company-form">
        <TextInput label={t('companies.name')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.fields.name} data-testid="company-name" data-autofocus />
        <SimpleGrid cols={3}>
          <TextInput label={t('companies.taxId')} value={form.taxId} onChange={(e) => set('taxId', e.currentTarget.value)} />
          <TextInput label={t('companies.city')} value={form.city} onChange={(e) => set('city', e.currentTarget.value)} data-testid="company-city" />
          <EmployeeSelect label={t('contacts.responsible')} value={form.responsibleId} onChange={(id) => set('responsibleId', id)} />
        </SimpleGrid>
        <PhoneListInput value={form.phones} onChange={(phones) => set('phones', phones)} errors={errors.fields} newKind="work" testIdPrefix="company" readings={phoneReadings} locale={locale} />
        <SimpleGrid cols={2}>
          <TextInput label={t('companies.website')} value={form.website} onChange={(e) => set('website', e.currentTarget.value)} />
          <TextInput label={t('contactForm.emails')} value={form.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.fields.email} />
        </SimpleGrid>
        <TextInput label={t('contactForm.address')} value={form.address} onChange={(e) => set('address', e.currentTarget.value)} />
        <TagsInput label={t('contactForm.tags')} data={(tags.data ?? []).map((tag) => tag.name)} value={form.tags} onChange={(v) => set('tags', v)} />
        <CustomFieldInputs fields={(fields.data ?? []).filter((f) => f.entity === 'company')} values={form.custom} onChange={(custom) => set('custom', custom)} errors={errors.fields} />
        <Checkbox label={t('contactForm.doNotCall')} checked={form.doNotCall} onChange={(e) => set('doNotCall', e.currentTarget.checked)} />
        <Textarea label={t('contactForm.notes')} value={form.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2} />
        <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void save()} testId="company-save" />
      </Stack>
    </Modal>
  );
}
