import type { Question, QuestionCondition, QuestionnaireDefinition, QuestionType } from '#contract';
import { nextId } from './script-draft';

/** Edits of a questionnaire's draft as pure functions, like script-draft.ts for scripts. */

type Section = QuestionnaireDefinition['sections'][number];

function allIds(definition: QuestionnaireDefinition): string[] {
  return definition.sections.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)]);
}

export function newQuestionnaire(sectionTitle: string): QuestionnaireDefinition {
  return { sections: [{ id: 's1', title: sectionTitle, questions: [] }] };
}

export function addSection(definition: QuestionnaireDefinition, title: string): QuestionnaireDefinition {
  return { sections: [...definition.sections, { id: nextId('s', allIds(definition)), title, questions: [] }] };
}

export function updateSection(definition: QuestionnaireDefinition, sectionId: string, patch: Partial<Omit<Section, 'id' | 'questions'>>): QuestionnaireDefinition {
  return { sections: definition.sections.map((s) => (s.id === sectionId ? { ...s, ...patch } : s)) };
}

/** Removes a section with its questions; conditions that rested on them are dropped with them. */
export function removeSection(definition: QuestionnaireDefinition, sectionId: string): QuestionnaireDefinition {
  const gone = new Set(definition.sections.find((s) => s.id === sectionId)?.questions.map((q) => q.id) ?? []);
  return dropConditionsOn({ sections: definition.sections.filter((s) => s.id !== sectionId) }, gone);
}

export function addQuestion(definition: QuestionnaireDefinition, sectionId: string, type: QuestionType, label: string): { definition: QuestionnaireDefinition; questionId: string } {
  const questionId = nextId('q', allIds(definition));
  const question: Question = { id: questionId, type, label, hint: '', required: false, options: [], min: null, max: type === 'rating' ? 5 : null, pattern: null, showIf: null, mapsTo: null };
  return { definition: { sections: definition.sections.map((s) => (s.id === sectionId ? { ...s, questions: [...s.questions, question] } : s)) }, questionId };
}

export function updateQuestion(definition: QuestionnaireDefinition, questionId: string, patch: Partial<Omit<Question, 'id'>>): QuestionnaireDefinition {
  return { sections: definition.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.id === questionId ? { ...q, ...patch } : q)) })) };
}

/**
 * A new type keeps what still means something: options only for choices, a range only for numbers and
 * ratings, a pattern only for text; a condition on this question that no longer fits its answers is dropped.
 */
export function changeQuestionType(definition: QuestionnaireDefinition, questionId: string, type: QuestionType): QuestionnaireDefinition {
  const choice = type === 'single' || type === 'multiple';
  const ranged = type === 'number' || type === 'rating';
  const changed = updateQuestion(definition, questionId, { type });
  const question = findQuestion(changed, questionId);
  if (!question) return definition;
  const retyped = updateQuestion(changed, questionId, {
    options: choice ? question.options : [],
    min: ranged ? question.min : null,
    max: ranged ? (question.max ?? (type === 'rating' ? 5 : null)) : null,
    pattern: type === 'text' ? question.pattern : null,
  });
  return dropConditionsOn(retyped, new Set([questionId]));
}

export function removeQuestion(definition: QuestionnaireDefinition, questionId: string): QuestionnaireDefinition {
  return dropConditionsOn({ sections: definition.sections.map((s) => ({ ...s, questions: s.questions.filter((q) => q.id !== questionId) })) }, new Set([questionId]));
}

/**
 * Moves a question one place up or down within its section. Moving it above the question its condition rests
 * on would break the rule that conditions look back, so such a move (either way round) is refused: null.
 */
export function moveQuestion(definition: QuestionnaireDefinition, questionId: string, by: -1 | 1): QuestionnaireDefinition | null {
  const section = definition.sections.find((s) => s.questions.some((q) => q.id === questionId));
  if (!section) return null;
  const at = section.questions.findIndex((q) => q.id === questionId);
  const to = at + by;
  const other = section.questions[to];
  const moving = section.questions[at];
  if (!other || !moving) return null;
  const [first, second] = by < 0 ? [other, moving] : [moving, other];
  if (second.showIf?.questionId === first.id) return null;
  const questions = [...section.questions];
  questions[at] = other;
  questions[to] = moving;
  return { sections: definition.sections.map((s) => (s.id === section.id ? { ...s, questions } : s)) };
}

export function addOption(definition: QuestionnaireDefinition, questionId: string, label: string): QuestionnaireDefinition {
  const question = findQuestion(definition, questionId);
  if (!question) return definition;
  return updateQuestion(definition, questionId, { options: [...question.options, { id: nextId('o', question.options.map((o) => o.id)), label }] });
}

/** Removes an option; a condition that waited for it is dropped, since it could never hold. */
export function removeOption(definition: QuestionnaireDefinition, questionId: string, optionId: string): QuestionnaireDefinition {
  const question = findQuestion(definition, questionId);
  if (!question) return definition;
  const without = updateQuestion(definition, questionId, { options: question.options.filter((o) => o.id !== optionId) });
  return {
    sections: without.sections.map((s) => ({
      ...s,
      questions: s.questions.map((q) => (q.showIf?.questionId === questionId && q.showIf.value === optionId ? { ...q, showIf: null } : q)),
    })),
  };
}

export function findQuestion(definition: QuestionnaireDefinition, questionId: string): Question | undefined {
  for (const section of definition.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (question) return question;
  }
  return undefined;
}

/** The questions before this one in the whole form: the only ones a condition may look at. */
export function earlierQuestions(definition: QuestionnaireDefinition, questionId: string): Question[] {
  const earlier: Question[] = [];
  for (const section of definition.sections) {
    for (const question of section.questions) {
      if (question.id === questionId) return earlier;
      earlier.push(question);
    }
  }
  return earlier;
}

/** The comparisons that make sense for a question's answers. */
export function conditionOps(type: QuestionType): QuestionCondition['op'][] {
  return type === 'multiple' ? ['includes', 'answered'] : ['equals', 'not_equals', 'answered'];
}

/** A condition on another question, starting from its first option (or yes) so it is complete at once. */
export function conditionOn(question: Question): QuestionCondition {
  const op = conditionOps(question.type)[0] ?? 'answered';
  return { questionId: question.id, op, value: defaultConditionValue(question) };
}

export function defaultConditionValue(question: Question): QuestionCondition['value'] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options[0]?.id ?? null;
    case 'yesno':
      return true;
    case 'number':
    case 'rating':
      return question.min ?? 1;
    case 'text':
    case 'date':
      return '';
  }
}

function dropConditionsOn(definition: QuestionnaireDefinition, questionIds: ReadonlySet<string>): QuestionnaireDefinition {
  return {
    sections: definition.sections.map((s) => ({ ...s, questions: s.questions.map((q) => (q.showIf && questionIds.has(q.showIf.questionId) ? { ...q, showIf: null } : q)) })),
  };
}
