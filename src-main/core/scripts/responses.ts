import { and, asc, desc, eq, min } from 'drizzle-orm';
import type { AnswerValue, Question, QuestionnaireDefinition, ResponseState } from '#contract';
import type { CrmContext } from '#core/crm/crm-context';
import { reindexContact } from '#core/crm/contact-store';
import { readCustomValue, toField } from '#core/crm/custom-fields';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { contactEmails, contactFieldChanges, contacts, customFields, customValues, questionnaireAnswers, questionnaireResponses, scripts } from '#core/db/schema';
import { DomainError, InvalidInputError, issue, notFound } from '#core/shared/errors';
import { callFacts, campaignOfCall, type CallFacts } from './call-context';
import { checkAnswer, missingRequired, visibleQuestions, type AnswerIssue, type Answers } from './questionnaire-logic';
import { latestVersionId, liveScript, VersionReader } from './script-versions';

type Issue = ResponseState['issues'][string];

function issueOut({ code, ...params }: AnswerIssue): Issue {
  return { code, params };
}

function questionnaireOf(versions: VersionReader, versionId: string): QuestionnaireDefinition {
  const { definition } = versions.get(versionId);
  if (definition.kind !== 'questionnaire') throw new DomainError('invalid_payload', 'script_kind_mismatch', `Version ${versionId} is not a questionnaire's`);
  return definition.questionnaire;
}

function answersOf(db: ReadDb, responseId: string): Map<string, AnswerValue> {
  const rows = db.select({ questionId: questionnaireAnswers.questionId, value: questionnaireAnswers.value }).from(questionnaireAnswers).where(eq(questionnaireAnswers.responseId, responseId)).all();
  return new Map(rows.map((r) => [r.questionId, JSON.parse(r.value) as AnswerValue]));
}

/** Required questions shown and not answered acceptably: they block the wrap-up, never the hang-up. */
function incompleteRequired(definition: QuestionnaireDefinition, answers: Answers): Question[] {
  const unanswered = new Set(missingRequired(definition, answers).map((q) => q.id));
  return visibleQuestions(definition, answers).filter((q) => q.required && (unanswered.has(q.id) || checkAnswer(q, answers.get(q.id) ?? null) !== null));
}

/** Opens the call's response to a questionnaire in the version published now (or returns the one opened before). */
export function openResponse(ctx: CrmContext, tx: WriteDb, facts: CallFacts, questionnaireId: string): string {
  const existing = tx
    .select({ id: questionnaireResponses.id })
    .from(questionnaireResponses)
    .where(and(eq(questionnaireResponses.callId, facts.interactionId), eq(questionnaireResponses.questionnaireId, questionnaireId)))
    .get();
  if (existing) return existing.id;
  const row = liveScript(tx, questionnaireId);
  if (row.kind !== 'questionnaire') throw new DomainError('invalid_payload', 'script_kind_mismatch', `${row.name} is a call script, not a questionnaire`, { name: row.name });
  const versionId = latestVersionId(tx, questionnaireId);
  if (!versionId) throw new DomainError('conflict', 'script_not_published', `“${row.name}” has never been published`, { name: row.name });
  const id = ctx.ids.next();
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;
  tx.insert(questionnaireResponses)
    .values({ id, questionnaireId, versionId, callId: facts.interactionId, contactId: facts.contactId, campaignId: campaignOfCall(tx, facts.interactionId)?.id ?? null, operatorId: me, startedAt: now, updatedAt: now, updatedBy: me })
    .run();
  return id;
}

export function responseState(db: ReadDb, versions: VersionReader, responseId: string): ResponseState {
  const row = db
    .select({ response: questionnaireResponses, name: scripts.name })
    .from(questionnaireResponses)
    .innerJoin(scripts, eq(scripts.id, questionnaireResponses.questionnaireId))
    .where(eq(questionnaireResponses.id, responseId))
    .get();
  if (!row) throw notFound('Questionnaire response', responseId);
  const { response } = row;
  const definition = questionnaireOf(versions, response.versionId);
  const answers = answersOf(db, responseId);
  const questions = new Map(definition.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
  const issues: Record<string, Issue> = {};
  for (const [questionId, value] of answers) {
    const question = questions.get(questionId);
    const found = question ? checkAnswer(question, value) : null;
    if (found) issues[questionId] = issueOut(found);
  }
  return {
    responseId,
    questionnaireId: response.questionnaireId,
    questionnaireName: row.name,
    versionId: response.versionId,
    definition,
    answers: Object.fromEntries(answers),
    issues,
    visible: visibleQuestions(definition, answers).map((q) => q.id),
    missingRequired: incompleteRequired(definition, answers).map((q) => q.id),
    completedAt: response.completedAt,
  };
}

export function responsesOfCall(db: ReadDb, versions: VersionReader, interactionId: string): ResponseState[] {
  return db
    .select({ id: questionnaireResponses.id })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.callId, interactionId))
    .orderBy(asc(questionnaireResponses.startedAt), asc(questionnaireResponses.id))
    .all()
    .map((r) => responseState(db, versions, r.id));
}

function isEmpty(value: AnswerValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/**
 * Saves one answer in place (acceptable or not: nothing typed is lost), all in one transaction with what
 * it changes: the response's completion, and the contact field the question maps into when the answer
 * is acceptable. Answers the mapping refused come back as issues of their own.
 */
export function answerQuestion(ctx: CrmContext, tx: WriteDb, versions: VersionReader, input: { responseId: string; questionId: string; value: AnswerValue }): Record<string, Issue> {
  const response = tx.select().from(questionnaireResponses).where(eq(questionnaireResponses.id, input.responseId)).get();
  if (!response) throw notFound('Questionnaire response', input.responseId);
  const definition = questionnaireOf(versions, response.versionId);
  const question = definition.sections.flatMap((s) => s.questions).find((q) => q.id === input.questionId);
  if (!question) throw new InvalidInputError([issue('questionId', 'no_such_record', `The questionnaire has no question ${input.questionId}`, { id: input.questionId })]);
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;
  const value = JSON.stringify(input.value);
  tx.insert(questionnaireAnswers)
    .values({ id: ctx.ids.next(), responseId: response.id, questionId: question.id, value, updatedAt: now, updatedBy: me })
    .onConflictDoUpdate({ target: [questionnaireAnswers.responseId, questionnaireAnswers.questionId], set: { value, updatedAt: now, updatedBy: me } })
    .run();

  // A caller from an unknown number may have been linked to a contact since the response was opened.
  const contactId = callFacts(tx, response.callId).contactId ?? response.contactId;
  const extra: Record<string, Issue> = {};
  if (question.mapsTo && contactId && !isEmpty(input.value) && checkAnswer(question, input.value) === null) {
    const refused = writeContactField(ctx, tx, { contactId, field: question.mapsTo, value: input.value, responseId: response.id });
    if (refused) extra[question.id] = refused;
  }
  const complete = incompleteRequired(definition, answersOf(tx, response.id)).length === 0;
  tx.update(questionnaireResponses)
    .set({ contactId, completedAt: complete ? (response.completedAt ?? now) : null, updatedAt: now, updatedBy: me })
    .where(eq(questionnaireResponses.id, response.id))
    .run();
  return extra;
}

function asText(value: AnswerValue): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** The field's value now, as text. */
function currentValue(tx: WriteDb, contactId: string, field: string): string | null {
  if (field === 'email') {
    return tx.select({ email: contactEmails.email }).from(contactEmails).where(eq(contactEmails.contactId, contactId)).orderBy(asc(contactEmails.position)).limit(1).get()?.email ?? null;
  }
  if (field.startsWith('custom:')) {
    return tx.select({ value: customValues.value }).from(customValues).where(and(eq(customValues.fieldId, field.slice('custom:'.length)), eq(customValues.entityId, contactId))).get()?.value ?? null;
  }
  const row = tx.select({ position: contacts.position, city: contacts.city, notes: contacts.notes }).from(contacts).where(eq(contacts.id, contactId)).get();
  return row ? (row[field as 'position' | 'city' | 'notes'] ?? null) : null;
}

/**
 * Writes an answer into the contact and keeps the old value in contact_field_changes. While one response
 * goes on changing the same field (the operator still typing), its history row is updated: the old value
 * stays the one from before the call.
 */
function writeContactField(ctx: CrmContext, tx: WriteDb, change: { contactId: string; field: string; value: AnswerValue; responseId: string }): Issue | null {
  const { contactId, field } = change;
  let next = asText(change.value).trim();
  if (field.startsWith('custom:')) {
    const row = tx.select().from(customFields).where(eq(customFields.id, field.slice('custom:'.length))).get();
    if (!row) return { code: 'unknown_custom_field', params: { name: field } };
    const read = readCustomValue(toField(row), typeof change.value === 'number' ? change.value : next);
    if (!read.ok) return { code: read.code, params: read.params };
    next = read.value;
  }
  const old = currentValue(tx, contactId, field);
  if (old === next) return null;
  const now = ctx.clock.now();
  const me = ctx.settings().currentEmployeeId;

  if (field === 'email') {
    const first = tx.select({ position: min(contactEmails.position) }).from(contactEmails).where(eq(contactEmails.contactId, contactId)).get()?.position ?? null;
    if (first === null) tx.insert(contactEmails).values({ id: ctx.ids.next(), contactId, email: next, emailNormalized: next.toLowerCase(), position: 0 }).run();
    else tx.update(contactEmails).set({ email: next, emailNormalized: next.toLowerCase() }).where(and(eq(contactEmails.contactId, contactId), eq(contactEmails.position, first))).run();
  } else if (field.startsWith('custom:')) {
    const fieldId = field.slice('custom:'.length);
    const number = Number(next);
    const values = { value: next, number: Number.isFinite(number) && next !== '' ? number : null };
    tx.insert(customValues).values({ fieldId, entityId: contactId, ...values }).onConflictDoUpdate({ target: [customValues.fieldId, customValues.entityId], set: values }).run();
  } else {
    tx.update(contacts).set({ [field]: next }).where(eq(contacts.id, contactId)).run();
  }
  tx.update(contacts).set({ updatedAt: now }).where(eq(contacts.id, contactId)).run();
  if (field === 'email') reindexContact(tx, contactId);

  const last = tx
    .select({ id: contactFieldChanges.id, sourceId: contactFieldChanges.sourceId })
    .from(contactFieldChanges)
    .where(and(eq(contactFieldChanges.contactId, contactId), eq(contactFieldChanges.field, field)))
    .orderBy(desc(contactFieldChanges.at), desc(contactFieldChanges.id))
    .limit(1)
    .get();
  if (last?.sourceId === change.responseId) {
    tx.update(contactFieldChanges).set({ newValue: next, at: now, by: me, updatedAt: now, updatedBy: me }).where(eq(contactFieldChanges.id, last.id)).run();
  } else {
    tx.insert(contactFieldChanges)
      .values({ id: ctx.ids.next(), contactId, field, oldValue: old, newValue: next, sourceKind: 'questionnaire', sourceId: change.responseId, at: now, by: me, updatedAt: now, updatedBy: me })
      .run();
  }
  return null;
}

/** Refuses the wrap-up of a call while one of its questionnaires lacks a required answer (the hang-up is never refused). */
export function assertWrapUpAllowed(db: ReadDb, interactionId: string): void {
  const versions = new VersionReader(db);
  const missing = db
    .select({ id: questionnaireResponses.id, versionId: questionnaireResponses.versionId })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.callId, interactionId))
    .all()
    .flatMap((r) => incompleteRequired(questionnaireOf(versions, r.versionId), answersOf(db, r.id)));
  if (missing.length === 0) return;
  throw new DomainError('conflict', 'questionnaire_incomplete', `Required questions are unanswered: ${missing.map((q) => q.label).join(', ')}`, {
    count: missing.length,
    detail: missing.map((q) => q.label).join(', '),
    questions: missing.map((q) => q.id).join(','),
  });
}
