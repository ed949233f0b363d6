import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/ru';
import 'dayjs/locale/uk';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import type { Language } from '#contract';

/**
 * Date pickers (@mantine/dates, on dayjs) speak the interface language, not the browser's: month and
 * day names, the first day of the week, and the date written as that language writes it ("L": 02.12.2026).
 */
export function setUpDates(): void {
  dayjs.extend(localizedFormat);
}

/** The dayjs locale for the interface language; English follows the formatting region (en-US writes 12/02/2026, the rest 02/12/2026). */
export function datesLocale(language: Language, formattingLocale: string): string {
  if (language === 'en') return formattingLocale === 'en-US' ? 'en' : 'en-gb';
  return language;
}
