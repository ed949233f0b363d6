import { asc, eq } from 'drizzle-orm';
import { SegmentDefinitionSchema, type MethodParams, type Segment } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { segments } from '#core/db/schema';
import type { Clock } from '#core/shared/clock';
import { notFound } from '#core/shared/errors';
import type { IdGenerator } from '#core/shared/ids';
import type { Logger } from '#core/shared/logger';

/** Saved segments. A stored definition that no longer fits the contract is skipped and logged, never shown half-read. */
export function listSegments(db: ReadDb, logger: Logger): Segment[] {
  return db
    .select()
    .from(segments)
    .orderBy(asc(segments.name))
    .all()
    .flatMap((row) => {
      const definition = SegmentDefinitionSchema.safeParse(JSON.parse(row.definition));
      if (!definition.success) {
        logger.warn('Segment definition out of shape; skipped', { segmentId: row.id });
        return [];
      }
      return [{ id: row.id, name: row.name, definition: definition.data, updatedAt: row.updatedAt }];
    });
}

export function saveSegment(tx: WriteDb, input: MethodParams<'segments.save'>, ids: IdGenerator, clock: Clock): Segment {
  const now = clock.now();
  const definition = JSON.stringify(input.definition);
  if (input.id) {
    const changed = tx.update(segments).set({ name: input.name, definition, updatedAt: now }).where(eq(segments.id, input.id)).run();
    if (changed.changes === 0) throw notFound('Segment', input.id);
    return { id: input.id, name: input.name, definition: input.definition, updatedAt: now };
  }
  const id = ids.next();
  tx.insert(segments).values({ id, name: input.name, definition, createdAt: now, updatedAt: now }).run();
  return { id, name: input.name, definition: input.definition, updatedAt: now };
}

export function deleteSegment(tx: WriteDb, id: string): void {
  if (tx.delete(segments).where(eq(segments.id, id)).run().changes === 0) throw notFound('Segment', id);
}
