import { and, eq, gt, gte, isNotNull, isNull, lt, not, or, sql, type Column, type SQL } from 'drizzle-orm';
import { assertNever, type SegmentCondition } from '#contract';
import { companies, contactPhones, contacts, contactTags, customValues, interactions } from '#core/db/schema';
import { foldForSearch, prefixUpperBound } from '#core/shared/text';

const day = 24 * 60 * 60 * 1000;

/** EXISTS over a raw subquery (drizzle's exists() parenthesises only query builders). */
function exists(subquery: SQL): SQL {
  return sql`EXISTS (${subquery})`;
}

function notExists(subquery: SQL): SQL {
  return sql`NOT EXISTS (${subquery})`;
}

/** LIKE with the user's text taken literally (no % or _ wildcards of their own). */
function likeContains(column: SQL | Column, text: string): SQL {
  return sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}

/** A text test as people mean it: case, ё/е and apostrophes do not matter (see fold() in the connection). */
function textCondition(column: Column, op: string, value: string): SQL | undefined {
  const folded = foldForSearch(value);
  switch (op) {
    case 'equals':
      return sql`fold(${column}) = ${folded}`;
    case 'starts':
      return sql`fold(${column}) LIKE ${`${escapeLike(folded)}%`} ESCAPE '\\'`;
    case 'contains':
      return likeContains(sql`fold(${column})`, folded);
    case 'empty':
      return or(isNull(column), eq(column, ''));
    case 'not_empty':
      return and(isNotNull(column), sql`${column} <> ''`);
    default:
      return undefined;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One segment condition as a WHERE fragment over `contacts`. Every fragment is a column test on
 * contacts or an EXISTS over an indexed child table, so a segment over a million contacts stays
 * a join the planner can drive from the most selective side.
 */
export function segmentCondition(condition: SegmentCondition, now: number): SQL | undefined {
  switch (condition.type) {
    case 'field': {
      if (condition.field === 'name') {
        const folded = foldForSearch(condition.value);
        if (condition.op === 'starts') return and(gte(contacts.searchName, folded), lt(contacts.searchName, prefixUpperBound(folded)));
        if (condition.op === 'equals') return eq(contacts.searchName, folded);
        if (condition.op === 'contains') return likeContains(sql`${contacts.searchName}`, folded);
        return undefined;
      }
      if (condition.field === 'position') return textCondition(contacts.position, condition.op, condition.value);
      if (condition.field === 'source') return textCondition(contacts.source, condition.op, condition.value);
      const companyColumn = condition.field === 'company' ? companies.name : companies.city;
      if (condition.op === 'empty') {
        return condition.field === 'company'
          ? isNull(contacts.companyId)
          : notExists(sql`SELECT 1 FROM ${companies} WHERE ${companies.id} = ${contacts.companyId} AND coalesce(${companies.city}, '') <> ''`);
      }
      const inner = textCondition(companyColumn, condition.op, condition.value);
      return exists(sql`SELECT 1 FROM ${companies} WHERE ${companies.id} = ${contacts.companyId} AND ${inner}`);
    }
    case 'responsible':
      return condition.employeeId === null ? isNull(contacts.responsibleId) : eq(contacts.responsibleId, condition.employeeId);
    case 'tag': {
      const tagged = exists(sql`SELECT 1 FROM ${contactTags} WHERE ${contactTags.contactId} = ${contacts.id} AND ${contactTags.tagId} = ${condition.tagId}`);
      return condition.has ? tagged : not(tagged);
    }
    case 'custom': {
      const base = sql`SELECT 1 FROM ${customValues} WHERE ${customValues.entityId} = ${contacts.id} AND ${customValues.fieldId} = ${condition.fieldId}`;
      switch (condition.op) {
        case 'empty':
          return notExists(base);
        case 'not_empty':
          return exists(base);
        case 'equals':
          return exists(sql`${base} AND ${customValues.value} = ${String(condition.value)}`);
        case 'contains':
          return exists(sql`${base} AND ${likeContains(sql`${customValues.value}`, String(condition.value))}`);
        case 'gt':
          return exists(sql`${base} AND ${gt(customValues.number, Number(condition.value))}`);
        case 'lt':
          return exists(sql`${base} AND ${lt(customValues.number, Number(condition.value))}`);
        default:
          return assertNever(condition);
      }
    }
    case 'recency': {
      const since = now - condition.days * day;
      const kind = condition.kind === 'any' ? sql`` : sql` AND ${interactions.kind} = ${condition.kind}`;
      const recent = exists(
        sql`SELECT 1 FROM ${interactions} WHERE ${interactions.contactId} = ${contacts.id} AND ${interactions.occurredAt} >= ${since} AND ${interactions.occurredAt} <= ${now}${kind}`,
      );
      return condition.mode === 'some_within' ? recent : not(recent);
    }
    case 'consent':
      return eq(condition.flag === 'doNotCall' ? contacts.doNotCall : contacts.noEmail, condition.value);
    case 'has_phone': {
      const hasPhone = exists(sql`SELECT 1 FROM ${contactPhones} WHERE ${contactPhones.contactId} = ${contacts.id}`);
      return condition.value ? hasPhone : not(hasPhone);
    }
    default:
      return assertNever(condition);
  }
}
