import { describe, expect, it } from 'vitest';
import type { QuestionnaireDefinition } from '#contract';
import {
  addOption,
  addQuestion,
  addSection,
  changeQuestionType,
  conditionOn,
  conditionOps,
  earlierQuestions,
  findQuestion,
  moveQuestion,
  newQuestionnaire,
  removeOption,
  removeQuestion,
  removeSection,
  updateQuestion,
} from '#renderer/features/scripts/questionnaire-draft';

/** Interested? (single: yes/no options) → Budget (number, shown when q1 = o1), in one section; a second section with a rating. */
function survey(): QuestionnaireDefinition {
  let definition = newQuestionnaire('Needs');
  definition = addQuestion(definition, 's1', 'single', 'Interested?').definition;
  definition = addOption(addOption(definition, 'q1', 'Yes'), 'q1', 'No');
  definition = addQuestion(definition, 's1', 'number', 'Budget').definition;
  const q1 = findQuestion(definition, 'q1')!;
  definition = updateQuestion(definition, 'q2', { showIf: conditionOn(q1) });
  definition = addSection(definition, 'Satisfaction');
  return addQuestion(definition, 's2', 'rating', 'How likely to recommend?').definition;
}

describe('editing a questionnaire draft', () => {
  it('builds sections and questions with short unique ids, a rating out of 5 and a condition on the first option', () => {
    const definition = survey();
    expect(definition.sections.map((s) => [s.id, s.questions.map((q) => q.id)])).toEqual([
      ['s1', ['q1', 'q2']],
      ['s2', ['q3']],
    ]);
    expect(findQuestion(definition, 'q1')?.options).toEqual([
      { id: 'o1', label: 'Yes' },
      { id: 'o2', label: 'No' },
    ]);
    expect(findQuestion(definition, 'q2')?.showIf).toEqual({ questionId: 'q1', op: 'equals', value: 'o1' });
    expect(findQuestion(definition, 'q3')?.max).toBe(5);
  });

  it('offers conditions only on earlier questions, with the comparisons their answers allow', () => {
    const definition = survey();
    expect(earlierQuestions(definition, 'q3').map((q) => q.id)).toEqual(['q1', 'q2']);
    expect(earlierQuestions(definition, 'q1')).toEqual([]);
    expect(conditionOps('multiple')).toEqual(['includes', 'answered']);
    expect(conditionOps('yesno')).toEqual(['equals', 'not_equals', 'answered']);
  });

  it('refuses to move a question above the one its condition looks at, and moves others', () => {
    const definition = survey();
    expect(moveQuestion(definition, 'q2', -1)).toBeNull();
    expect(moveQuestion(definition, 'q1', 1)).toBeNull();
    const unconditional = updateQuestion(definition, 'q2', { showIf: null });
    expect(moveQuestion(unconditional, 'q2', -1)?.sections[0]?.questions.map((q) => q.id)).toEqual(['q2', 'q1']);
    expect(moveQuestion(unconditional, 'q1', -1)).toBeNull();
  });

  it('drops conditions that can no longer hold when what they rest on goes', () => {
    const definition = survey();
    expect(findQuestion(removeOption(definition, 'q1', 'o1'), 'q2')?.showIf).toBeNull();
    expect(findQuestion(removeOption(definition, 'q1', 'o2'), 'q2')?.showIf).not.toBeNull();
    expect(findQuestion(removeQuestion(definition, 'q1'), 'q2')?.showIf).toBeNull();
    expect(removeSection(definition, 's1').sections.map((s) => s.id)).toEqual(['s2']);
  });

  it('keeps only what means something for a new type', () => {
    const withPattern = updateQuestion(survey(), 'q2', { min: 1, max: 9, pattern: null });
    const asText = changeQuestionType(withPattern, 'q2', 'text');
    expect(findQuestion(asText, 'q2')).toMatchObject({ type: 'text', min: null, max: null, showIf: { questionId: 'q1' } });
    const asYesNo = changeQuestionType(survey(), 'q1', 'yesno');
    expect(findQuestion(asYesNo, 'q1')?.options).toEqual([]);
    expect(findQuestion(asYesNo, 'q2')?.showIf).toBeNull();
  });
});
