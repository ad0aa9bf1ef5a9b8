import type { RefObject } from 'react';
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import type { Point } from './model';
import { edgeTypes, nodeTypes } from './nodes';
import { usePageStyles } from './page-styles';

interface Sized {
  id: string;
  width: number;
  height: number;
}

/** The arrow keys compare nodes by their centres: a server is wider than the computers under it. */
export function centresOf(nodes: readonly Sized[], positions: ReadonlyMap<string, Point>): Map<string, Point> {
  return new Map(
    nodes.flatMap((n) =>
      positions.has(n.id)
        ? [
            [
              n.id,
              { x: (positions.get(n.id)?.x ?? 0) + n.width / 2, y: (positions.get(n.id)?.y ?? 0) + n.height / 2 },
            ] as const,
          ]
        : [],
    ),
  );
}

/** The box around every laid-out node, for Fit to view; null before anything is placed. */
export function boundsOf(
  nodes: readonly Sized[],
  positions: ReadonlyMap<string, Point>,
): { x: number; y: number; width: number; height: number } | null {
  const placed = nodes.flatMap((n) => {
    const p = positions.get(n.id);
    return p ? [{ ...p, right: p.x + n.width, bottom: p.y + n.height }] : [];
  });
  if (placed.length === 0) return null;
  const x = Math.min(...placed.map((p) => p.x));
  const y = Math.min(...placed.map((p) => p.y));
  return {
    x,
    y,
    width: Math.max(...placed.map((p) => p.right)) - x,
    height: Math.max(...placed.map((p) => p.bottom)) - y,
  };
}

/** The line that says what the search found. */
export function FoundStatus({ text }: { text: string }) {
  const styles = usePageStyles();
  return (
    <div role="status" className={styles.found}>
      {text}
    </div>
  );
}

/** The drawing itself: React Flow with its own keyboard handling off (the nodes handle the keys). */
export function TopologyDiagram({
  nodes,
  edges,
  wrapRef,
}: {
  nodes: Node[];
  edges: Edge[];
  wrapRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      disableKeyboardA11y
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      panActivationKeyCode={null}
      zoomOnDoubleClick={false}
      minZoom={0.05}
      maxZoom={1.5}
      onMove={(_, viewport) => {
        // Names grow as the drawing shrinks, so that they stay about 12 px on screen.
        const scale = Math.min(3.5, Math.max(1, 12 / (13 * viewport.zoom)));
        wrapRef.current?.style.setProperty('--topology-scale', scale.toFixed(2));
        wrapRef.current?.style.setProperty('--topology-detail-scale', Math.min(scale, 1.8).toFixed(2));
        wrapRef.current?.style.setProperty('--topology-detail', viewport.zoom < 0.4 ? 'none' : 'inline');
      }}
    />
  );
}
