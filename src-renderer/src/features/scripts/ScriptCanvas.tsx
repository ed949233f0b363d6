import { useComputedColorScheme } from '@mantine/core';
import { Background, Controls, MarkerType, ReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo, useState } from 'react';
import type { ScriptDefinition, ScriptNode, ScriptProblem } from '#contract';
import { answerEdges, answerOfEdge, problemsByNode, removeNode, updateAnswer, updateNode } from './script-draft';
import { ScriptNodeCard, type ScriptFlowNode } from './ScriptNodeCard';

const nodeTypes = { scriptNode: ScriptNodeCard };

export interface ScriptCanvasProps {
  script: ScriptDefinition;
  problems: readonly ScriptProblem[];
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  onChange: (script: ScriptDefinition) => void;
}

/**
 * The script as a graph. The draft is the one source of truth: the canvas keeps only what React Flow
 * measures (node sizes) and where a node is while it is being dragged; the drop writes the position into the draft.
 */
export function ScriptCanvas({ script, problems, selectedId, onSelect, onChange }: ScriptCanvasProps) {
  const scheme = useComputedColorScheme('light');
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [dragged, setDragged] = useState<Record<string, ScriptNode['position']>>({});

  const nodes = useMemo<ScriptFlowNode[]>(() => {
    const byNode = problemsByNode(problems);
    return script.nodes.map((node) => {
      const size = measured[node.id];
      return {
        id: node.id,
        type: 'scriptNode',
        position: dragged[node.id] ?? node.position,
        data: { node, problems: byNode.get(node.id) ?? [], isStart: node.id === script.start },
        selected: node.id === selectedId,
        ...(size ? { measured: size } : {}),
      };
    });
  }, [script, problems, selectedId, measured, dragged]);
  const edges = useMemo(() => answerEdges(script), [script]);

  const onNodesChange = (changes: NodeChange<ScriptFlowNode>[]) => {
    let next = script;
    // A click on another card deselects the old one and selects the new one, in either order.
    let selection = selectedId;
    for (const change of changes) {
      switch (change.type) {
        case 'dimensions':
          if (change.dimensions) {
            const size = change.dimensions;
            setMeasured((m) => ({ ...m, [change.id]: size }));
          }
          break;
        case 'position':
          if (change.dragging && change.position) {
            const position = change.position;
            setDragged((d) => ({ ...d, [change.id]: position }));
          } else {
            const position = change.position ?? dragged[change.id];
            if (position) next = updateNode(next, change.id, { position: { x: Math.round(position.x), y: Math.round(position.y) } });
            setDragged(({ [change.id]: _done, ...rest }) => rest);
          }
          break;
        case 'select':
          if (change.selected) selection = change.id;
          else if (change.id === selection) selection = null;
          break;
        case 'remove':
          next = removeNode(next, change.id);
          break;
        default:
          break;
      }
    }
    if (next !== script) onChange(next);
    if (selection !== selectedId) onSelect(selection);
  };

  const onEdgesChange = (changes: EdgeChange[]) => {
    let next = script;
    for (const change of changes) {
      const answer = change.type === 'remove' ? answerOfEdge(change.id) : null;
      if (answer) next = updateAnswer(next, answer.nodeId, answer.answerId, { next: null });
    }
    if (next !== script) onChange(next);
  };

  // Dragging from an answer's handle to a node (anywhere on it) makes that node the answer's next.
  const onConnect = (connection: Connection) => {
    if (connection.sourceHandle && connection.source !== connection.target) onChange(updateAnswer(script, connection.source, connection.sourceHandle, { next: connection.target }));
  };

  return (
    <ReactFlow<ScriptFlowNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      // The start stays: deleting it (and with it the arrows into it) would leave the script without a beginning.
      onBeforeDelete={({ nodes: doomed }) => Promise.resolve(!doomed.some((n) => n.id === script.start))}
      onPaneClick={() => onSelect(null)}
      colorMode={scheme}
      connectionRadius={40}
      deleteKeyCode={['Delete']}
      fitView
      fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
      minZoom={0.2}
      defaultEdgeOptions={{ markerEnd: { type: MarkerType.ArrowClosed } }}
      data-testid="script-canvas"
    >
      <Background />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
