import { asc, eq, inArray } from 'drizzle-orm';
import type { Tag } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { companyTags, contactTags, tags } from '#core/db/schema';
import type { IdGenerator } from '#core/shared/ids';
import { foldForSearch } from '#core/shared/text';

export function listTags(db: ReadDb): Tag[] {
  return db.select({ id: tags.id, name: tags.name, color: tags.color }).from(tags).orderBy(asc(tags.searchName)).all();
}

/** Tag ids for the names given, creating the tags that do not exist yet (one per spelling, whatever the case). */
export function tagIdsFor(tx: WriteDb, names: readonly string[], ids: IdGenerator): string[] {
  const wanted = new Map<string, string>();
  for (const name of names) wanted.set(foldForSearch(name), name.trim());
  if (wanted.size === 0) return [];
  const existing = new Map(
    tx
      .select({ id: tags.id, searchName: tags.searchName })
      .from(tags)
      .where(inArray(tags.searchName, [...wanted.keys()]))
      .all()
      .map((t) => [t.searchName, t.id]),
  );
  return [...wanted.entries()].map(([searchName, name]) => {
    const found = existing.get(searchName);
    if (found) return found;
    const id = ids.next();
    tx.insert(tags).values({ id, name, searchName }).run();
    return id;
  });
}

export function setContactTags(tx: WriteDb, contactId: string, tagIds: readonly string[]): void {
  tx.delete(contactTags).where(eq(contactTags.contactId, contactId)).run();
  for (const tagId of tagIds) tx.insert(contactTags).values({ contactId, tagId }).onConflictDoNothing().run();
}

export function setCompanyTags(tx: WriteDb, companyId: string, tagIds: readonly string[]): void {
  tx.delete(companyTags).where(eq(companyTags.companyId, companyId)).run();
  for (const tagId of tagIds) tx.insert(companyTags).values({ companyId, tagId }).onConflictDoNothing().run();
}
