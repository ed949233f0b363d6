import type { AnswerValue, Question } from '#contract';
import { formatNumber, formatShortDate } from '#renderer/i18n/format';

/** How an answer reads in a list (the timeline): option labels for choices, the locale's dates and numbers; null when unanswered. */
export function answerText(question: Question, value: AnswerValue | undefined, locale: string, yesNo: { yes: string; no: string }): string | null {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const option = (id: string) => question.options.find((o) => o.id === id)?.label ?? id;
  if (Array.isArray(value)) return value.map(option).join(', ');
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'number') return question.type === 'rating' ? `${value}/${question.max ?? 5}` : formatNumber(locale, value);
  if (question.type === 'single') return option(value);
  // A saved date is a calendar day: read at noon UTC so no time zone moves it to the day before.
  if (question.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatShortDate(locale, Date.parse(`${value}T12:00:00Z`));
  return value;
}
