import { Spotlight, isActionsGroup, type SpotlightActionData, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconBellOff, IconBuilding, IconLanguage, IconMoonStars, IconPhone, IconPhoneCall, IconSearch, IconUser, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuickSearchHit } from '#contract';
import { useBridge } from '#renderer/api/client';
import { ContactForm } from '#renderer/features/contacts/ContactForm';
import { usePhone } from '#renderer/features/phone/PhoneProvider';
import { shortcutOrder } from '#renderer/features/phone/shortcuts';
import { languageNames, languages } from '#renderer/i18n';
import { areaIcons, areas } from '#renderer/routing/areas';
import type { Route } from '#renderer/routing/useHashRoute';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';

export interface CommandPaletteProps {
  navigate: (route: Route) => void;
  toggleTheme: () => void;
}

type SpotlightEntry = SpotlightActionData | SpotlightActionGroupData;

const resultGroupId = 'results';

/** Ctrl+K: find any contact or company as you type, or run a command, without leaving the keyboard. */
export function CommandPalette({ navigate, toggleTheme }: CommandPaletteProps) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const { updateSettings } = useWorkplace();
  const phone = usePhone();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ text: string; hits: QuickSearchHit[] }>({ text: '', hits: [] });
  /** The number a new contact is being created with, from the palette. */
  const [creatingWith, setCreatingWith] = useState<string | null>(null);
  const text = query.trim();
  // Hits for an older query stay on screen until the new ones arrive; none for an empty query.
  const hits = text === '' ? [] : found.hits;

  useEffect(() => {
    if (text === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void bridge.invoke('search.quick', { text, limit: 8 }).then((result) => {
        if (current && result.ok) setFound({ text, hits: result.value });
      });
    }, 80);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [bridge, text]);

  const commands: SpotlightActionData[] = useMemo(
    () => [
      ...areas.map((area) => {
        const Icon = areaIcons[area];
        return {
          id: `go-${area}`,
          label: t('palette.goTo', { area: t(`nav.${area}`) }),
          leftSection: <Icon size={18} />,
          onClick: () => navigate({ area, id: null }),
        };
      }),
      { id: 'theme', label: t('palette.switchTheme'), leftSection: <IconMoonStars size={18} />, onClick: toggleTheme },
      ...languages.map((language) => ({
        id: `lang-${language}`,
        label: t('palette.language', { language: languageNames[language] }),
        leftSection: <IconLanguage size={18} />,
        onClick: () => void updateSettings({ language }),
      })),
    ],
    [t, navigate, toggleTheme, updateSettings],
  );

  // What the phone can do right now: answer only while something rings, the rest during a call.
  const phoneCommands: SpotlightActionData[] = [
    ...shortcutOrder
      .filter((action) => (action === 'answer' ? phone.ringing.length > 0 : phone.current !== undefined || (action === 'hangup' && phone.ringing.length > 0)))
      .map((action) => ({ id: `phone-${action}`, label: t(`shortcuts.${action}`), leftSection: <IconPhone size={18} />, onClick: () => phone.shortcut(action) })),
    {
      id: 'phone-dnd',
      label: phone.status.doNotDisturb ? t('phone.dndOff') : t('phone.dndOn'),
      leftSection: <IconBellOff size={18} />,
      onClick: () => void phone.run('phone.setDoNotDisturb', { on: !phone.status.doNotDisturb }),
    },
  ];
  // A number typed or pasted into the palette can be called or given to a new contact at once, whatever
  // it matched (the phone says why when no account can call); a SIP address can be called.
  const typedNumber = /^\+?[\d\s().-]+$/.test(text) && text.replace(/\D/g, '').length >= 3;
  const dialable = typedNumber || /^sip:\S+$/.test(text);

  const actions: SpotlightEntry[] = [
    {
      group: t('palette.results'),
      actions: [
        ...(dialable ? [{ id: `${resultGroupId}-dial`, label: t('palette.dial', { number: text }), leftSection: <IconPhoneCall size={18} />, onClick: () => void phone.dial(text) }] : []),
        ...(typedNumber ? [{ id: `${resultGroupId}-create-contact`, label: t('palette.createContactWithNumber'), leftSection: <IconUserPlus size={18} />, onClick: () => setCreatingWith(text) }] : []),
        ...hits.map((hit) => ({
        id: `${resultGroupId}-${hit.kind}-${hit.id}`,
        label: hit.title,
        description: [hit.kind === 'contact' ? t('palette.contact') : t('palette.company'), hit.subtitle].filter(Boolean).join(' · '),
        leftSection: hit.kind === 'contact' ? <IconUser size={18} /> : <IconBuilding size={18} />,
        onClick: () => navigate({ area: hit.kind === 'contact' ? 'contacts' : 'companies', id: hit.id }),
        })),
      ],
    },
    { group: t('palette.phone'), actions: phoneCommands },
    { group: t('palette.actions'), actions: commands },
  ];

  return (
    <>
      <Spotlight
        actions={actions}
        query={query}
        onQueryChange={setQuery}
        filter={(text, all) => filterCommandsOnly(text, all)}
        nothingFound={t('palette.nothingFound')}
        shortcut={['mod + K']}
        tagsToIgnore={[]}
        highlightQuery
        scrollable
        maxHeight={480}
        searchProps={{ leftSection: <IconSearch size={18} />, placeholder: t('palette.placeholder'), 'aria-label': t('palette.placeholder') }}
      />
      {creatingWith !== null && (
        <ContactForm
          contact={null}
          initial={{ phone: creatingWith }}
          onClose={() => setCreatingWith(null)}
          onSaved={(card) => {
            setCreatingWith(null);
            navigate({ area: 'contacts', id: card.id });
          }}
        />
      )}
    </>
  );
}

/** Search hits were found by main already; only the commands are filtered by the typed text. */
function filterCommandsOnly(text: string, all: SpotlightEntry[]): SpotlightEntry[] {
  const needle = text.trim().toLowerCase();
  return all
    .map((entry) => {
      if (!isActionsGroup(entry)) return entry;
      const isResults = entry.actions.some((a) => a.id.startsWith(resultGroupId));
      return isResults || needle === '' ? entry : { ...entry, actions: entry.actions.filter((a) => a.label?.toLowerCase().includes(needle)) };
    })
    .filter((entry) => !isActionsGroup(entry) || entry.actions.length > 0);
}
