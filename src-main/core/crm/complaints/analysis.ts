import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { MethodOutput, MethodParams } from '#contract';
import type { ReadDb } from '#core/db/handles';
import { complaintCauses, complaints } from '#core/db/schema';
import { openComplaintStates } from './complaint-state';

const hour = 60 * 60 * 1000;

/** Complaints registered in a period: by cause (how many, how many still open, mean time to resolve) and how long resolving took. */
export function complaintAnalysis(db: ReadDb, request: MethodParams<'complaints.analysis'>): MethodOutput<'complaints.analysis'> {
  const inPeriod = and(gte(complaints.registeredAt, request.from), lt(complaints.registeredAt, request.to));
  const resolveHours = sql<number>`(${complaints.resolvedAt} - ${complaints.registeredAt}) / ${sql.raw(`${hour}.0`)}`;
  const byCause = db
    .select({
      causeId: complaints.causeId,
      causeName: complaintCauses.name,
      count: sql<number>`count(*)`,
      open: sql<number>`sum(CASE WHEN ${inArray(complaints.state, [...openComplaintStates])} THEN 1 ELSE 0 END)`,
      meanHours: sql<number | null>`avg(CASE WHEN ${complaints.resolvedAt} IS NOT NULL THEN ${resolveHours} END)`,
    })
    .from(complaints)
    .leftJoin(complaintCauses, eq(complaintCauses.id, complaints.causeId))
    .where(inPeriod)
    .groupBy(complaints.causeId)
    .orderBy(sql`count(*) DESC`)
    .all();
  const buckets = db
    .select({
      bucket: sql<'lt1d' | 'lt3d' | 'lt7d' | 'gte7d'>`CASE WHEN ${resolveHours} < 24 THEN 'lt1d' WHEN ${resolveHours} < 72 THEN 'lt3d' WHEN ${resolveHours} < 168 THEN 'lt7d' ELSE 'gte7d' END`,
      count: sql<number>`count(*)`,
    })
    .from(complaints)
    .where(and(inPeriod, sql`${complaints.resolvedAt} IS NOT NULL`))
    .groupBy(sql`1`)
    .all();
  const bucketCount = new Map(buckets.map((b) => [b.bucket, b.count]));
  return {
    total: byCause.reduce((n, c) => n + c.count, 0),
    open: byCause.reduce((n, c) => n + c.open, 0),
    byCause: byCause.map((c) => ({
      cause: c.causeId && c.causeName ? { id: c.causeId, name: c.causeName } : null,
      count: c.count,
      open: c.open,
      meanHoursToResolve: c.meanHours === null ? null : Math.round(c.meanHours * 10) / 10,
    })),
    timeToResolve: (['lt1d', 'lt3d', 'lt7d', 'gte7d'] as const).map((bucket) => ({ bucket, count: bucketCount.get(bucket) ?? 0 })),
  };
}
