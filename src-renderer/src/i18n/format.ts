/** Locale-aware formatting; the locale comes from formattingLocale(). */
export function formatDateTime(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatDate(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full' }).format(ms);
}

export function formatShortDate(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(ms);
}

/** A numeric date with the whole year, "02.01.2026", "01/02/2026": fits a narrow column (dateStyle short cuts the year to two digits). */
export function formatCompactDate(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** The numeric date with the year, and the time: "02.01.2026, 09:00", "01/02/2026, 09:00 AM"; for a crowded table. */
export function formatCompactDateTime(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms);
}

export function formatTime(locale: string, ms: number): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(ms);
}

/** "9:00 – 10:30 AM", "09:00–10:30": the locale's own range, which says AM/PM once where it can. */
export function formatTimeRange(locale: string, from: number, to: number): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).formatRange(from, to);
}

export function formatNumber(locale: string, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatMoney(locale: string, amount: number, currency: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

/** 75 → "1:15". */
export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
