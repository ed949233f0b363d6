import { Badge, Center, Loader, MantineProvider, Text, createTheme, useMantineColorScheme } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { ApiError, AppInfo, CrmBridge, Settings, SettingsPatch } from '#contract';
import { ApiCallError, BridgeContext, call, useEvent } from '#renderer/api/client';
import { formattingLocale, initI18n, resolveLanguage } from '#renderer/i18n';
import { datesLocale, setUpDates } from '#renderer/i18n/dates';
import { ErrorNotice } from '#renderer/ui/ErrorNotice';
import { Workplace } from './Workplace';
import { WorkplaceContext, type Workplace as WorkplaceValue } from '#renderer/workplace/WorkplaceContext';

const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  respectReducedMotion: true,
  components: {
    // A badge names a state or a count: it takes the width its label needs (a table column, a row of a
    // card make room) rather than shrinking to "Пропу…" or "1…", which Mantine's clipped label would.
    Badge: Badge.extend({ styles: { root: { overflow: 'visible' }, label: { overflow: 'visible' } } }),
  },
});
const i18n = initI18n(resolveLanguage(null, navigator.languages));
setUpDates();

export interface RootProps {
  bridge: CrmBridge;
}

/** Providers, then the workplace once main has told us the settings. */
export function Root({ bridge }: RootProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <I18nextProvider i18n={i18n}>
        <BridgeContext.Provider value={bridge}>
          {/* Under dialogs and drawers (200): a reminder or a finished job never covers the Save of the dialog in front. */}
          <Notifications position="bottom-right" zIndex={190} />
          <WorkplaceLoader bridge={bridge} />
        </BridgeContext.Provider>
      </I18nextProvider>
    </MantineProvider>
  );
}

function WorkplaceLoader({ bridge }: RootProps) {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const { setColorScheme } = useMantineColorScheme();

  const load = useCallback(() => {
    Promise.all([call(bridge, 'settings.get', {}), call(bridge, 'app.info', {})])
      .then(([s, i]) => {
        setSettings(s);
        setInfo(i);
      })
      .catch((e: unknown) => setError(e instanceof ApiCallError ? e.error : { code: 'unavailable', message: String(e) }));
  }, [bridge]);
  useEffect(load, [load]);

  useEvent('settings.changed', setSettings);
  // A finished import or demo load changes what Settings and the empty states say.
  useEvent('job.progress', (job) => {
    if (job.state === 'done') void call(bridge, 'app.info', {}).then(setInfo);
  });

  const language = resolveLanguage(settings?.language ?? null, navigator.languages);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    if (settings) setColorScheme(settings.theme);
  }, [settings, setColorScheme]);

  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      setSettings(await call(bridge, 'settings.update', patch));
    },
    [bridge],
  );

  const workplace: WorkplaceValue | undefined = useMemo(
    () =>
      settings && info
        ? { settings, info, language, locale: formattingLocale(language, navigator.languages), updateSettings }
        : undefined,
    [settings, info, language, updateSettings],
  );

  if (error) return <ErrorNotice error={error} onRetry={load} />;
  if (!workplace) {
    return (
      <Center h="100vh">
        <Loader />
        <Text ml="md">{i18n.t('app.loading')}</Text>
      </Center>
    );
  }
  return (
    <WorkplaceContext.Provider value={workplace}>
      <DatesProvider settings={{ locale: datesLocale(workplace.language, workplace.locale) }}>
        <Workplace />
      </DatesProvider>
    </WorkplaceContext.Provider>
  );
}
