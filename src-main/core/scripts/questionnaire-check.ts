import type { QuestionnaireDefinition } from '#contract';

export interface QuestionnaireProblem {
  questionId: string | null;
  code: 'duplicate_id' | 'condition_on_later_question' | 'condition_on_unknown_question' | 'no_options' | 'bad_pattern' | 'bad_range' | 'unknown_field';
  detail: string | null;
}

/** What would make a questionnaire unusable during a call; checked before it is published. */
export function checkQuestionnaire(definition: QuestionnaireDefinition, customFieldIds: ReadonlySet<string>): QuestionnaireProblem[] {
  const problems: QuestionnaireProblem[] = [];
  const seen = new Set<string>();
  const all = new Set(definition.sections.flatMap((s) => s.questions.map((q) => q.id)));
  for (const section of definition.sections) {
    if (seen.has(section.id)) problems.push({ questionId: null, code: 'duplicate_id', detail: section.id });
    seen.add(section.id);
    for (const question of section.questions) {
      if (seen.has(question.id)) problems.push({ questionId: question.id, code: 'duplicate_id', detail: question.id });
      // A condition looks back: the answer it depends on must come earlier in the form.
      const condition = question.showIf;
      if (condition && !seen.has(condition.questionId)) {
        problems.push({ questionId: question.id, code: all.has(condition.questionId) ? 'condition_on_later_question' : 'condition_on_unknown_question', detail: condition.questionId });
      }
      seen.add(question.id);
      if ((question.type === 'single' || question.type === 'multiple') && question.options.length === 0) problems.push({ questionId: question.id, code: 'no_options', detail: null });
      if (question.min !== null && question.max !== null && question.min > question.max) problems.push({ questionId: question.id, code: 'bad_range', detail: `${question.min}..${question.max}` });
      if (question.pattern) {
        try {
          new RegExp(question.pattern.regex, 'u');
        } catch (error) {
          problems.push({ questionId: question.id, code: 'bad_pattern', detail: error instanceof Error ? error.message : String(error) });
        }
      }
      if (question.mapsTo?.startsWith('custom:') && !customFieldIds.has(question.mapsTo.slice('custom:'.length))) problems.push({ questionId: question.id, code: 'unknown_field', detail: question.mapsTo });
    }
  }
  return problems;
}
