import { Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintCard } from '#contract';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { FormFooter } from '#renderer/ui/FormFooter';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';

export interface ComplaintFormProps {
  contactId: string | null;
  contactName: string | null;
  companyId?: string | null;
  onClose: () => void;
  onSaved: (complaint: ComplaintCard) => void;
}

/** Registering a complaint: what, why (cause), who investigates. */
export function ComplaintForm({ contactId, contactName, companyId = null, onClose, onSaved }: ComplaintFormProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const causes = useQuery('complaints.causes', {});
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [causeId, setCauseId] = useState<string | null>(null);
  const [responsibleId, setResponsibleId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });

  const save = async () => {
    const result = await bridge.invoke('complaints.create', {
      contactId,
      companyId,
      causeId,
      subject,
      description,
      ...(responsibleId ? { responsibleId } : {}),
    });
    if (result.ok) onSaved(result.value);
    else setErrors(formErrors(result.error, t, onFields('subject')));
  };

  return (
    <Modal opened onClose={onClose} title={t('complaints.newTitle', { name: contactName ?? '' })} size="lg">
      <Stack gap="sm" data-testid="complaint-form">
        <TextInput label={t('complaints.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} error={errors.fields.subject} data-testid="complaint-subject" data-autofocus />
        <Select label={t('complaints.cause')} data={(causes.data ?? []).map((c) => ({ value: c.id, label: c.name }))} value={causeId} onChange={setCauseId} clearable data-testid="complaint-cause" />
        <Textarea label={t('complaints.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={3} />
        <EmployeeSelect label={t('complaints.responsible')} value={responsibleId} onChange={setResponsibleId} />
        <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void save()} submitLabel={t('complaints.register')} testId="complaint-save" />
      </Stack>
    </Modal>
  );
}
