import type { CrmContext } from '#core/crm/crm-context';

/** What the calendar's services need: the CRM's context, and the zone floating times and all-day dates are read in. */
export interface CalendarContext extends CrmContext {
  /** The workstation's IANA zone (floating times and all-day dates mean this zone's clock). */
  workstationZone: () => string;
  /** Views reload: items changed here or by a sync. */
  changed: (source: 'local' | 'sync') => void;
}

/** The employee making a change on this workstation (null when none was chosen). */
export function currentEmployee(ctx: CalendarContext): string | null {
  return ctx.settings().currentEmployeeId ?? null;
}

/** The zone this machine's clock is set to. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
