import { defineHandlers } from '#core/api/registry';
import type { CrmContext } from '#core/crm/crm-context';
import { callPage } from './call-page';
import { deleteReview, getReview, markSeen, myReviews, saveReview } from './reviews';
import { deleteScorecard, getScorecard, listScorecards, saveScorecard } from './scorecards';

/** Scorecards (Settings), reviews of calls (supervisors) and the operator's own reviews. */
export function qualityHandlers(ctx: CrmContext) {
  const { database } = ctx;
  const db = database.read;
  const done = { ok: true as const };
  return defineHandlers({
    'quality.scorecards': () => listScorecards(db),
    'quality.saveScorecard': (input) => getScorecard(db, database.write((tx) => saveScorecard(ctx, tx, input))),
    'quality.deleteScorecard': ({ id }) => {
      database.write((tx) => deleteScorecard(ctx, tx, id));
      return done;
    },
    'quality.call': ({ callId }) => callPage(db, callId),
    'quality.saveReview': (input) => getReview(db, database.write((tx) => saveReview(ctx, tx, input))),
    'quality.deleteReview': ({ id }) => {
      database.write((tx) => deleteReview(ctx, tx, id));
      return done;
    },
    'quality.myReviews': ({ limit }) => myReviews(db, ctx.settings().currentEmployeeId, limit),
    'quality.markSeen': ({ id }) => {
      database.write((tx) => markSeen(ctx, tx, id));
      return done;
    },
  });
}
