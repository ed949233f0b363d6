import type { TFunction } from 'i18next';
import type { DrillPage, ReportColumn, ReportRow } from '#contract';
import { formatCompactDateTime, formatMoney, formatNumber } from '#renderer/i18n/format';

type DrillUnit = DrillPage['fields'][number]['unit'];

/** 3725 → "1:02:05": durations in reports run to hours. */
export function formatHms(seconds: number): string {
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** A figure as the table shows it; a figure that cannot be computed (no calls to average over) is a dash. */
export function formatFigure(t: TFunction, locale: string, unit: ReportColumn['unit'] | DrillUnit, value: number | null | undefined, currency?: string): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'seconds':
      return formatHms(value);
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
    case 'money':
      return currency ? formatMoney(locale, value, currency) : formatNumber(locale, Math.round(value));
    case 'hours':
      return t('reports.hours', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) });
    case 'score':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    case 'datetime':
      return formatCompactDateTime(locale, value);
    case 'number':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
    default:
      return formatNumber(locale, value);
  }
}

/** A drill-down cell: text as given, numbers and moments by their unit. */
export function formatDrillValue(t: TFunction, locale: string, unit: DrillUnit, value: string | number | null | undefined, currency?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : formatFigure(t, locale, unit, value, currency);
}

/**
 * A column's header. Keys made of a measure and a part ("amount:UAH", "hours:<employee>") are worded by the
 * measure, with the part's name (main's label: an employee, an answer) or its currency beside it.
 */
/** Codes some record fields hold (a call's direction, a complaint's state), worded through the app's own vocabularies. */
const fieldVocabularies: Partial<Record<DrillPage['recordType'], Record<string, string>>> = {
  call: { direction: 'interaction', disposition: 'disposition' },
  attempt: { outcome: 'dialer.outcome' },
  contact: { lastOutcome: 'dialer.outcome' },
  state: { state: 'dialer.state' },
  complaint: { state: 'complaintState' },
  event: { kind: 'calendar.kind' },
};

/** A text field's value in the interface language where it is a code of ours; names and free text as they are. */
export function wordedFieldValue(t: TFunction, recordType: DrillPage['recordType'], field: string, value: string | number | null | undefined): string | number | null | undefined {
  const vocabulary = fieldVocabularies[recordType]?.[field];
  return vocabulary && typeof value === 'string' && value ? t(`${vocabulary}.${value}`, { defaultValue: value }) : value;
}

export function columnLabel(t: TFunction, column: Pick<ReportColumn, 'key' | 'label' | 'currency'>): string {
  const separator = column.key.indexOf(':');
  const measure = separator < 0 ? column.key : column.key.slice(0, separator);
  const worded = t(`reports.columns.${measure}`, { defaultValue: '' });
  if (column.label !== undefined) return worded && separator >= 0 ? `${column.label} — ${worded}` : column.label;
  const name = worded || column.key;
  return column.currency ? `${name}, ${column.currency}` : name;
}

export function fieldLabel(t: TFunction, key: string): string {
  return t(`reports.fields.${key}`, { defaultValue: key });
}

/** A calendar day or month of the report's zone, formatted as a date of no zone (UTC noon keeps it on its day). */
function civil(isoDay: string): number {
  const [y = 1970, m = 1, d = 1] = isoDay.split('-').map(Number);
  return Date.UTC(y, m - 1, d, 12);
}

/** A row's name: people and values as main gives them, days, weeks, months and hours in the interface language, keys translated. */
export function rowLabel(t: TFunction, locale: string, row: Pick<ReportRow, 'kind' | 'key' | 'label'>): string {
  switch (row.kind) {
    case 'day':
      return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(civil(row.key));
    case 'week':
      return t('reports.weekOf', { date: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(civil(row.key)) });
    case 'month':
      return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(civil(`${row.key}-01`));
    case 'hour': {
      const hour = Number(row.key);
      const format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
      // Two times of one day, not a range: the 23:00 hour would be written across two dates.
      return `${format.format(Date.UTC(2000, 0, 1, hour))}–${format.format(Date.UTC(2000, 0, 1, (hour + 1) % 24))}`;
    }
    case 'key':
      return keyLabel(t, row.label || row.key);
    default:
      return row.label || t('reports.noValue');
  }
}

/** A word main sends as a key: operator states, with a pause's reason as the operator gave it. */
function keyLabel(t: TFunction, key: string): string {
  if (key.startsWith('paused:')) {
    const reason = key.slice('paused:'.length);
    return reason ? t('reports.rows.pausedWith', { reason }) : t('reports.rows.paused');
  }
  return t(`reports.rows.${key}`, { defaultValue: key });
}
