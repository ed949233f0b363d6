import { ActionIcon, Box, Button, Card, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldTypes, type ApiError, type DealStageKey } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge, useQuery } from '#renderer/api/client';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { languageNames, languages } from '#renderer/i18n';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { useErrorText } from '#renderer/ui/useErrorText';
import { countryOptions } from '#renderer/i18n/countries';
import { stageName } from '#renderer/i18n/stage-name';
import { ScorecardSettings } from '#renderer/features/quality/ScorecardSettings';
import { PhoneSettings } from './PhoneSettings';
import { TeamsSettings } from './TeamsSettings';

const systemValue = 'system';

/** Who I am, language, theme, the countries phone numbers are read with; the CRM's lists (fields, stages, causes); demo data; about. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { settings, updateSettings, info, locale, language } = useWorkplace();
  const [demoError, setDemoError] = useState<ApiError | undefined>();

  const loadDemo = async () => {
    setDemoError(undefined);
    // The demo speaks the language on screen, which may be the browser's rather than one chosen in Settings.
    const result = await bridge.invoke('demo.seed', { contacts: 2_000, language });
    if (!result.ok) setDemoError(result.error);
  };

  return (
    <Box maw={900}>
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      <Stack>
        <Me />
        <TeamsSettings />
        <Group grow align="flex-start">
          <Select
            label={t('settings.language')}
            data-testid="settings-language"
            value={settings.language ?? systemValue}
            allowDeselect={false}
            data={[{ value: systemValue, label: t('settings.systemLanguage') }, ...languages.map((language) => ({ value: language, label: languageNames[language] }))]}
            onChange={(value) => void updateSettings({ language: value === systemValue || !value ? null : (value) })}
          />
          <MultiSelect
            label={t('settings.workingCountries')}
            description={t('settings.workingCountriesHint')}
            searchable
            value={settings.workingCountries}
            data={countryOptions(locale)}
            onChange={(value) => value.length > 0 && void updateSettings({ workingCountries: value })}
            data-testid="settings-countries"
          />
        </Group>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            value={settings.theme}
            onChange={(value) => void updateSettings({ theme: value })}
            data={[
              { value: 'auto', label: t('settings.themeAuto') },
              { value: 'light', label: t('settings.themeLight') },
              { value: 'dark', label: t('settings.themeDark') },
            ]}
          />
        </div>
        <PhoneSettings />
        <CustomFieldsEditor />
        <StagesEditor />
        <CausesEditor />
        <ScorecardSettings />
        <Card withBorder>
          <Title order={4}>{t('settings.demo')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {info.contactCount > 0 ? t('settings.demoNotEmpty') : t('settings.demoHint')}
          </Text>
          <Button onClick={() => void loadDemo()} disabled={info.contactCount > 0} w="fit-content">
            {t('settings.demoLoad')}
          </Button>
          {demoError && <ErrorNotice error={demoError} />}
        </Card>
        <Card withBorder>
          <Title order={4}>{t('settings.about')}</Title>
          <Text size="sm">{t('settings.version', { version: info.version })}</Text>
          <Text size="sm">
            {t('settings.host')}: {info.host === 'electron' ? t('settings.hostElectron') : t('settings.hostWeb')}
          </Text>
          <Text size="sm">
            {t('settings.dataDir')}: <code>{info.dataDir}</code>
          </Text>
        </Card>
      </Stack>
    </Box>
  );
}

/** The employee at this workstation: the author of what is recorded here and the "me" of the collision guard. */
function Me() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const { settings, updateSettings } = useWorkplace();
  const employees = useQuery('employees.list', {});
  const [name, setName] = useState('');
  const [extension, setExtension] = useState('');
  const add = async () => {
    const saved = await act(bridge, 'employees.save', { name, extension: extension || null }, errorText);
    if (saved) {
      setName('');
      setExtension('');
      employees.reload();
      if (!settings.currentEmployeeId) await updateSettings({ currentEmployeeId: saved.id });
    }
  };
  return (
    <Card withBorder>
      <Title order={4}>{t('settings.me')}</Title>
      <Select
        label={t('settings.iAm')}
        data={(employees.data ?? []).map((e) => ({ value: e.id, label: e.extension ? `${e.name} (${e.extension})` : e.name }))}
        value={settings.currentEmployeeId}
        onChange={(id) => void updateSettings({ currentEmployeeId: id })}
        searchable
        data-testid="settings-me"
      />
      <Group mt="sm" align="flex-end">
        <TextInput label={t('settings.colleagueName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="settings-colleague-name" />
        <TextInput label={t('settings.extension')} value={extension} onChange={(e) => setExtension(e.currentTarget.value)} w={120} />
        <Button variant="light" disabled={!name.trim()} onClick={() => void add()} data-testid="settings-colleague-add">
          {t('settings.addColleague')}
        </Button>
      </Group>
    </Card>
  );
}

function CustomFieldsEditor() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const fields = useQuery('customFields.list', {});
  const [draft, setDraft] = useState({ entity: 'contact' as 'contact' | 'company', name: '', type: 'text' as (typeof customFieldTypes)[number], options: [] as string[] });
  const save = async () => {
    if (await act(bridge, 'customFields.save', draft, errorText)) {
      setDraft({ ...draft, name: '', options: [] });
      fields.reload();
    }
  };
  const remove = async (id: string) => {
    if (await act(bridge, 'customFields.delete', { id }, errorText)) fields.reload();
  };
  return (
    <Card withBorder>
      <Title order={4}>{t('settings.customFields')}</Title>
      <Stack gap={4} my="xs">
        {fields.data?.map((f) => (
          <Group key={f.id} gap="xs">
            <Text size="sm" w={200}>
              {f.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`settings.entity.${f.entity}`)} · {t(`settings.fieldType.${f.type}`)} {f.options.length > 0 ? `· ${f.options.join(', ')}` : ''}
            </Text>
            <ActionIcon size="sm" variant="subtle" color="red" onClick={() => void remove(f.id)} aria-label={t('common.delete')}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group align="flex-end">
        <Select w={130} label={t('settings.fieldFor')} data={(['contact', 'company'] as const).map((e) => ({ value: e, label: t(`settings.entity.${e}`) }))} value={draft.entity} onChange={(v) => v && setDraft({ ...draft, entity: v })} allowDeselect={false} />
        <TextInput label={t('settings.fieldName')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
        <Select w={130} label={t('settings.fieldTypeLabel')} data={customFieldTypes.map((ty) => ({ value: ty, label: t(`settings.fieldType.${ty}`) }))} value={draft.type} onChange={(v) => v && setDraft({ ...draft, type: v })} allowDeselect={false} />
        {draft.type === 'choice' && <TagsInput label={t('settings.options')} value={draft.options} onChange={(options) => setDraft({ ...draft, options })} />}
        <Button variant="light" leftSection={<IconPlus size={14} />} disabled={!draft.name.trim()} onClick={() => void save()}>
          {t('common.add')}
        </Button>
      </Group>
    </Card>
  );
}

function StagesEditor() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const stages = useQuery('deals.stages', {});
  const [draft, setDraft] = useState<{ id?: string; name: string; key: DealStageKey | null; probability: number; outcome: 'open' | 'won' | 'lost' }[] | null>(null);
  const rows = draft ?? stages.data ?? [];
  const save = async () => {
    if (!draft) return;
    if (await act(bridge, 'deals.saveStages', { stages: draft.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, key: s.key, probability: s.probability, outcome: s.outcome })) }, errorText)) {
      setDraft(null);
      stages.reload();
    }
  };
  const edit = (index: number, change: Partial<(typeof rows)[number]>) => setDraft(rows.map((s, i) => (i === index ? { ...s, ...change } : s)));
  return (
    <Card withBorder>
      <Title order={4}>{t('settings.stages')}</Title>
      <Stack gap={4} my="xs">
        {rows.map((stage, index) => (
          <Group key={stage.id ?? `new-${index}`} gap="xs">
            {/* A stage we ship shows in the interface language; typing over it makes the name the operator's own. */}
            <TextInput value={stageName(t, stage)} onChange={(e) => edit(index, { name: e.currentTarget.value, key: null })} aria-label={t('deals.stage')} />
            <NumberInput w={90} value={stage.probability} min={0} max={100} suffix="%" onChange={(v) => edit(index, { probability: Number(v) || 0 })} aria-label={t('deals.probability')} />
            <Select w={130} data={(['open', 'won', 'lost'] as const).map((o) => ({ value: o, label: t(`deals.outcome.${o}`) }))} value={stage.outcome} onChange={(v) => v && edit(index, { outcome: v })} allowDeselect={false} aria-label={t('deals.outcomeLabel')} />
            <ActionIcon size="sm" variant="subtle" color="red" onClick={() => setDraft(rows.filter((_, i) => i !== index))} aria-label={t('common.delete')}>
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
      <Group>
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setDraft([...rows, { name: '', key: null, probability: 50, outcome: 'open' }])}>
          {t('settings.addStage')}
        </Button>
        {draft && (
          <Button size="xs" onClick={() => void save()}>
            {t('common.save')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function CausesEditor() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const causes = useQuery('complaints.causes', {});
  const [name, setName] = useState('');
  const save = async (list: { id?: string; name: string }[]) => {
    if (await act(bridge, 'complaints.saveCauses', { causes: list }, errorText)) causes.reload();
  };
  const current = (causes.data ?? []).map((c) => ({ id: c.id, name: c.name }));
  return (
    <Card withBorder>
      <Title order={4}>{t('settings.causes')}</Title>
      <Group gap="xs" my="xs">
        {current.map((c) => (
          <Group key={c.id} gap={2}>
            <Text size="sm">{c.name}</Text>
            <ActionIcon size="xs" variant="subtle" color="red" onClick={() => void save(current.filter((x) => x.id !== c.id))} aria-label={t('common.delete')}>
              <IconTrash size={12} />
            </ActionIcon>
          </Group>
        ))}
      </Group>
      <Group align="flex-end">
        <TextInput label={t('settings.causeName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="settings-cause-name" />
        <Button
          variant="light"
          disabled={!name.trim()}
          data-testid="settings-cause-add"
          onClick={() => {
            void save([...current, { name }]);
            setName('');
          }}
        >
          {t('common.add')}
        </Button>
      </Group>
    </Card>
  );
}
