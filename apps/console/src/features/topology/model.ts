/**
 * The protection topology as a drawing: which nodes and edges there are, and where the arrow
 * keys lead from a node. Pure, so the rules of the drawing are tested without a browser; the
 * positions come from the layout (layout.ts).
 *
 * Seed 004 draws DPM servers above what they protect, arrows from protector to protected. A
 * server's computers are drawn one by one when the whole estate has few of them (scenarios 1 to
 * 3); otherwise the server says how many it protects ("125 computers") and they are opened on
 * demand as one list under it, read page by page from the server.
 */

export interface ServerLike {
  serverId: string;
  name: string;
  computers: number;
  computerList: { id: string; name: string; switched: boolean }[];
}

export interface TopologyLike<S extends ServerLike = ServerLike> {
  servers: S[];
  links: { from: string; to: string }[];
}

export type DrawNode<S extends ServerLike = ServerLike> =
  | { kind: 'server'; id: string; server: S; width: number; height: number }
  | { kind: 'computer'; id: string; name: string; width: number; height: number }
  | { kind: 'computers'; id: string; server: S; width: number; height: number };

export type EdgeKind = 'secondary' | 'primary' | 'switched' | 'computers';

export interface DrawEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
}

export interface Drawing<S extends ServerLike = ServerLike> {
  nodes: DrawNode<S>[];
  edges: DrawEdge[];
  /** Servers whose computers are drawn one by one. */
  inline: Set<string>;
}

export const SIZE = {
  server: { width: 184, height: 64 },
  computer: { width: 112, height: 32 },
  computers: { width: 248, height: 312 },
} as const;

/** Beyond this many computers in the whole drawing, every server's computers are counted instead. */
export const MAX_INLINE_COMPUTERS = 60;

/** The node id of a server's list of computers. */
export const listId = (serverId: string) => `computers:${serverId}`;

export function drawing<S extends ServerLike>(topology: TopologyLike<S>, expanded: ReadonlySet<string>): Drawing<S> {
  const nodes: DrawNode<S>[] = [];
  const edges: DrawEdge[] = [];
  const complete = topology.servers.filter((s) => s.computers > 0 && s.computerList.length === s.computers);
  const total = complete.reduce((n, s) => n + s.computers, 0);
  const inline = new Set(total <= MAX_INLINE_COMPUTERS ? complete.map((s) => s.serverId) : []);
  const computers = new Map<string, string>();
  for (const s of topology.servers) {
    nodes.push({ kind: 'server', id: s.serverId, server: s, ...SIZE.server });
    if (inline.has(s.serverId)) {
      for (const c of s.computerList) {
        computers.set(c.id, c.name);
        edges.push({
          id: `protects:${s.serverId}>${c.id}`,
          source: s.serverId,
          target: c.id,
          kind: c.switched ? 'switched' : 'primary',
        });
      }
    } else if (s.computers > 0 && expanded.has(s.serverId)) {
      nodes.push({ kind: 'computers', id: listId(s.serverId), server: s, ...SIZE.computers });
      edges.push({
        id: `protects:${s.serverId}>computers`,
        source: s.serverId,
        target: listId(s.serverId),
        kind: 'computers',
      });
    }
  }
  for (const [id, name] of [...computers].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)))
    nodes.push({ kind: 'computer', id, name, ...SIZE.computer });
  for (const l of topology.links)
    edges.push({ id: `protects:${l.from}>${l.to}`, source: l.from, target: l.to, kind: 'secondary' });
  return { nodes, edges, inline };
}

export interface Point {
  x: number;
  y: number;
}

export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/**
 * Where an arrow key leads from node `id`, along the edges: up to a protector, down to what it
 * protects, left and right to the previous and next of the nodes protected by the same server
 * (or, for a node no server protects, of the other such nodes), each time the nearest on screen;
 * Home and End to the first and the last of those.
 */
export function neighbour(
  edges: readonly DrawEdge[],
  positions: ReadonlyMap<string, Point>,
  id: string,
  key: Direction,
): string | null {
  const here = positions.get(id);
  if (!here) return null;
  const placed = (ids: Iterable<string>) => [...new Set(ids)].filter((n) => n !== id && positions.has(n));
  const parentsOf = (n: string) => placed(edges.filter((e) => e.target === n).map((e) => e.source));
  const childrenOf = (n: string) => placed(edges.filter((e) => e.source === n).map((e) => e.target));
  const nearest = (ids: string[]) =>
    ids.sort(
      (a, b) =>
        Math.abs((positions.get(a)?.x ?? 0) - here.x) - Math.abs((positions.get(b)?.x ?? 0) - here.x) ||
        (positions.get(a)?.y ?? 0) - (positions.get(b)?.y ?? 0),
    )[0] ?? null;
  if (key === 'ArrowUp') return nearest(parentsOf(id));
  if (key === 'ArrowDown') return nearest(childrenOf(id));

  const parent = nearest(parentsOf(id));
  const targets = new Set(edges.map((e) => e.target));
  const row =
    parent === null
      ? [...positions.keys()].filter((n) => !targets.has(n) || n === id)
      : [...new Set([id, ...edges.filter((e) => e.source === parent).map((e) => e.target)])].filter((n) =>
          positions.has(n),
        );
  const ordered = row.sort((a, b) => {
    const pa = positions.get(a);
    const pb = positions.get(b);
    return (pa?.y ?? 0) - (pb?.y ?? 0) || (pa?.x ?? 0) - (pb?.x ?? 0);
  });
  // Reading order when the roots span several rows (ELK packs unconnected parts in rows).
  if (parent !== null) ordered.sort((a, b) => (positions.get(a)?.x ?? 0) - (positions.get(b)?.x ?? 0));
  if (key === 'Home') return ordered[0] ?? null;
  if (key === 'End') return ordered[ordered.length - 1] ?? null;
  const at = ordered.indexOf(id);
  const next = key === 'ArrowRight' ? at + 1 : at - 1;
  return ordered[next] ?? null;
}
