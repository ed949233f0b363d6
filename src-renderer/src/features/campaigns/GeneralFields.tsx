import { MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { campaignPurposes } from '#contract';
import { useQuery } from '#renderer/api/client';
import { DateTimeField } from '#renderer/ui/DateField';
import { errorOn, type CampaignFieldsProps } from './campaign-draft';

/** What the campaign is, when it runs, the line it calls from, its script and questionnaire, and who works it. */
export function GeneralFields({ draft, onChange, errors }: CampaignFieldsProps) {
  const { t } = useTranslation();
  const accounts = useQuery('phone.accounts', {});
  const scripts = useQuery('scripts.list', {});
  const employees = useQuery('employees.list', {});
  const documents = (kind: 'script' | 'questionnaire') => (scripts.data ?? []).filter((s) => s.kind === kind).map((s) => ({ value: s.id, label: s.name }));

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label={t('campaigns.name')} value={draft.name} onChange={(e) => onChange({ name: e.currentTarget.value })} error={errorOn(errors, 'name')} required data-testid="campaign-name" />
        <Select
          label={t('campaigns.purposeLabel')}
          data={campaignPurposes.map((p) => ({ value: p, label: t(`campaigns.purpose.${p}`) }))}
          value={draft.purpose}
          onChange={(purpose) => purpose && onChange({ purpose })}
          allowDeselect={false}
          error={errorOn(errors, 'purpose')}
          data-testid="campaign-purpose"
        />
      </SimpleGrid>
      <Textarea label={t('campaigns.goal')} value={draft.goal} onChange={(e) => onChange({ goal: e.currentTarget.value })} autosize minRows={2} error={errorOn(errors, 'goal')} data-testid="campaign-goal" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DateTimeField label={t('campaigns.startsAt')} value={draft.startsAt} onChange={(value) => value && onChange({ startsAt: value })} error={errorOn(errors, 'startsAt')} />
        <DateTimeField label={t('campaigns.endsAt')} placeholder={t('campaigns.noEnd')} value={draft.endsAt} onChange={(value) => onChange({ endsAt: value })} clearable error={errorOn(errors, 'endsAt')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput label={t('campaigns.callerNumber')} description={t('campaigns.callerNumberHint')} value={draft.callerNumber} onChange={(e) => onChange({ callerNumber: e.currentTarget.value })} error={errorOn(errors, 'callerNumber')} />
        <Select
          label={t('campaigns.account')}
          placeholder={t('campaigns.anyAccount')}
          data={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.label }))}
          value={draft.accountId}
          onChange={(accountId) => onChange({ accountId })}
          clearable
          error={errorOn(errors, 'accountId')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Select label={t('campaigns.script')} placeholder={t('campaigns.none')} data={documents('script')} value={draft.scriptId} onChange={(scriptId) => onChange({ scriptId })} clearable searchable error={errorOn(errors, 'scriptId')} />
        <Select
          label={t('campaigns.questionnaire')}
          placeholder={t('campaigns.none')}
          data={documents('questionnaire')}
          value={draft.questionnaireId}
          onChange={(questionnaireId) => onChange({ questionnaireId })}
          clearable
          searchable
          error={errorOn(errors, 'questionnaireId')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('campaigns.operators')}
        data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.extension ? `${e.name} (${e.extension})` : e.name }))}
        value={draft.operatorIds}
        onChange={(operatorIds) => onChange({ operatorIds })}
        searchable
        error={errorOn(errors, 'operatorIds')}
        data-testid="campaign-operators"
      />
    </Stack>
  );
}
