import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { weightedScore, type Language } from '#contract';
import type { WriteDb } from '#core/db/handles';
import { calls, employees, qaCriteria, qaReviews, qaReviewScores, qaScorecards } from '#core/db/schema';
import { SeededRandom } from './random';

interface DemoCriterion {
  label: string;
  weight: number;
  maxPoints: number;
}

/** The demo's scorecard, its criteria, and what supervisors wrote, in the demo's language. */
const texts: Readonly<Record<Language, { name: string; criteria: DemoCriterion[]; comments: string[] }>> = {
  uk: {
    name: 'Стандарт розмови',
    criteria: [
      { label: 'Привітання та представлення', weight: 1, maxPoints: 1 },
      { label: 'Виявлення потреби', weight: 3, maxPoints: 5 },
      { label: 'Робота із запереченнями', weight: 2, maxPoints: 5 },
      { label: 'Підсумок і наступний крок', weight: 2, maxPoints: 3 },
      { label: 'Ввічливість і темп', weight: 1, maxPoints: 1 },
    ],
    comments: ['Гарна розмова, так тримати.', 'Більше уточнюючих питань на початку.', 'Не забувайте підсумувати домовленості.', 'Пропонуйте зворотний дзвінок, коли клієнт зайнятий.', ''],
  },
  ru: {
    name: 'Стандарт разговора',
    criteria: [
      { label: 'Приветствие и представление', weight: 1, maxPoints: 1 },
      { label: 'Выявление потребности', weight: 3, maxPoints: 5 },
      { label: 'Работа с возражениями', weight: 2, maxPoints: 5 },
      { label: 'Итог и следующий шаг', weight: 2, maxPoints: 3 },
      { label: 'Вежливость и темп', weight: 1, maxPoints: 1 },
    ],
    comments: ['Хороший разговор, так держать.', 'Больше уточняющих вопросов в начале.', 'Не забывайте подводить итог договорённостей.', 'Предлагайте перезвонить, когда клиент занят.', ''],
  },
  en: {
    name: 'Call standard',
    criteria: [
      { label: 'Greeting and introduction', weight: 1, maxPoints: 1 },
      { label: 'Finding the need', weight: 3, maxPoints: 5 },
      { label: 'Handling objections', weight: 2, maxPoints: 5 },
      { label: 'Summary and next step', weight: 2, maxPoints: 3 },
      { label: 'Courtesy and pace', weight: 1, maxPoints: 1 },
    ],
    comments: ['A good call, keep it up.', 'Ask more clarifying questions early on.', 'Remember to sum up what was agreed.', 'Offer a callback when the client is busy.', ''],
  },
};

/** One answered call in this many is reviewed (about 5 %). */
const reviewEvery = 20;

/**
 * After the demo seed: a scorecard of weighted criteria and reviews of about one answered call in twenty, each by a
 * colleague of the call's operator, the older ones already read. Returns how many reviews were written.
 */
export function seedQualityDemo(tx: WriteDb, options: { now: number; language: Language }): number {
  const random = new SeededRandom(20_261_202);
  const text = texts[options.language];
  const stamp = { createdAt: options.now, updatedAt: options.now, updatedBy: null };
  const scorecardId = 'qa-demo-card';
  tx.insert(qaScorecards).values({ id: scorecardId, name: text.name, ...stamp }).run();
  const criteria = text.criteria.map((c, position) => ({ id: `qa-demo-crit-${position + 1}`, ...c }));
  for (const [position, c] of criteria.entries()) {
    tx.insert(qaCriteria).values({ id: c.id, scorecardId, label: c.label, weight: c.weight, maxPoints: c.maxPoints, position, updatedAt: options.now, updatedBy: null }).run();
  }
  const staff = tx.select({ id: employees.id }).from(employees).orderBy(asc(employees.id)).all();
  const answered = tx
    .select({ id: calls.interactionId, startedAt: calls.startedAt, operatorId: calls.employeeId })
    .from(calls)
    .where(and(eq(calls.disposition, 'answered'), isNotNull(calls.employeeId)))
    .orderBy(asc(calls.startedAt), asc(calls.interactionId))
    .all()
    .filter((_, i) => i % reviewEvery === reviewEvery - 1);
  answered.forEach((call, n) => {
    const reviewer = staff.find((e) => e.id !== call.operatorId)?.id ?? null;
    // Mostly good calls, some weak ones: points lean to the top of each scale.
    const scored = criteria.map((c) => ({ ...c, points: Math.min(c.maxPoints, random.int(Math.floor(c.maxPoints / 2), c.maxPoints + 1)) }));
    const id = `qa-demo-review-${n + 1}`;
    const reviewedAt = Math.min(options.now, call.startedAt + random.int(1, 48) * 3_600_000);
    const seenAt = reviewedAt < options.now - 86_400_000 && random.chance(0.7) ? reviewedAt + 3_600_000 : null;
    tx.insert(qaReviews)
      .values({ id, callId: call.id, scorecardId, operatorId: call.operatorId, reviewerId: reviewer, callStartedAt: call.startedAt, score: weightedScore(scored), comment: random.pick(text.comments), reviewedAt, seenAt, updatedAt: reviewedAt, updatedBy: reviewer })
      .run();
    for (const c of scored) {
      tx.insert(qaReviewScores).values({ id: `${id}-${c.id}`, reviewId: id, criterionId: c.id, points: c.points, comment: '', updatedAt: reviewedAt, updatedBy: reviewer }).run();
    }
  });
  return answered.length;
}
