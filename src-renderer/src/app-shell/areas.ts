import type { Icon } from '@tabler/icons-react';
import { IconAddressBook, IconCalendar, IconChartBar, IconPhone, IconSettings, IconSpeakerphone } from '@tabler/icons-react';

export const areas = ['contacts', 'calls', 'campaigns', 'calendar', 'reports', 'settings'] as const;
export type Area = (typeof areas)[number];

export const areaIcons: Record<Area, Icon> = {
  contacts: IconAddressBook,
  calls: IconPhone,
  campaigns: IconSpeakerphone,
  calendar: IconCalendar,
  reports: IconChartBar,
  settings: IconSettings,
};
