import { Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintCard, ComplaintCause } from '#contract';
import { act } from '#renderer/api/actions';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { FormFooter } from '#renderer/ui/FormFooter';
import { EmployeeSelect } from '#renderer/ui/EmployeeSelect';
import { useErrorText } from '#renderer/ui/useErrorText';

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
        <CauseSelect causes={causes.data ?? []} value={causeId} onChange={setCauseId} onAdded={causes.reload} />
        <Textarea label={t('complaints.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} autosize minRows={3} />
        <EmployeeSelect label={t('complaints.responsible')} value={responsibleId} onChange={setResponsibleId} />
        <FormFooter error={errors.form} onCancel={onClose} onSubmit={() => void save()} submitLabel={t('complaints.register')} testId="complaint-save" />
      </Stack>
    </Modal>
  );
}

interface CauseSelectProps {
  causes: ComplaintCause[];
  value: string | null;
  onChange: (id: string | null) => void;
  onAdded: () => void;
}

/** The option that adds what was typed as a new cause; never a cause id. */
const addTyped = '+add';

/** The cause, searchable; a cause typed that is not in the list is offered as a new one, added on the spot. */
function CauseSelect({ causes, value, onChange, onAdded }: CauseSelectProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  // The cause just added is an option at once, before the list comes back from main with it.
  const [added, setAdded] = useState<ComplaintCause | null>(null);
  const options = added && !causes.some((c) => c.id === added.id) ? [...causes, added] : causes;
  const typed = search.trim();
  const known = options.some((c) => c.name.toLocaleLowerCase() === typed.toLocaleLowerCase());
  const add = async (name: string) => {
    const cause = await act(bridge, 'complaints.addCause', { name }, errorText);
    if (!cause) return;
    setAdded(cause);
    onChange(cause.id);
    onAdded();
  };
  const data = [...options.map((c) => ({ value: c.id, label: c.name })), ...(typed !== '' && !known ? [{ value: addTyped, label: t('complaints.addCause', { name: typed }) }] : [])];
  return (
    <Select
      label={t('complaints.cause')}
      description={options.length === 0 ? t('complaints.noCausesYet') : undefined}
      data={data}
      value={value}
      onChange={(id) => (id === addTyped ? void add(typed) : onChange(id))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The "add" option carries the typed words, so it always passes the search filter.
      filter={({ options: all, search: words }) => all.filter((o) => 'value' in o && (o.value === addTyped || o.label.toLocaleLowerCase().includes(words.trim().toLocaleLowerCase())))}
      nothingFoundMessage={t('complaints.causeNotFound')}
      clearable
      data-testid="complaint-cause"
    />
  );
}
