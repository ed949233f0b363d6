/**
 * Keys that work the script: digits 1–9 pick an answer, Backspace steps back. Never while the operator
 * types into a field (a digit there is text), nor with a modifier (those belong to shortcuts).
 */
export type ScriptKey = { kind: 'answer'; index: number } | { kind: 'back' };

/** Inputs that take no typed text: a digit pressed on them still picks an answer. */
const choiceInputs = ['radio', 'checkbox', 'button', 'submit', 'reset', 'range'];

function isTextEntry(target: EventTarget | null): boolean {
  const element = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown } | null;
  if (!element || typeof element.tagName !== 'string') return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && !choiceInputs.includes(typeof element.type === 'string' ? element.type : 'text');
}

export function scriptKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target' | 'repeat'>): ScriptKey | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.repeat || isTextEntry(event.target)) return null;
  if (/^[1-9]$/.test(event.key)) return { kind: 'answer', index: Number(event.key) - 1 };
  if (event.key === 'Backspace') return { kind: 'back' };
  return null;
}
