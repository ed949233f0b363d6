import { Checkbox, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactCard, ContactInput, CustomField } from '#contract';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { DateField } from '#renderer/ui/DateField';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { FormFooter } from '#renderer/ui/FormFooter';
import { PhoneListInput, type PhoneRowValue } from '#renderer/ui/PhoneListInput';
import { usePhoneReadings } from '#renderer/api/usePhoneReadings';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { RecordPicker } from '#renderer/ui/RecordPicker';

export interface ContactFormProps {
  /** The contact to edit, or null to create one (optionally at a company, with a number from a call). */
  contact: ContactCard | null;
  initial?: { companyId?: string; companyName?: string; phone?: string };
  onClose: () => void;
  onSaved: (card: ContactCard) => void;
}

/** Creating or editing a person: names, company, phones in any format, e-mails, tags, custom fields, consent. */
/** Every IANA zone the window knows, for a person living away from their number's region. */
const timeZones = Intl.supportedValuesOf('timeZone');

export function ContactForm({ contact, initial, onClose, onSaved }: ContactFormProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const fields = useQuery('customFields.list', {});
  const tags = useQuery('tags.list', {});
  const initialCustom: Record<string, string | number | null> = Object.fromEntries((contact?.custom ?? []).map((c) => [c.fieldId, c.value]));
  const [form, setForm] = useState({
    lastName: contact?.lastName ?? '',
    firstName: contact?.firstName ?? '',
    middleName: contact?.middleName ?? '',
    companyId: contact?.company?.id ?? initial?.companyId ?? null,
    companyName: contact?.company?.name ?? initial?.companyName ?? null,
    position: contact?.position ?? '',
    responsibleId: contact?.responsible?.id ?? null,
    phones: contact?.phones.map((p): PhoneRowValue => ({ id: p.id, kind: p.kind, raw: p.raw })) ?? [{ kind: 'mobile', raw: initial?.phone ?? '' }],
    emails: contact?.emails ?? [],
    address: contact?.addresses[0]?.text ?? '',
    city: contact?.city ?? '',
    tags: contact?.tags.map((tag) => tag.name) ?? [],
    custom: initialCustom,
    notes: contact?.notes ?? '',
    source: contact?.source ?? '',
    doNotCall: contact?.doNotCall ?? false,
    noEmail: contact?.noEmail ?? false,
    timeZone: contact?.timeZone ?? null,
  });
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const { locale } = useWorkplace();
  const phoneReadings = usePhoneReadings(form.phones.map((p) => p.raw));
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async () => {
    setSaving(true);
    const input: ContactInput = {
      lastName: form.lastName,
      firstName: form.firstName,
      middleName: form.middleName,
      companyId: form.companyId,
      position: form.position || null,
      responsibleId: form.responsibleId,
      phones: form.phones.filter((p) => p.raw.trim() !== ''),
      emails: form.emails,
      addresses: form.address.trim() ? [{ kind: 'work', text: form.address }] : [],
      city: form.city.trim() || null,
      tags: form.tags,
      custom: form.custom,
      notes: form.notes,
      source: form.source || null,
      doNotCall: form.doNotCall,
      noEmail: form.noEmail,
      timeZone: form.timeZone,
    };
    const result = contact ? await bridge.invoke('contacts.update', { id: contact.id, contact: input }) : await bridge.invoke('contacts.create', input);
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setErrors(formErrors(result.error, t, onFields('lastName', 'firstName', 'middleName', 'companyId', 'responsibleId', 'timeZone', /^phones\.\d+\.(raw|e164)$/, 'emails', 'custom')));
  };
  const fieldError = (path: string) => errors.fields[path];

  return (
    <Modal opened onClose={onClose} title={contact ? t('contactForm.editTitle') : t('contactForm.newTitle')} size="xl">
      <Stack gap="sm" data-testid="contact-form">
        <SimpleGrid cols={3}>
          <TextInput label={t('contactForm.lastName')} value={form.lastName} onChange={(e) => set('lastName', e.currentTarget.value)} error={fieldError('lastName')} data-autofocus data-testid="contact-lastName" />
          <TextInput label={t('contactForm.firstName')} value={form.firstName} onChange={(e) => set('firstName', e.currentTarget.value)} error={fieldError('firstName')} data-testid="contact-firstName" />
          <TextInput label={t('contactForm.middleName')} value={form.middleName} onChange={(e) => set('middleName', e.currentTarget.value)} error={fieldError('middleName')} />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          <RecordPicker kind="company" label={t('contactForm.company')} value={form.companyId} valueLabel={form.companyName} onChange={(id, name) => setForm((f) => ({ ...f, companyId: id, companyName: name }))} error={fieldError('companyId')} testId="contact-company" />
          <TextInput label={t('contactForm.position')} value={form.position} onChange={(e) => set('position', e.currentTarget.value)} />
          <EmployeeSelect label={t('contactForm.responsible')} value={form.responsibleId} onChange={(id) => set('responsibleId', id)} error={fieldError('responsibleId')} />
        </SimpleGrid>
        <PhoneListInput value={form.phones} onChange={(phones) => set('phones', phones)} errors={errors.fields} newKind="work" testIdPrefix="contact" readings={phoneReadings} locale={locale} />
        <TagsInput label={t('contactForm.emails')} value={form.emails} onChange={(v) => set('emails', v)} error={Object.entries(errors.fields).find(([k]) => k.startsWith('emails'))?.[1]} splitChars={[',', ' ', ';']} data-testid="contact-emails" />
        <SimpleGrid cols={3}>
          <TextInput style={{ gridColumn: 'span 2' }} label={t('contactForm.address')} value={form.address} onChange={(e) => set('address', e.currentTarget.value)} />
          <TextInput label={t('contactForm.city')} value={form.city} onChange={(e) => set('city', e.currentTarget.value)} data-testid="contact-city" />
        </SimpleGrid>
        <Select
          label={t('contactForm.timeZone')}
          description={t('contactForm.timeZoneHint')}
          data={timeZones}
          value={form.timeZone}
          onChange={(zone) => set('timeZone', zone)}
          searchable
          clearable
          placeholder={t('contactForm.timeZoneFromNumber')}
          data-testid="contact-timeZone"
        />
        <TagsInput label={t('contactForm.tags')} data={(tags.data ?? []).map((tag) => tag.name)} value={form.tags} onChange={(v) => set('tags', v)} />
        <CustomFieldInputs fields={(fields.data ?? []).filter((f) => f.entity === 'contact')} values={form.custom} onChange={(custom) => set('custom', custom)} errors={errors.fields} />
        <SimpleGrid cols={2}>
          <TextInput label={t('contactForm.source')} value={form.source} onChange={(e) => set('source', e.currentTarget.value)} />
          <Stack gap={4} pt="lg">
            <Checkbox label={t('contactForm.doNotCall')} checked={form.doNotCall} onChange={(e) => set('doNotCall', e.currentTarget.checked)} />
            <Checkbox label={t('contactForm.noEmail')} checked={form.noEmail} onChange={(e) => set('noEmail', e.currentTarget.checked)} />
          </Stack>
        </SimpleGrid>
        <Textarea label={t('contactForm.notes')} value={form.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2} />
        <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void save()} submitting={saving} testId="contact-save" />
      </Stack>
    </Modal>
  );
}

export interface CustomFieldInputsProps {
  fields: CustomField[];
  values: Record<string, string | number | null>;
  onChange: (values: Record<string, string | number | null>) => void;
  errors: Record<string, string>;
}

/** Inputs for the custom fields an administrator defined, each by its type. */
export function CustomFieldInputs({ fields, values, onChange, errors }: CustomFieldInputsProps) {
  if (fields.length === 0) return null;
  const set = (id: string, value: string | number | null) => onChange({ ...values, [id]: value });
  return (
    <SimpleGrid cols={2}>
      {fields.map((field) => {
        const error = errors[`custom.${field.id}`];
        const value = values[field.id] ?? null;
        switch (field.type) {
          case 'number':
            return <NumberInput key={field.id} label={field.name} value={typeof value === 'number' ? value : value === null ? '' : Number(value)} onChange={(v) => set(field.id, v === '' ? null : Number(v))} error={error} decimalSeparator="," allowDecimal />;
          case 'date':
            return <DateField key={field.id} label={field.name} value={value === null ? null : String(value)} onChange={(v) => set(field.id, v)} error={error} />;
          case 'choice':
            return <Select key={field.id} label={field.name} data={field.options} value={value === null ? null : String(value)} onChange={(v) => set(field.id, v)} clearable error={error} />;
          case 'text':
            return <TextInput key={field.id} label={field.name} value={value === null ? '' : String(value)} onChange={(e) => set(field.id, e.currentTarget.value || null)} error={error} />;
        }
      })}
    </SimpleGrid>
  );
}
