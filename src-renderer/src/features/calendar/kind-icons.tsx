import type { Icon } from '@tabler/icons-react';
import { IconCalendarEvent, IconChecklist, IconMessages, IconPhoneCall, IconPhoneOutgoing, IconUsers } from '@tabler/icons-react';
import type { CalendarItemKind } from '#contract';

export const kindIcons: Record<CalendarItemKind, Icon> = {
  meeting: IconUsers,
  call: IconPhoneOutgoing,
  callback: IconPhoneCall,
  interaction: IconMessages,
  assignment: IconChecklist,
  event: IconCalendarEvent,
};
