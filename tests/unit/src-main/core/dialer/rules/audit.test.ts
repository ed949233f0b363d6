import { describe, expect, it } from 'vitest';
import { AUDIT_COLUMNS, auditRows, decide } from '#core/dialer/rules/index';
import { factsFor, policyOf } from './fixtures';

const NOON = Date.parse('2025-03-12T12:30:00Z');
const collection = policyOf('RU', 'debt_collection');

describe('the audit log', () => {
  const allowed = decide(factsFor(NOON, { history: { attempts: [{ at: NOON - 30 * 3_600_000, outcome: 'reached' }], lifetimeAttempts: 3 } }), collection, NOON);
  const evening = Date.parse('2025-03-12T16:30:00Z');
  const refused = decide(factsFor(evening, { callee: { numberZones: ['Asia/Vladivostok'] } }), collection, evening);

  it('turns a stored "allowed because" record into a row with every column filled that applies', () => {
    const { accepted, rejected } = auditRows([{ campaignId: 'cmp-1', attemptId: 'att-1', e164: '+74951234567', json: JSON.stringify(allowed) }]);
    expect(rejected).toEqual([]);
    expect(Object.keys(accepted[0]!)).toEqual([...AUDIT_COLUMNS]);
    expect(accepted[0]).toMatchObject({
      decidedAt: '2025-03-12T12:30:00.000Z',
      campaignId: 'cmp-1',
      attemptId: 'att-1',
      number: '+74951234567',
      decision: 'allowed',
      rule: '',
      profile: 'RU',
      profileVersion: '2025.1',
      purpose: 'debt_collection',
      mode: 'progressive',
      calleeZones: 'Europe/Moscow',
      zoneSource: 'number',
      calleeLocalTime: '2025-03-12T15:30 weekday (Europe/Moscow)',
      window: '08:00-22:00',
      dncChecked: 'global@2025-03-12T12:30:00.000Z; campaign@2025-03-12T12:30:00.000Z',
      attemptsLifetime: 3,
      contactsWeek: 1,
      caps: 'contacts.day=1; contacts.week=2; contacts.month=8',
      abandonCap: 0.03,
    });
  });

  it('gives a refusal its rule, reason, source and earliest retry', () => {
    const { accepted } = auditRows([{ campaignId: 'cmp-1', attemptId: null, e164: '+74232123456', json: JSON.stringify(refused) }]);
    expect(accepted[0]).toMatchObject({
      decision: 'refused',
      rule: 'calling_window',
      reason: '02:30 on a weekday in Asia/Vladivostok, outside the window 08:00-22:00',
      ruleRef: 'ru.230fz.hours',
      notBefore: '2025-03-12T22:00:00.000Z',
      profile: 'RU',
      attemptId: '',
    });
  });

  it('reports a stored record that no longer reads, with its attempt and field, and keeps the others', () => {
    const damaged = JSON.parse(JSON.stringify(allowed)) as { because: { callee: { zones: unknown } } };
    damaged.because.callee.zones = 'Europe/Moscow';
    const { accepted, rejected } = auditRows([
      { campaignId: 'cmp-1', attemptId: 'att-1', e164: '+1', json: '{"allowed":tru' },
      { campaignId: 'cmp-1', attemptId: null, e164: '+2', json: JSON.stringify(damaged) },
      { campaignId: 'cmp-1', attemptId: 'att-3', e164: '+3', json: JSON.stringify(refused) },
    ]);
    expect(accepted.map((row) => row.number)).toEqual(['+3']);
    expect(rejected).toEqual([
      expect.objectContaining({ where: 'att-1', field: '', reason: expect.stringMatching(/^not JSON/) as string }),
      expect.objectContaining({ where: '#2', field: 'because.callee.zones' }),
    ]);
  });
});
