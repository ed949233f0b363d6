import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
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

/** The cause, searchable; a cause typed that is not in the list can be added on the spot. */
function CauseSelect({ causes, value, onChange, onAdded }: CauseSelectProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const known = causes.some((c) => c.name.toLocaleLowerCase() === typed.toLocaleLowerCase());
  const add = async () => {
    const cause = await act(bridge, 'complaints.addCause', { name: typed }, errorText);
    if (!cause) return;
    onAdded();
    onChange(cause.id);
    setSearch(cause.name);
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Select
        label={t('complaints.cause')}
        description={causes.length === 0 ? t('complaints.noCausesYet') : undefined}
        data={causes.map((c) => ({ value: c.id, label: c.name }))}
        value={value}
        onChange={onChange}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        nothingFoundMessage={t('complaints.causeNotFound')}
        clearable
        flex={1}
        data-testid="complaint-cause"
      />
      {typed !== '' && !known && (
        <Button variant="light" leftSection={<IconPlus size={14} />} onClick={() => void add()} data-testid="complaint-cause-add">
          {t('complaints.addCause', { name: typed })}
        </Button>
      )}
    </Group>
  );
}
