import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { qaCriteria, qaScorecards } from '#core/db/schema';
import { crmWorkstation, ok } from '#tests/support/crm';
import { answeredCall } from '#tests/support/quality';
import { callApi, testNow } from '#tests/support/workstation';

describe('scorecards defined in Settings', () => {
  it('updates criteria in place keeping their ids, adds new ones, tombstones removed ones', async () => {
    const { workstation, me } = await crmWorkstation();
    const card = await ok(workstation, 'quality.saveScorecard', {
      name: 'Outbound sales',
      criteria: [
        { label: 'Greeting', weight: 1, maxPoints: 1 },
        { label: 'Needs', weight: 2, maxPoints: 5 },
        { label: 'Close', weight: 3, maxPoints: 3 },
      ],
    });
    const [greeting, needs, close] = card.criteria;
    const saved = await ok(workstation, 'quality.saveScorecard', {
      id: card.id,
      name: 'Outbound sales v2',
      criteria: [
        { id: close!.id, label: 'Closing', weight: 4, maxPoints: 3 },
        { id: greeting!.id, label: 'Greeting', weight: 1, maxPoints: 1 },
        { label: 'Compliance', weight: 5, maxPoints: 1 },
      ],
    });
    expect(saved.name).toBe('Outbound sales v2');
    expect(saved.criteria.map((c) => c.label)).toEqual(['Closing', 'Greeting', 'Compliance']);
    expect(saved.criteria.slice(0, 2).map((c) => c.id)).toEqual([close!.id, greeting!.id]);

    const rows = workstation.database.read.select({ id: qaCriteria.id, label: qaCriteria.label, deletedAt: qaCriteria.deletedAt, updatedBy: qaCriteria.updatedBy }).from(qaCriteria).orderBy(asc(qaCriteria.label)).all();
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.id === needs!.id)).toEqual({ id: needs!.id, label: 'Needs', deletedAt: testNow, updatedBy: me.id });
    expect(rows.filter((r) => r.deletedAt === null)).toHaveLength(3);

    const foreign = await callApi(workstation, 'quality.saveScorecard', { id: card.id, name: 'x', criteria: [{ id: needs!.id, label: 'Needs', weight: 1, maxPoints: 1 }] });
    expect(foreign.ok || foreign.error.issues).toEqual([expect.objectContaining({ path: 'criteria.0.id', code: 'qa_criterion_unknown' })]);
  });

  it('a deleted scorecard is a tombstone: gone from the list, its reviews keep it and their scores', async () => {
    const { workstation, colleague } = await crmWorkstation();
    const card = await ok(workstation, 'quality.saveScorecard', { name: 'Service', criteria: [{ label: 'Solved', weight: 1, maxPoints: 1 }] });
    const callId = answeredCall(workstation, { operatorId: colleague.id, startedAt: testNow - 60_000 });
    await ok(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: [{ criterionId: card.criteria[0]!.id, points: 1 }] });
    await ok(workstation, 'quality.deleteScorecard', { id: card.id });
    expect(await ok(workstation, 'quality.scorecards', {})).toEqual([]);
    expect(workstation.database.read.select({ deletedAt: qaScorecards.deletedAt }).from(qaScorecards).where(eq(qaScorecards.id, card.id)).get()).toEqual({ deletedAt: testNow });
    const page = await ok(workstation, 'quality.call', { callId });
    expect(page.reviews.map((r) => [r.scorecardName, r.score])).toEqual([['Service', 100]]);
    const refused = await callApi(workstation, 'quality.saveReview', { callId, scorecardId: card.id, scores: [{ criterionId: card.criteria[0]!.id, points: 0 }] });
    expect(refused.ok || refused.error.code).toBe('not_found');
  });

  it('refuses a scorecard without criteria or with a zero weight', async () => {
    const { workstation } = await crmWorkstation();
    const empty = await callApi(workstation, 'quality.saveScorecard', { name: 'Empty', criteria: [] });
    expect(empty.ok || empty.error.issues?.[0]?.code).toBe('too_small');
    const zero = await callApi(workstation, 'quality.saveScorecard', { name: 'Zero', criteria: [{ label: 'A', weight: 0, maxPoints: 1 }] });
    expect(zero.ok || zero.error.issues?.[0]?.path).toBe('criteria.0.weight');
    expect(workstation.database.read.select().from(qaScorecards).all()).toEqual([]);
  });
});
