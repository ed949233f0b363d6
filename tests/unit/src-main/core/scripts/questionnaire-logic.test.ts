import { describe, expect, it } from 'vitest';
import { QuestionnaireDefinitionSchema, type AnswerValue } from '#contract';
import { checkQuestionnaire } from '#core/scripts/questionnaire-check';
import { checkAnswer, missingRequired, visibleQuestions } from '#core/scripts/questionnaire-logic';

const survey = QuestionnaireDefinitionSchema.parse({
  sections: [
    {
      id: 's1',
      title: 'Загальне',
      questions: [
        { id: 'uses', type: 'yesno', label: 'Чи користуєтеся ви нашими послугами?', required: true },
        { id: 'how', type: 'single', label: 'Як часто?', required: true, options: [{ id: 'often', label: 'Часто' }, { id: 'rare', label: 'Рідко' }], showIf: { questionId: 'uses', op: 'equals', value: true } },
        { id: 'why', type: 'text', label: 'Чому рідко?', showIf: { questionId: 'how', op: 'equals', value: 'rare' } },
        { id: 'score', type: 'rating', label: 'Оцінка', max: 5 },
        { id: 'age', type: 'number', label: 'Вік', min: 18, max: 120 },
        { id: 'email', type: 'text', label: 'E-mail', pattern: { regex: '^[^@\\s]+@[^@\\s]+$', message: 'Не схоже на e-mail' }, mapsTo: 'email' },
        { id: 'when', type: 'date', label: 'Коли зручно?' },
        { id: 'topics', type: 'multiple', label: 'Що цікаво?', options: [{ id: 'a', label: 'А' }, { id: 'b', label: 'Б' }] },
      ],
    },
  ],
});
const answers = (entries: [string, AnswerValue][]) => new Map(entries);

describe('questionnaire logic', () => {
  it('shows conditional questions by earlier answers, and hides a whole chain when its first answer changes', () => {
    const ids = (a: Map<string, AnswerValue>) => visibleQuestions(survey, a).map((q) => q.id);
    expect(ids(answers([]))).toEqual(['uses', 'score', 'age', 'email', 'when', 'topics']);
    expect(ids(answers([['uses', true], ['how', 'rare']]))).toEqual(['uses', 'how', 'why', 'score', 'age', 'email', 'when', 'topics']);
    // "how" is still answered "rare", but is hidden now, so "why" is hidden with it.
    expect(ids(answers([['uses', false], ['how', 'rare']]))).toEqual(['uses', 'score', 'age', 'email', 'when', 'topics']);
  });

  it('blocks finishing only on required questions that are shown and unanswered', () => {
    expect(missingRequired(survey, answers([])).map((q) => q.id)).toEqual(['uses']);
    expect(missingRequired(survey, answers([['uses', true]])).map((q) => q.id)).toEqual(['how']);
    expect(missingRequired(survey, answers([['uses', false]]))).toEqual([]);
  });

  it('checks each answer against its question', () => {
    const q = (id: string) => survey.sections[0]!.questions.find((x) => x.id === id)!;
    expect(checkAnswer(q('how'), 'often')).toBeNull();
    expect(checkAnswer(q('how'), 'never')).toEqual({ code: 'unknown_option', option: 'never' });
    expect(checkAnswer(q('topics'), ['a', 'c'])).toEqual({ code: 'unknown_option', option: 'c' });
    expect(checkAnswer(q('score'), 6)).toEqual({ code: 'above_max', max: 5 });
    expect(checkAnswer(q('score'), 0)).toEqual({ code: 'below_min', min: 1 });
    expect(checkAnswer(q('age'), 17)).toEqual({ code: 'below_min', min: 18 });
    expect(checkAnswer(q('age'), '40')).toEqual({ code: 'wrong_type', expected: 'number' });
    expect(checkAnswer(q('email'), 'olena@lan.example')).toBeNull();
    expect(checkAnswer(q('email'), 'olena')).toEqual({ code: 'pattern', message: 'Не схоже на e-mail' });
    expect(checkAnswer(q('when'), '2026-02-30')).toEqual({ code: 'bad_date' });
    expect(checkAnswer(q('when'), '2026-02-28')).toBeNull();
    expect(checkAnswer(q('uses'), 'yes')).toEqual({ code: 'wrong_type', expected: 'yesno' });
    expect(checkAnswer(q('email'), '')).toBeNull();
  });

  it('finds what would make a questionnaire unusable before it is published', () => {
    const broken = QuestionnaireDefinitionSchema.parse({
      sections: [
        {
          id: 's1',
          title: 'Х',
          questions: [
            { id: 'q1', type: 'text', label: 'Перше', showIf: { questionId: 'q2', op: 'answered' } },
            { id: 'q2', type: 'single', label: 'Друге' },
            { id: 'q3', type: 'text', label: 'Третє', pattern: { regex: '([a-z', message: '' }, mapsTo: 'custom:nope' },
            { id: 'q4', type: 'number', label: 'Четверте', min: 10, max: 1, showIf: { questionId: 'ghost', op: 'answered' } },
            { id: 'q1', type: 'yesno', label: 'Двійник' },
          ],
        },
      ],
    });
    expect(checkQuestionnaire(broken, new Set()).map((p) => [p.questionId, p.code])).toEqual([
      ['q1', 'condition_on_later_question'],
      ['q2', 'no_options'],
      ['q3', 'bad_pattern'],
      ['q3', 'unknown_field'],
      ['q4', 'condition_on_unknown_question'],
      ['q4', 'bad_range'],
      ['q1', 'duplicate_id'],
    ]);
    expect(checkQuestionnaire(survey, new Set())).toEqual([]);
  });
});
