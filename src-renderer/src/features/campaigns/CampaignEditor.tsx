import { Alert, Button, Divider, Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign } from '#contract';
import { formErrors, onFields, type FormErrors } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { draftOf, inputOf, type CampaignDraft } from './campaign-draft';
import { DialingFields } from './DialingFields';
import { DispositionsEditor } from './DispositionsEditor';
import { GeneralFields } from './GeneralFields';
import { MessagesFields } from './MessagesFields';
import { RulesFields } from './RulesFields';
import { useRuleLimits } from './useRuleLimits';

export interface CampaignEditorProps {
  /** null: a new campaign. */
  campaign: Campaign | null;
  onSaved: (campaign: Campaign) => void;
}

/** The fields the form shows refusals under; a refusal on any other path is said above the Save button. */
const shownFields = onFields(
  'name',
  'goal',
  'purpose',
  'startsAt',
  'endsAt',
  'callerNumber',
  'accountId',
  'scriptId',
  'questionnaireId',
  'operatorIds',
  'mode',
  'powerRatio',
  'previewCountdownSeconds',
  'ringTimeoutSeconds',
  'wrapUpSeconds',
  'amdAction',
  'profile',
  'rules.window',
  'rules.attemptCaps',
  'rules.contactCaps',
  'rules.retryDelayMinutes',
  'rules.abandonRate',
  'rules.abandonRedialHours',
  'rules.requireConsent',
  'dispositions',
);

/** Everything a supervisor sets on a campaign; Save checks it in main (the rules against the law) and shows each refusal on its field. */
export function CampaignEditor({ campaign, onSaved }: CampaignEditorProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [draft, setDraft] = useState<CampaignDraft>(() => draftOf(campaign, Date.now()));
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, form: null });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const limitOf = useRuleLimits(draft.purpose, draft.profile);
  const change = (patch: Partial<CampaignDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };

  const save = async () => {
    setSaving(true);
    const result = await bridge.invoke('campaigns.save', inputOf(draft, campaign?.id));
    setSaving(false);
    if (!result.ok) return setErrors(formErrors(result.error, t, shownFields));
    setErrors({ fields: {}, form: null });
    setSaved(true);
    onSaved(result.value);
  };

  return (
    <Stack gap="lg" maw={1100} data-testid="campaign-editor">
      <GeneralFields draft={draft} onChange={change} errors={errors.fields} />
      <Divider />
      <Title order={4}>{t('campaigns.section.dialing')}</Title>
      <DialingFields draft={draft} onChange={change} errors={errors.fields} limitOf={limitOf} />
      <Divider />
      <Title order={4}>{t('campaigns.section.rules')}</Title>
      <RulesFields draft={draft} onChange={change} errors={errors.fields} limitOf={limitOf} />
      <Divider />
      <Title order={4}>{t('campaigns.section.messages')}</Title>
      <MessagesFields campaign={campaign} onChanged={onSaved} limitOf={limitOf} />
      <Divider />
      <Title order={4}>{t('campaigns.section.dispositions')}</Title>
      <DispositionsEditor dispositions={draft.dispositions} onChange={(dispositions) => change({ dispositions })} errors={errors.fields} />
      {errors.form && (
        <Alert color="red" role="alert" data-testid="campaign-save-refused">
          {errors.form}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={saving} data-testid="campaign-save">
          {t('common.save')}
        </Button>
        {saved && <Alert color="teal" p={6} data-testid="campaign-saved">{t('campaigns.saved')}</Alert>}
      </Group>
    </Stack>
  );
}
