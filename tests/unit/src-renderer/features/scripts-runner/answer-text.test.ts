import { describe, expect, it } from 'vitest';
import { QuestionSchema, type Question } from '#contract';
import { answerText } from '#renderer/features/scripts-runner/answer-text';

const yesNo = { yes: 'Так', no: 'Ні' };
const question = (fields: Partial<Question> & Pick<Question, 'type'>): Question => QuestionSchema.parse({ id: 'q', label: 'Q', ...fields });
const options = [
  { id: 'mail', label: 'Пошта' },
  { id: 'courier', label: 'Курʼєр' },
];

describe('answers as the timeline lists them', () => {
  it('choices read as their option labels', () => {
    expect(answerText(question({ type: 'single', options }), 'courier', 'uk', yesNo)).toBe('Курʼєр');
    expect(answerText(question({ type: 'multiple', options }), ['mail', 'courier'], 'uk', yesNo)).toBe('Пошта, Курʼєр');
  });

  it('yes/no in the interface language, ratings out of their maximum, numbers in the locale', () => {
    expect(answerText(question({ type: 'yesno' }), false, 'uk', yesNo)).toBe('Ні');
    expect(answerText(question({ type: 'rating', max: 10 }), 7, 'uk', yesNo)).toBe('7/10');
    expect(answerText(question({ type: 'number' }), 1234.5, 'uk', yesNo)).toBe('1\u00a0234,5');
  });

  it('a date is the same calendar day in the locale, whatever the time zone', () => {
    expect(answerText(question({ type: 'date' }), '2026-03-01', 'en', yesNo)).toBe('Mar 1, 2026');
  });

  it('no answer (nothing, an empty text, no option ticked) is null', () => {
    expect(answerText(question({ type: 'text' }), undefined, 'uk', yesNo)).toBeNull();
    expect(answerText(question({ type: 'text' }), '', 'uk', yesNo)).toBeNull();
    expect(answerText(question({ type: 'multiple', options }), [], 'uk', yesNo)).toBeNull();
  });
});
