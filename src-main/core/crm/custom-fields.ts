import { and, asc, eq, inArray } from 'drizzle-orm';
import type { CustomField, ErrorParams, ErrorReason, MethodParams, PayloadIssue } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { customFields, customValues } from '#core/db/schema';
import { InvalidInputError, issue, notFound } from '#core/shared/errors';
import type { Clock } from '#core/shared/clock';
import type { IdGenerator } from '#core/shared/ids';

export function toField(row: typeof customFields.$inferSelect): CustomField {
  return { id: row.id, entity: row.entity, name: row.name, type: row.type, options: JSON.parse(row.options) as string[], position: row.position };
}

export function listCustomFields(db: ReadDb): CustomField[] {
  return db.select().from(customFields).orderBy(asc(customFields.entity), asc(customFields.position)).all().map(toField);
}

export function saveCustomField(tx: WriteDb, input: MethodParams<'customFields.save'>, ids: IdGenerator, clock: Clock): CustomField {
  const values = { entity: input.entity, name: input.name, type: input.type, options: JSON.stringify(input.options) };
  if (input.id) {
    const existing = tx.select().from(customFields).where(eq(customFields.id, input.id)).get();
    if (!existing) throw notFound('Custom field', input.id);
    if (existing.type !== input.type || existing.entity !== input.entity) {
      throw new InvalidInputError([issue('type', 'field_type_fixed', 'A field keeps its type and record kind once created; add a new field instead')]);
    }
    tx.update(customFields).set(values).where(eq(customFields.id, input.id)).run();
    return toField({ ...existing, ...values });
  }
  const position = tx.select({ id: customFields.id }).from(customFields).where(eq(customFields.entity, input.entity)).all().length;
  const row = { id: ids.next(), ...values, position, createdAt: clock.now() };
  tx.insert(customFields).values(row).run();
  return toField(row);
}

export function deleteCustomField(tx: WriteDb, id: string): void {
  const deleted = tx.delete(customFields).where(eq(customFields.id, id)).run();
  if (deleted.changes === 0) throw notFound('Custom field', id);
}

/** A value checked against its field's type, ready to store. */
export interface CheckedValue {
  fieldId: string;
  value: string;
  number: number | null;
}

/**
 * Checks values against the field definitions of the record kind: numbers for number fields,
 * calendar dates (YYYY-MM-DD) for date fields, one of the options for choice fields.
 */
export function checkCustomValues(
  db: ReadDb,
  entity: 'contact' | 'company',
  values: Record<string, string | number | null>,
  pathPrefix = 'custom',
): CheckedValue[] {
  const ids = Object.keys(values);
  if (ids.length === 0) return [];
  const fields = new Map(
    db
      .select()
      .from(customFields)
      .where(and(inArray(customFields.id, ids), eq(customFields.entity, entity)))
      .all()
      .map((f) => [f.id, toField(f)]),
  );
  const issues: PayloadIssue[] = [];
  const checked: CheckedValue[] = [];
  for (const [fieldId, value] of Object.entries(values)) {
    const path = `${pathPrefix}.${fieldId}`;
    const field = fields.get(fieldId);
    if (!field) {
      issues.push(issue(path, 'unknown_custom_field', `no ${entity} field with this id`));
      continue;
    }
    if (value === null || value === '') continue;
    const read = readCustomValue(field, value);
    if (read.ok) checked.push({ fieldId, value: read.value, number: read.number });
    else issues.push(issue(path, read.code, read.problem, read.params));
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return checked;
}

/** Reads a value for a field: numbers (with a decimal comma too), dates as YYYY-MM-DD, one of a choice's options, any text. */
export function readCustomValue(
  field: CustomField,
  value: string | number,
): { ok: true; value: string; number: number | null } | { ok: false; code: ErrorReason; params: ErrorParams; problem: string } {
  const text = String(value).trim();
  switch (field.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(text.replace(',', '.'));
      return text !== '' && Number.isFinite(number) ? { ok: true, value: String(number), number } : { ok: false, code: 'custom_needs_number', params: { name: field.name }, problem: `${field.name} takes a number` };
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))
        ? { ok: true, value: text, number: null }
        : { ok: false, code: 'custom_needs_date', params: { name: field.name }, problem: `${field.name} takes a date as YYYY-MM-DD` };
    case 'choice':
      return field.options.includes(text) ? { ok: true, value: text, number: null } : { ok: false, code: 'custom_needs_choice', params: { name: field.name, options: field.options.join(', ') }, problem: `${field.name} takes one of: ${field.options.join(', ')}` };
    case 'text':
      return { ok: true, value: text, number: null };
  }
}

export function setCustomValues(tx: WriteDb, entityId: string, values: readonly CheckedValue[]): void {
  tx.delete(customValues).where(eq(customValues.entityId, entityId)).run();
  for (const v of values) tx.insert(customValues).values({ entityId, fieldId: v.fieldId, value: v.value, number: v.number }).run();
}

export function customValuesOf(db: ReadDb, entityId: string): { fieldId: string; name: string; type: string; value: string | number }[] {
  return db
    .select({ fieldId: customValues.fieldId, name: customFields.name, type: customFields.type, value: customValues.value, number: customValues.number })
    .from(customValues)
    .innerJoin(customFields, eq(customFields.id, customValues.fieldId))
    .where(eq(customValues.entityId, entityId))
    .orderBy(asc(customFields.position))
    .all()
    .map((v) => ({ fieldId: v.fieldId, name: v.name, type: v.type, value: v.type === 'number' && v.number !== null ? v.number : v.value }));
}
