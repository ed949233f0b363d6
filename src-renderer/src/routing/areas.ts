import type { Icon } from '@tabler/icons-react';
import {
  IconAddressBook,
  IconAlertTriangle,
  IconBuilding,
  IconCalendar,
  IconChartBar,
  IconPhone,
  IconScript,
  IconSettings,
  IconSpeakerphone,
  IconTargetArrow,
} from '@tabler/icons-react';

export const areas = ['contacts', 'companies', 'deals', 'complaints', 'calls', 'campaigns', 'calendar', 'reports', 'settings', 'scripts'] as const;
export type Area = (typeof areas)[number];

export const areaIcons: Record<Area, Icon> = {
  contacts: IconAddressBook,
  companies: IconBuilding,
  deals: IconTargetArrow,
  complaints: IconAlertTriangle,
  calls: IconPhone,
  campaigns: IconSpeakerphone,
  calendar: IconCalendar,
  reports: IconChartBar,
  settings: IconSettings,
  scripts: IconScript,
};
