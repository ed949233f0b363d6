import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportResult } from '#contract';
import { i18nOptions } from '#renderer/i18n';
import { tableHeaders } from '#renderer/features/reports/export-report';

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init(i18nOptions('uk'));
  t = instance.t;
});

const result = (rows: ReportResult['rows']): ReportResult => ({
  report: 'operator_kpi',
  view: 'state',
  views: ['operator', 'state'],
  columns: [{ key: 'on_call_seconds', unit: 'seconds', drill: true, chart: true }],
  rows,
  totals: {},
  chart: { type: 'pie' },
  timeZone: 'Europe/Kyiv',
  generatedAt: 0,
});

describe('the words an exported table carries', () => {
  it('names the rows, the columns and the totals in the interface language', () => {
    const headers = tableHeaders(t, 'uk-UA', result([{ key: 'paused:Обід', kind: 'key', label: 'paused:Обід', values: {} }]));
    expect(headers).toEqual({ row: 'Стан', total: 'Разом', on_call_seconds: 'На дзвінку', 'row:paused:Обід': 'Пауза — Обід' });
  });

  it('stays within the contract’s bounds: a row key too long is left to main’s own label, a long name is cut', () => {
    const long = 'x'.repeat(150);
    const headers = tableHeaders(t, 'uk-UA', result([{ key: long, kind: 'value', label: long, values: {} }, { key: 'v', kind: 'value', label: 'y'.repeat(300), values: {} }]));
    expect(headers[`row:${long}`]).toBeUndefined();
    expect(headers['row:v']).toHaveLength(200);
  });
});
