import { describe, expect, it } from 'vitest';
import { defaultChoices, loadChoices, reportRequest, saveChoices } from '#renderer/features/reports/report-choices';

function memoryStorage(initial: string | null = null) {
  let value = initial;
  return { getItem: () => value, setItem: (_key: string, next: string) => void (value = next) };
}

const now = new Date(2026, 2, 18, 10).getTime();

describe('remembered report choices', () => {
  it('come back as they were saved, per report', () => {
    const storage = memoryStorage();
    const saved = {
      report: 'relationship_health' as const,
      byReport: { relationship_health: { ...defaultChoices, view: 'no_contact', interactionKind: 'meeting' as const, days: 30, operatorIds: ['em-1'] } },
    };
    saveChoices(storage, saved);
    expect(loadChoices(storage)).toEqual(saved);
  });

  it('leave out what cannot be read, never failing the screen', () => {
    expect(loadChoices(memoryStorage('{not json'))).toEqual({ report: 'operator_kpi', byReport: {} });
    const odd = loadChoices(memoryStorage(JSON.stringify({ report: 'no_such', byReport: { sales: { period: { preset: 'forever' }, operatorIds: ['em-1', 5], teamIds: 'x' } } })));
    expect(odd).toEqual({ report: 'operator_kpi', byReport: { sales: { period: { preset: 'this_month' }, operatorIds: ['em-1'], teamIds: [], campaignIds: [], companyTagIds: [] } } });
  });
});

describe('the request the choices make', () => {
  it('carries a report’s own options only to that report', () => {
    const choices = { ...defaultChoices, interactionKind: 'call' as const, days: 14, questionId: 'q1' };
    expect(reportRequest('relationship_health', choices, now)?.options).toEqual({ interactionKind: 'call', days: 14 });
    expect(reportRequest('campaign_results', choices, now)?.options).toEqual({ questionId: 'q1' });
    expect(reportRequest('operator_kpi', choices, now)?.options).toEqual({});
  });

  it('is none while a custom period lacks a day', () => {
    expect(reportRequest('sales', { ...defaultChoices, period: { preset: 'custom', firstDay: '2026-03-01' } }, now)).toBeNull();
    expect(reportRequest('sales', { ...defaultChoices, period: { preset: 'custom', firstDay: '2026-03-01', lastDay: '2026-03-31' } }, now)?.filters).toMatchObject({
      from: new Date(2026, 2, 1).getTime(),
      to: new Date(2026, 3, 1).getTime(),
    });
  });
});
