import i18next, { type TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18nOptions } from '#renderer/i18n';
import { columnLabel, formatFigure, formatHms, rowLabel, wordedFieldValue } from '#renderer/features/reports/report-format';

const t: Record<'en' | 'uk', TFunction> = {} as never;
// A window far west of the report's zone: a report's day must not slip to the day before.
const zoneBefore = process.env.TZ;
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});
beforeAll(async () => {
  process.env.TZ = 'Pacific/Honolulu';
  for (const language of ['en', 'uk'] as const) {
    const instance = i18next.createInstance();
    await instance.init(i18nOptions(language));
    t[language] = instance.t;
  }
});

const space = (text: string) => text.replace(/\s/g, ' ');

describe('report figures', () => {
  it('writes durations as h:mm:ss, past a day too', () => {
    expect(formatHms(0)).toBe('0:00:00');
    expect(formatHms(3725)).toBe('1:02:05');
    expect(formatHms(90_000)).toBe('25:00:00');
    expect(formatHms(59.6)).toBe('0:01:00');
  });

  it('writes each unit its way, and a figure that cannot be computed as a dash', () => {
    expect(formatFigure(t.en, 'en-GB', 'percent', 12.345)).toBe('12.3%');
    expect(space(formatFigure(t.uk, 'uk-UA', 'percent', 50))).toBe('50%');
    expect(space(formatFigure(t.en, 'en-GB', 'money', 1500, 'UAH'))).toBe('UAH 1,500');
    expect(formatFigure(t.en, 'en-GB', 'hours', 7.25)).toBe('7.3 h');
    expect(formatFigure(t.en, 'en-GB', 'score', 87.56)).toBe('87.6');
    expect(formatFigure(t.en, 'en-GB', 'count', 12345)).toBe('12,345');
    expect(formatFigure(t.en, 'en-GB', 'aht' as never, null)).toBe('—');
    expect(formatFigure(t.en, 'en-GB', 'seconds', undefined)).toBe('—');
  });
});

describe('report rows and columns', () => {
  it('words operator states, a pause with its reason and without', () => {
    expect(rowLabel(t.en, 'en-GB', { kind: 'key', key: 'on_call', label: 'on_call' })).toBe('On call');
    expect(rowLabel(t.en, 'en-GB', { kind: 'key', key: 'paused:Lunch', label: 'paused:Lunch' })).toBe('Paused — Lunch');
    expect(rowLabel(t.uk, 'uk-UA', { kind: 'key', key: 'paused:', label: 'paused:' })).toBe('Пауза');
  });

  it('writes days, months and hours of the report’s zone in the interface language, whatever the window’s zone', () => {
    expect(rowLabel(t.en, 'en-GB', { kind: 'day', key: '2026-03-29', label: '2026-03-29' })).toBe('Sun, 29 Mar 2026');
    expect(rowLabel(t.uk, 'uk-UA', { kind: 'month', key: '2026-03', label: '2026-03' })).toBe('березень 2026 р.');
    expect(space(rowLabel(t.en, 'en-GB', { kind: 'hour', key: '23', label: '23' }))).toBe('23:00–00:00');
    expect(rowLabel(t.en, 'en-GB', { kind: 'week', key: '2026-03-23', label: '2026-03-23' })).toBe('Week of 23 Mar 2026');
  });

  it('shows people and values as main names them', () => {
    expect(rowLabel(t.en, 'en-GB', { kind: 'employee', key: 'em-1', label: 'Олена' })).toBe('Олена');
    expect(rowLabel(t.en, 'en-GB', { kind: 'value', key: '', label: '' })).toBe('(none)');
  });

  it('takes a column’s own label from the data, else words its key', () => {
    expect(columnLabel(t.en, { key: 'aht_seconds' })).toBe('Average handle time');
    expect(columnLabel(t.uk, { key: 'answer:yes', label: 'Так' })).toBe('Так');
  });

  it('words a measure split by currency or by person with the part beside it', () => {
    expect(columnLabel(t.en, { key: 'amount:UAH', currency: 'UAH' })).toBe('Amount, UAH');
    expect(columnLabel(t.uk, { key: 'weighted:EUR', currency: 'EUR' })).toBe('З урахуванням імовірності, EUR');
    expect(columnLabel(t.en, { key: 'hours:em-1', label: 'Олена' })).toBe('Олена — Booked hours');
    expect(columnLabel(t.en, { key: 'meetings:em-1', label: 'Олена' })).toBe('Олена — Meetings');
  });
});

describe('drill-down values', () => {
  it('words the codes of calls, attempts, states and complaints, and leaves names and numbers alone', () => {
    expect(wordedFieldValue(t.en, 'call', 'direction', 'in')).toBe('incoming');
    expect(wordedFieldValue(t.uk, 'call', 'disposition', 'missed')).not.toBe('missed');
    expect(wordedFieldValue(t.en, 'complaint', 'state', 'investigating')).toBe('Investigating');
    expect(wordedFieldValue(t.en, 'call', 'party', 'in')).toBe('in');
    expect(wordedFieldValue(t.en, 'call', 'disposition', 'something_new')).toBe('something_new');
    expect(wordedFieldValue(t.en, 'call', 'talkSeconds', 60)).toBe(60);
  });
});
