import type { AnswerValue, Question, QuestionCondition, QuestionnaireDefinition } from '#contract';

export type Answers = ReadonlyMap<string, AnswerValue>;

/** Why an answer is not accepted, as a code the window words (with its parameters). */
export type AnswerIssue =
  | { code: 'required' }
  | { code: 'wrong_type'; expected: Question['type'] }
  | { code: 'unknown_option'; option: string }
  | { code: 'below_min'; min: number }
  | { code: 'above_max'; max: number }
  | { code: 'pattern'; message: string }
  | { code: 'bad_date' };

function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function conditionHolds(condition: QuestionCondition, answers: Answers): boolean {
  const value = answers.get(condition.questionId);
  switch (condition.op) {
    case 'answered':
      return isAnswered(value);
    case 'equals':
      return value === condition.value;
    case 'not_equals':
      return isAnswered(value) && value !== condition.value;
    case 'includes':
      return Array.isArray(value) && typeof condition.value === 'string' && value.includes(condition.value);
  }
}

/**
 * The questions to show for the answers so far. A question whose condition rests on a hidden question is
 * hidden too, so a chain of conditions collapses when its first answer changes.
 */
export function visibleQuestions(definition: QuestionnaireDefinition, answers: Answers): Question[] {
  const shown = new Set<string>();
  const visible: Question[] = [];
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const condition = question.showIf;
      if (condition && (!shown.has(condition.questionId) || !conditionHolds(condition, answers))) continue;
      shown.add(question.id);
      visible.push(question);
    }
  }
  return visible;
}

/** Checks one answer against its question; null when it is acceptable (an empty answer is, until finishing). */
export function checkAnswer(question: Question, value: AnswerValue): AnswerIssue | null {
  if (!isAnswered(value)) return null;
  switch (question.type) {
    case 'single':
      if (typeof value !== 'string') return { code: 'wrong_type', expected: 'single' };
      return question.options.some((o) => o.id === value) ? null : { code: 'unknown_option', option: value };
    case 'multiple': {
      if (!Array.isArray(value)) return { code: 'wrong_type', expected: 'multiple' };
      const unknown = value.find((v) => !question.options.some((o) => o.id === v));
      return unknown === undefined ? null : { code: 'unknown_option', option: unknown };
    }
    case 'yesno':
      return typeof value === 'boolean' ? null : { code: 'wrong_type', expected: 'yesno' };
    case 'number':
    case 'rating': {
      if (typeof value !== 'number') return { code: 'wrong_type', expected: question.type };
      const min = question.type === 'rating' ? 1 : question.min;
      const max = question.type === 'rating' ? (question.max ?? 5) : question.max;
      if (min !== null && value < min) return { code: 'below_min', min };
      if (max !== null && value > max) return { code: 'above_max', max };
      return null;
    }
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { code: 'bad_date' };
      const parsed = new Date(`${value}T00:00:00Z`);
      return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value ? { code: 'bad_date' } : null;
    }
    case 'text': {
      if (typeof value !== 'string') return { code: 'wrong_type', expected: 'text' };
      if (question.pattern && !new RegExp(question.pattern.regex, 'u').test(value)) return { code: 'pattern', message: question.pattern.message };
      return null;
    }
  }
}

/** Required questions still unanswered among those shown: they block the final disposition, not the hang-up. */
export function missingRequired(definition: QuestionnaireDefinition, answers: Answers): Question[] {
  return visibleQuestions(definition, answers).filter((q) => q.required && !isAnswered(answers.get(q.id)));
}
