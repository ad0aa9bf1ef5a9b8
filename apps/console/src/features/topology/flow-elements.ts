import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Drawing, Point } from './model';
import type { TopologyServer } from './queries';

const EDGE_COLOR = { secondary: '#0f6cbd', primary: '#616161', switched: '#c50f1f', computers: '#616161' } as const;

/** A computer's name in the drawing, or its id when it is not drawn. */
export const computerName = (model: Drawing, id: string) => {
  const n = model.nodes.find((x) => x.id === id);
  return n?.kind === 'computer' ? n.name : id;
};

/** React Flow's nodes: each drawn node at the place the layout gave it (none before the layout). */
export function flowNodes(model: Drawing<TopologyServer>, positions: ReadonlyMap<string, Point>): Node[] {
  return model.nodes.flatMap((n): Node[] => {
    const position = positions.get(n.id);
    if (!position) return [];
    const base = {
      id: n.id,
      position,
      width: n.width,
      height: n.height,
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
    };
    return n.kind === 'computer'
      ? [{ ...base, type: 'computer', data: { name: n.name } }]
      : [{ ...base, type: n.kind, data: { server: n.server } }];
  });
}

/**
 * React Flow's edges, each named for a screen reader ("DS3 protects DS1"): the route ELK drew,
 * around the servers (routedEdge); without one, a step line, and an edge that goes up (the way
 * back of a cycle) by the sides.
 */
export function flowEdges(
  model: Drawing<TopologyServer>,
  positions: ReadonlyMap<string, Point>,
  routes: ReadonlyMap<string, Point[]> | undefined,
  nameOf: (id: string) => string,
): Edge[] {
  return model.edges
    .filter((e) => positions.has(e.source) && positions.has(e.target))
    .map((e) => {
      const up = (positions.get(e.target)?.y ?? 0) < (positions.get(e.source)?.y ?? 0);
      const label =
        e.kind === 'computers'
          ? `${nameOf(e.source)} protects its computers`
          : `${nameOf(e.source)} protects ${nameOf(e.target)}${e.kind === 'switched' ? ' (switched)' : ''}`;
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        ...(up ? { sourceHandle: 'side-out', targetHandle: 'side-in' } : { sourceHandle: 'out', targetHandle: 'in' }),
        ...(routes?.has(e.id) ? { type: 'routed', data: { points: routes.get(e.id) ?? [] } } : { type: 'smoothstep' }),
        focusable: false,
        selectable: false,
        ariaLabel: label,
        markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color: EDGE_COLOR[e.kind] },
        style: {
          stroke: EDGE_COLOR[e.kind],
          strokeWidth: e.kind === 'secondary' ? 2 : 1.25,
          strokeDasharray: e.kind === 'switched' ? '6 3' : undefined,
        },
      };
    });
}
