import { describe, expect, it } from 'vitest';
import { ScriptDefinitionSchema, type ScriptDefinition } from '#contract';
import { checkScriptGraph } from '#core/scripts/script-graph';

const at = { x: 0, y: 0 };
function script(nodes: unknown[], start = 'hello'): ScriptDefinition {
  return ScriptDefinitionSchema.parse({ start, nodes });
}

describe('script graph check', () => {
  it('accepts cycles, objection handlers and end nodes', () => {
    const graph = script([
      { id: 'hello', kind: 'step', title: 'Привітання', text: 'Добрий день, {contact.firstName|пане}!', answers: [{ id: 'a1', label: 'Цікаво', next: 'offer' }], position: at },
      { id: 'offer', kind: 'step', title: 'Пропозиція', text: '…', answers: [{ id: 'a2', label: 'Повторіть', next: 'hello' }, { id: 'a3', label: 'Так', next: 'done' }], position: at },
      { id: 'done', kind: 'end', title: 'Дякую', text: '', answers: [], disposition: { label: 'Згода', success: true }, position: at },
      { id: 'pricey', kind: 'objection', title: 'Дорого', text: 'Розумію…', answers: [{ id: 'a4', label: 'Повернутися', next: null }], position: at },
    ]);
    expect(checkScriptGraph(graph, null)).toEqual([]);
  });

  it('reports unreachable nodes, dead ends, answers leading nowhere and a missing start', () => {
    const graph = script(
      [
        { id: 'hello', kind: 'step', title: 'Привітання', text: '', answers: [{ id: 'a1', label: 'Далі', next: 'gone' }], position: at },
        { id: 'stuck', kind: 'step', title: 'Тупик', text: '', answers: [], position: at },
      ],
      'nope',
    );
    expect(checkScriptGraph(graph, null)).toEqual([
      { nodeId: null, code: 'missing_start', detail: 'nope' },
      { nodeId: 'hello', code: 'missing_target', detail: 'a1' },
      { nodeId: 'stuck', code: 'dead_end', detail: null },
      { nodeId: 'hello', code: 'unreachable', detail: null },
      { nodeId: 'stuck', code: 'unreachable', detail: null },
    ]);
  });

  it('counts what objection handlers lead to as reachable, and checks questionnaire sections', () => {
    const graph = script([
      { id: 'hello', kind: 'step', title: 'Привітання', text: '', answers: [], disposition: { label: 'Відмова', success: false }, sectionId: 'contacts', position: at },
      { id: 'later', kind: 'objection', title: 'Передзвоніть', text: '', answers: [{ id: 'a1', label: 'Коли?', next: 'when' }], position: at },
      { id: 'when', kind: 'end', title: 'Час', text: '', answers: [], proposeCallback: true, position: at },
    ]);
    expect(checkScriptGraph(graph, new Set(['contacts']))).toEqual([]);
    expect(checkScriptGraph(graph, new Set(['other']))).toEqual([{ nodeId: 'hello', code: 'unknown_section', detail: 'contacts' }]);
  });
});
