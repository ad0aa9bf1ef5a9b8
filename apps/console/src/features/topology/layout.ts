import ELK from 'elkjs/lib/elk-api.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { DrawEdge, Point } from './model';

/**
 * The drawing laid out by ELK, in a web worker so the page stays responsive while an estate of
 * hundreds of servers is laid out. Each connected part of the estate (a secondary with the
 * primaries it protects, a chain, a cycle) is laid out by ELK's layered algorithm (Sugiyama),
 * protectors above what they protect as in seed 004's figures; ELK's rectangle packing then
 * arranges those parts to the drawing's aspect ratio, so that fit to view shows every server at
 * a size that can be read rather than one row (or one column) running off the screen.
 */
// Started as soon as the topology's code loads, in parallel with the request for its data: the
// worker's first start (loading and compiling ELK) is the longest step before the first drawing.
const elk = new ELK({ workerUrl: elkWorkerUrl });

/**
 * Where each node goes, and the route ELK drew for each edge (its start, bends and end): edges
 * follow these routes, so an arrow never crosses a server's box and the two arrows of a cycle
 * (seed 004, scenario 3: DS2 and DS3 protect each other) are two lines, not one.
 */
export interface Laid {
  positions: Map<string, Point>;
  routes: Map<string, Point[]>;
}

/** Layouts already computed in this page's life, by drawing and shape: reopening the topology draws at once. */
const done = new Map<string, Laid>();

export interface Sized {
  id: string;
  width: number;
  height: number;
}

const LAYERED = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  'elk.spacing.nodeNode': '16',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  // Keep the servers in name order within a layer where the edges allow it.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.edgeRouting': 'ORTHOGONAL',
};

/** The connected parts of the drawing, each in the order its first node comes. */
function components(nodes: readonly Sized[], edges: readonly DrawEdge[]): { nodes: Sized[]; edges: DrawEdge[] }[] {
  const parent = new Map(nodes.map((n) => [n.id, n.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(id, r);
    return r;
  };
  for (const e of edges) if (parent.has(e.source) && parent.has(e.target)) parent.set(root(e.source), root(e.target));
  const parts = new Map<string, { nodes: Sized[]; edges: DrawEdge[] }>();
  for (const n of nodes) {
    const r = root(n.id);
    const part = parts.get(r) ?? { nodes: [], edges: [] };
    part.nodes.push(n);
    parts.set(r, part);
  }
  for (const e of edges) if (parent.has(e.source) && parent.has(e.target)) parts.get(root(e.source))?.edges.push(e);
  return [...parts.values()];
}

/**
 * The last layout is kept in the browser too: reopening the topology of an estate whose shape
 * has not changed draws it at once, without waiting for ELK's worker to start.
 */
const STORAGE_KEY = 'dpm.topology.layout.v2';

function storedLayout(key: string): Laid | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as { key?: unknown; positions?: unknown; routes?: unknown }) : null;
    if (parsed?.key !== key || !Array.isArray(parsed.positions) || !Array.isArray(parsed.routes)) return null;
    return {
      positions: new Map(parsed.positions as [string, Point][]),
      routes: new Map(parsed.routes as [string, Point[]][]),
    };
  } catch {
    return null;
  }
}

const rounded = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) });

function storeLayout(key: string, laid: Laid): void {
  try {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        key,
        positions: [...laid.positions].map(([id, p]) => [id, rounded(p)]),
        routes: [...laid.routes].map(([id, points]) => [id, points.map(rounded)]),
      }),
    );
  } catch {
    // A full or disabled storage only costs the next visit a layout.
  }
}

export async function layout(nodes: readonly Sized[], edges: readonly DrawEdge[], aspectRatio: number): Promise<Laid> {
  const ratio = Math.min(4, Math.max(0.5, aspectRatio));
  const key =
    `${ratio.toFixed(1)}|` +
    `${nodes.map((n) => `${n.id}:${n.width}x${n.height}`).join()}|` +
    `${edges.map((e) => e.id).join()}`;
  const known = done.get(key);
  if (known) return known;
  const stored = storedLayout(key);
  if (stored) return stored;
  const started = performance.now();
  const parts = components(nodes, edges);
  const graph: ElkNode = {
    id: 'topology',
    layoutOptions: {
      'elk.algorithm': 'rectpacking',
      'elk.aspectRatio': String(ratio),
      'elk.spacing.nodeNode': '36',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]',
      // Edge routes in the drawing's coordinates, like the nodes once their part's place is added.
      'elk.json.edgeCoords': 'ROOT',
    },
    children: parts.map((p, i) => ({
      id: `part-${i}`,
      layoutOptions: LAYERED,
      children: p.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
      edges: p.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
    })),
  };
  const laid = await elk.layout(graph);
  const positions = new Map<string, Point>();
  const routes = new Map<string, Point[]>();
  for (const part of laid.children ?? []) {
    for (const n of part.children ?? [])
      positions.set(n.id, { x: (part.x ?? 0) + (n.x ?? 0), y: (part.y ?? 0) + (n.y ?? 0) });
    for (const e of part.edges ?? []) {
      const section = e.sections?.[0];
      if (section) routes.set(e.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
    }
  }
  const result: Laid = { positions, routes };
  // How long ELK took, first start of its worker included (the topology benchmark prints it).
  performance.measure('topology layout', { start: started, end: performance.now() });
  if (done.size > 20) done.clear();
  done.set(key, result);
  storeLayout(key, result);
  return result;
}
