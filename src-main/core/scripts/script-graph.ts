import type { ScriptDefinition, ScriptProblem } from '#contract';

/**
 * What is wrong with a script's graph, node by node. Cycles are allowed (a conversation may come back to a
 * question); what is reported is what an operator would trip over: a node nobody can reach, a step with
 * no way on, an answer leading nowhere, a section the questionnaire does not have.
 */
export function checkScriptGraph(script: ScriptDefinition, sectionIds: ReadonlySet<string> | null): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const byId = new Map<string, ScriptDefinition['nodes'][number]>();
  for (const node of script.nodes) {
    if (byId.has(node.id)) problems.push({ nodeId: node.id, code: 'duplicate_id', detail: null });
    byId.set(node.id, node);
  }
  if (!byId.has(script.start)) problems.push({ nodeId: null, code: 'missing_start', detail: script.start });

  for (const node of script.nodes) {
    for (const answer of node.answers) {
      if (answer.next !== null && !byId.has(answer.next)) problems.push({ nodeId: node.id, code: 'missing_target', detail: answer.id });
    }
    // A step must lead somewhere or close the call with a disposition; an end node is an end by design.
    if (node.kind === 'step' && node.answers.length === 0 && node.disposition === null) problems.push({ nodeId: node.id, code: 'dead_end', detail: null });
    if (node.sectionId !== null && sectionIds !== null && !sectionIds.has(node.sectionId)) problems.push({ nodeId: node.id, code: 'unknown_section', detail: node.sectionId });
  }

  // Objection handlers can be opened from anywhere, so they are roots beside the start.
  const reached = new Set<string>();
  const queue = [script.start, ...script.nodes.filter((n) => n.kind === 'objection').map((n) => n.id)];
  while (queue.length > 0) {
    const id = queue.pop()!;
    const node = byId.get(id);
    if (!node || reached.has(id)) continue;
    reached.add(id);
    for (const answer of node.answers) if (answer.next !== null) queue.push(answer.next);
  }
  for (const node of script.nodes) if (!reached.has(node.id)) problems.push({ nodeId: node.id, code: 'unreachable', detail: null });
  return problems;
}
