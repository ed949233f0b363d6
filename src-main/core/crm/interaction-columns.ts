import { employees, interactions } from '#core/db/schema';

/**
 * The columns of an interaction as timelines and the call history show it
 * (select from interactions left-joined to employees).
 */
export const interactionItemColumns = {
  id: interactions.id,
  kind: interactions.kind,
  direction: interactions.direction,
  occurredAt: interactions.occurredAt,
  employeeName: employees.name,
  subject: interactions.subject,
  outcome: interactions.outcome,
};
