import { ActionIcon, Alert, AppShell, Badge, Group, Kbd, NavLink, Text, Tooltip, UnstyledButton, useComputedColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { IconMoonStars, IconSearch, IconSun } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '#contract';
import { CalendarScreen } from '#renderer/features/calendar/CalendarScreen';
import { CallsScreen } from '#renderer/features/calls/CallsScreen';
import { CampaignsScreen } from '#renderer/features/campaigns/CampaignsScreen';
import { CallDock } from '#renderer/features/phone/CallDock';
import { PhoneBar } from '#renderer/features/phone/PhoneBar';
import { PhoneProvider, usePhone } from '#renderer/features/phone/PhoneProvider';
import { CompaniesScreen } from '#renderer/features/companies/CompaniesScreen';
import { ComplaintsScreen } from '#renderer/features/complaints/ComplaintsScreen';
import { ContactsScreen } from '#renderer/features/contacts/ContactsScreen';
import { InterruptedWork } from '#renderer/features/jobs/InterruptedWork';
import { WhoWorksHere } from '#renderer/features/workstation/WhoWorksHere';
import { DealsScreen } from '#renderer/features/deals/DealsScreen';
import { ReportsScreen } from '#renderer/features/reports/ReportsScreen';
import { ScriptsScreen } from '#renderer/features/scripts/ScriptsScreen';
import { SettingsScreen } from '#renderer/features/settings/SettingsScreen';
import { ScreenErrorBoundary } from '#renderer/ui/ScreenErrorBoundary';
import { areaIcons, areas, type Area } from '#renderer/routing/areas';
import { BackgroundNotices } from './BackgroundNotices';
import { CommandPalette } from './CommandPalette';
import { useHashRoute, type Route } from '#renderer/routing/useHashRoute';
import { useWorkplace } from '#renderer/workplace/WorkplaceContext';
import { useQuery } from '#renderer/api/client';

/** The key Mantine's "mod" means: Command on a Mac, Ctrl elsewhere. */
const modifierKey = navigator.userAgent.includes('Mac') ? '⌘' : 'Ctrl';

/** The workplace: navigation on the left, the phone bar on top, the chosen area in the middle, calls docked over it. */
export function Workplace() {
  return (
    <PhoneProvider>
      <WorkplaceShell />
    </PhoneProvider>
  );
}

function WorkplaceShell() {
  const { t } = useTranslation();
  const { missedCount } = usePhone();
  const { settings, updateSettings } = useWorkplace();
  // Reviews of the operator's calls they have not read yet: the supervisor's comments are seen from any screen.
  const myReviews = useQuery('quality.myReviews', { limit: 1 }, settings.currentEmployeeId !== null);
  const unseenReviews = myReviews.data?.unseen ?? 0;
  const [route, navigate] = useHashRoute();
  const scheme = useComputedColorScheme('light');
  const toggleTheme = useCallback(() => void updateSettings({ theme: scheme === 'dark' ? 'light' : 'dark' }), [scheme, updateSettings]);

  // Alt+1…9 switch to the first nine areas: the operator's hands stay on the keyboard during a call.
  useHotkeys(areas.slice(0, 9).map((area, i) => [`alt+${i + 1}`, () => navigate({ area, id: null })]));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg" data-testid="app-title">
            {t('app.name')}
          </Text>
          <Group gap="sm" wrap="nowrap">
            <PhoneBar onOpenSettings={() => navigate({ area: 'settings', id: null })} />
            <UnstyledButton onClick={() => spotlight.open()} aria-label={t('palette.placeholder')} data-testid="open-palette">
              <Group gap={6} wrap="nowrap">
                <IconSearch size={16} />
                <Kbd size="xs">{modifierKey}</Kbd>
                <Kbd size="xs">K</Kbd>
              </Group>
            </UnstyledButton>
            <Tooltip label={t('palette.switchTheme')}>
              <ActionIcon variant="default" onClick={toggleTheme} aria-label={t('palette.switchTheme')}>
                {scheme === 'dark' ? <IconSun size={16} /> : <IconMoonStars size={16} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.name')}>
        {areas.map((area, i) => {
          const Icon = areaIcons[area];
          return (
            <NavLink
              key={area}
              href={`#/${area}`}
              label={t(`nav.${area}`)}
              leftSection={<Icon size={18} />}
              rightSection={
                area === 'calls' && (missedCount > 0 || unseenReviews > 0) ? (
                  <Group gap={4} wrap="nowrap">
                    {missedCount > 0 && (
                      <Badge size="sm" color="red" data-testid="missed-badge" aria-label={t('calls.missedBadge', { count: missedCount })}>
                        {missedCount}
                      </Badge>
                    )}
                    {unseenReviews > 0 && (
                      <Badge size="sm" color="blue" data-testid="reviews-badge" aria-label={t('quality.mine.unseen', { count: unseenReviews })}>
                        {unseenReviews}
                      </Badge>
                    )}
                  </Group>
                ) : (
                  i < 9 && <Kbd size="xs">Alt+{i + 1}</Kbd>
                )
              }
              active={route.area === area}
              data-testid={`nav-${area}`}
            />
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <WhoWorksHere />
        <InterruptedWork />
        {route.unreadableId !== undefined && (
          <Alert color="orange" mb="md" role="alert" data-testid="unreadable-link">
            {t('errors.unreadableLink', { link: route.unreadableId })}
          </Alert>
        )}
        <ScreenErrorBoundary key={route.area}>
          <AreaScreen route={route} navigate={navigate} />
        </ScreenErrorBoundary>
      </AppShell.Main>
      <CallDock onOpenContact={(id) => navigate({ area: 'contacts', id })} />
      <CommandPalette navigate={navigate} toggleTheme={toggleTheme} />
      <BackgroundNotices />
    </AppShell>
  );
}

interface AreaScreenProps {
  route: Route;
  navigate: (route: Route) => void;
}

function AreaScreen({ route, navigate }: AreaScreenProps) {
  const area: Area = route.area;
  switch (area) {
    case 'contacts':
      return <ContactsScreen openId={route.id} onOpen={(id) => navigate({ area: 'contacts', id })} />;
    case 'companies':
      return <CompaniesScreen openId={route.id} onOpen={(id) => navigate({ area: 'companies', id })} />;
    case 'deals':
      return <DealsScreen openId={route.id} onOpen={(id) => navigate({ area: 'deals', id })} />;
    case 'complaints':
      return <ComplaintsScreen openId={route.id} onOpen={(id) => navigate({ area: 'complaints', id })} />;
    case 'calls':
      return <CallsScreen openId={route.id} onOpen={(id) => navigate({ area: 'calls', id })} onOpenContact={(id) => navigate({ area: 'contacts', id })} />;
    case 'campaigns':
      return <CampaignsScreen openId={route.id} onOpen={(id) => navigate({ area: 'campaigns', id })} />;
    case 'calendar':
      return <CalendarScreen onOpenContact={(id) => navigate({ area: 'contacts', id })} />;
    case 'reports':
      return <ReportsScreen navigate={navigate} />;
    case 'settings':
      return <SettingsScreen />;
    case 'scripts':
      return <ScriptsScreen openId={route.id} onOpen={(id) => navigate({ area: 'scripts', id })} />;
    default:
      return assertNever(area);
  }
}
