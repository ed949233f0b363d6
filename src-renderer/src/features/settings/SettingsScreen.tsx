import { Box, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#contract';
import { useBridge } from '#renderer/api/client';
import { useWorkplace } from '#renderer/app-shell/WorkplaceContext';
import { languageNames, languages } from '#renderer/i18n';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { ScreenTitle } from '#renderer/ui/ScreenTitle';
import { countryOptions } from './countries';

const systemValue = 'system';

/** Language, theme, phone-number country, who the operator is, demo data, and what is running. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { settings, updateSettings, info, locale } = useWorkplace();
  const [operatorName, setOperatorName] = useState(settings.operatorName);
  const [demoError, setDemoError] = useState<ApiError | undefined>();

  const loadDemo = async () => {
    setDemoError(undefined);
    const result = await bridge.invoke('demo.seed', { contacts: 2_000 });
    if (!result.ok) setDemoError(result.error);
  };

  return (
    <Box maw={720}>
      <ScreenTitle>{t('settings.title')}</ScreenTitle>
      <Stack>
        <Select
          label={t('settings.language')}
          data-testid="settings-language"
          value={settings.language ?? systemValue}
          allowDeselect={false}
          data={[
            { value: systemValue, label: t('settings.systemLanguage') },
            ...languages.map((language) => ({ value: language, label: languageNames[language] })),
          ]}
          onChange={(value) => void updateSettings({ language: value === systemValue || !value ? null : value })}
        />
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
        <Select
          label={t('settings.defaultCountry')}
          searchable
          allowDeselect={false}
          value={settings.defaultCountry}
          data={countryOptions(locale)}
          onChange={(value) => value && void updateSettings({ defaultCountry: value })}
        />
        <Group align="end">
          <TextInput
            label={t('settings.operatorName')}
            value={operatorName}
            onChange={(e) => setOperatorName(e.currentTarget.value)}
            w={360}
            maxLength={120}
          />
          <Button
            variant="light"
            onClick={() =>
              void updateSettings({ operatorName }).then(() => notifications.show({ message: t('settings.saved'), color: 'green' }))
            }
          >
            {t('settings.save')}
          </Button>
        </Group>

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
