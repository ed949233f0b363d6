import { describe, expect, it } from 'vitest';
import { scriptKey } from '#renderer/features/scripts-runner/keys';

const press = (key: string, target: unknown = null, modifiers: { ctrlKey?: boolean; altKey?: boolean; metaKey?: boolean; repeat?: boolean } = {}) =>
  scriptKey({ key, target: target as EventTarget | null, altKey: false, ctrlKey: false, metaKey: false, repeat: false, ...modifiers });

describe('keys that work the script', () => {
  it('digits 1–9 pick the answer at their place; Backspace steps back', () => {
    expect(press('1')).toEqual({ kind: 'answer', index: 0 });
    expect(press('9')).toEqual({ kind: 'answer', index: 8 });
    expect(press('Backspace')).toEqual({ kind: 'back' });
  });

  it('0, letters and other keys do nothing', () => {
    expect(press('0')).toBeNull();
    expect(press('a')).toBeNull();
    expect(press('Enter')).toBeNull();
  });

  it('a digit typed into a field is text, not an answer', () => {
    expect(press('2', { tagName: 'INPUT', type: 'text' })).toBeNull();
    expect(press('2', { tagName: 'INPUT', type: 'number' })).toBeNull();
    expect(press('Backspace', { tagName: 'TEXTAREA' })).toBeNull();
    expect(press('2', { tagName: 'DIV', isContentEditable: true })).toBeNull();
  });

  it('on a button, a radio or a checkbox (the questionnaire’s choices) digits still pick answers', () => {
    expect(press('2', { tagName: 'BUTTON' })).toEqual({ kind: 'answer', index: 1 });
    expect(press('2', { tagName: 'INPUT', type: 'radio' })).toEqual({ kind: 'answer', index: 1 });
    expect(press('2', { tagName: 'INPUT', type: 'checkbox' })).toEqual({ kind: 'answer', index: 1 });
  });

  it('keys held down or pressed with a modifier belong to shortcuts, not the script', () => {
    expect(press('1', null, { ctrlKey: true })).toBeNull();
    expect(press('1', null, { altKey: true })).toBeNull();
    expect(press('1', null, { metaKey: true })).toBeNull();
    expect(press('1', null, { repeat: true })).toBeNull();
  });
});
