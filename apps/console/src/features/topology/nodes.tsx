import {
  createContext,
  useContext,
  useRef,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { BaseEdge, Handle, Position, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, SearchBox, Spinner } from '@fluentui/react-components';
import type { TopologyFinding, TopologyServer } from './queries';
import { protectsQuery } from './queries';
import { SIZE, type Point } from './model';

/**
 * The nodes of the topology drawing. Each node is one focusable element with a roving
 * tabindex (Tab enters the drawing at the current node, the arrow keys move along the edges),
 * named by the server or computer; its description says its role and findings. Enter, Space,
 * Shift+F10, the context-menu key, a click or a right-click open its server actions.
 */
export interface TopologyUi {
  current: string | null;
  findingsOf: (serverId: string) => TopologyFinding[];
  protectorsOf: (computerId: string) => string[];
  onKeyDown: (id: string, e: KeyboardEvent<HTMLElement>) => void;
  onFocus: (id: string) => void;
  openMenu: (id: string, target: HTMLElement | { x: number; y: number }) => void;
  /** Computers lists: the search each one shows (set by the topology's search) and the computer to mark. */
  listSearch: ReadonlyMap<string, string>;
  highlight: string | null;
  setListSearch: (serverId: string, search: string) => void;
}

export const TopologyContext = createContext<TopologyUi | null>(null);

function useUi(): TopologyUi {
  const ui = useContext(TopologyContext);
  if (!ui) throw new Error('topology nodes render inside the TopologyContext');
  return ui;
}

export type ServerNodeType = Node<{ server: TopologyServer }, 'server'>;
export type ComputerNodeType = Node<{ name: string }, 'computer'>;
export type ComputersNodeType = Node<{ server: TopologyServer }, 'computers'>;

const hidden = {
  opacity: 0,
  pointerEvents: 'none',
  width: 1,
  height: 1,
  minWidth: 0,
  minHeight: 0,
  border: 0,
} as const;

function Handles() {
  return (
    <>
      <Handle id="in" type="target" position={Position.Top} isConnectable={false} style={hidden} />
      <Handle id="out" type="source" position={Position.Bottom} isConnectable={false} style={hidden} />
      <Handle
        id="side-in"
        type="target"
        position={Position.Right}
        isConnectable={false}
        style={{ ...hidden, top: '30%' }}
      />
      <Handle
        id="side-out"
        type="source"
        position={Position.Right}
        isConnectable={false}
        style={{ ...hidden, top: '70%' }}
      />
    </>
  );
}

/** The props every node's focusable element shares: roving tabindex, keys, click and right-click. */
function focusable(ui: TopologyUi, id: string) {
  return {
    'data-node-id': id,
    tabIndex: ui.current === id ? 0 : -1,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      if (e.target === e.currentTarget) ui.onKeyDown(id, e);
    },
    onFocus: (e: FocusEvent<HTMLElement>) => {
      if (e.target === e.currentTarget) ui.onFocus(id);
    },
    onClick: (e: MouseEvent<HTMLElement>) => ui.openMenu(id, e.currentTarget),
    onContextMenu: (e: MouseEvent<HTMLElement>) => {
      e.preventDefault();
      ui.openMenu(id, { x: e.clientX, y: e.clientY });
    },
  };
}

/**
 * The largest font at which a name still fits its node (about 0.66 em a character, bold, with the
 * node's padding): the names grow as the drawing zooms out, but not past their node.
 */
const nameFits = (name: string, width: number) =>
  ({ '--topology-name-max': `${Math.floor((width - 20) / (0.66 * Math.max(name.length, 4)))}px` }) as CSSProperties;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function ServerNode({ id, data }: NodeProps<ServerNodeType>) {
  const ui = useUi();
  const s = data.server;
  const findings = ui.findingsOf(s.serverId);
  const errors = findings.filter((f) => f.severity === 'error');
  const roles = [s.primary ? 'primary' : null, s.secondary ? 'secondary' : null].filter((r) => r !== null);
  const description = [
    `DPM server${roles.length ? `, ${roles.join(' and ')}` : ''}${s.failed ? `, ${s.state}` : ''}`,
    s.computers > 0 ? `protects ${plural(s.computers, 'computer', 'computers')}` : null,
    s.protectsServers.length > 0 ? `protects ${s.protectsServers.join(', ')}` : null,
    s.protectedBy.length > 0 ? `protected by ${s.protectedBy.join(', ')}` : 'protected by no DPM server',
    s.protectsItself ? 'protects its own database' : null,
    findings.length > 0 ? `findings: ${findings.map((f) => f.code).join(', ')}` : null,
  ]
    .filter((x) => x !== null)
    .join('; ');
  const stroke =
    errors.length > 0
      ? 'var(--colorPaletteRedBorder2)'
      : findings.length > 0
        ? 'var(--colorPaletteMarigoldBorder2)'
        : 'var(--colorNeutralStroke1)';
  return (
    <div
      role="button"
      aria-haspopup="menu"
      aria-label={s.name}
      aria-description={description}
      className="topology-node"
      {...focusable(ui, id)}
      style={{
        ...SIZE.server,
        boxSizing: 'border-box',
        display: 'grid',
        alignContent: 'center',
        justifyItems: 'center',
        padding: '4px 8px',
        borderRadius: 6,
        border: `${findings.length > 0 ? 3 : 1}px solid ${stroke}`,
        background: s.failed ? 'var(--colorPaletteRedBackground1)' : 'var(--colorBrandBackground2)',
        cursor: 'pointer',
        position: 'relative',
      }}
    >
      <Handles />
      <span
        className="topology-name"
        style={{
          fontWeight: 600,
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          maxWidth: '100%',
          ...nameFits(s.name, SIZE.server.width),
        }}
      >
        {s.name}
        {s.failed ? ' (failed)' : ''}
      </span>
      <span
        className="topology-detail topology-detail-text"
        style={{ color: 'var(--colorNeutralForeground2)', whiteSpace: 'nowrap' }}
      >
        {s.computers > 0
          ? plural(s.computers, 'computer', 'computers')
          : roles.length
            ? `${roles.join(', ')}`
            : 'protects nothing'}
        {s.protectsItself ? ' · itself' : ''}
      </span>
      {findings.length > 0 && (
        <span
          aria-hidden
          title={findings.map((f) => f.code).join(', ')}
          className="topology-detail"
          style={{
            position: 'absolute',
            top: -10,
            right: -8,
            background:
              errors.length > 0 ? 'var(--colorPaletteRedBackground3)' : 'var(--colorPaletteMarigoldBackground3)',
            color: 'white',
            borderRadius: 10,
            padding: '0 6px',
            fontSize: 12,
            fontWeight: 600,
          }}
        >
          ⚠ {findings.length}
        </span>
      )}
    </div>
  );
}

export function ComputerNode({ id, data }: NodeProps<ComputerNodeType>) {
  const ui = useUi();
  return (
    <div
      role="button"
      aria-haspopup="menu"
      aria-label={data.name}
      aria-description={`computer protected by ${ui.protectorsOf(id).join(', ')}`}
      className="topology-node"
      {...focusable(ui, id)}
      style={{
        ...SIZE.computer,
        boxSizing: 'border-box',
        display: 'grid',
        placeItems: 'center',
        borderRadius: 16,
        border: '1px solid var(--colorNeutralStroke1)',
        background: 'var(--colorNeutralBackground3)',
        cursor: 'pointer',
      }}
    >
      <Handles />
      <span className="topology-name" style={{ whiteSpace: 'nowrap', ...nameFits(data.name, SIZE.computer.width) }}>
        {data.name}
      </span>
    </div>
  );
}

/**
 * A server's computers, opened under it on demand: a list read page by page from the server
 * (GET /api/servers/{serverId}/protects), with its own search. The topology's search fills that
 * search in and marks the computer it found.
 */
export function ComputersNode({ id, data }: NodeProps<ComputersNodeType>) {
  const ui = useUi();
  const s = data.server;
  const search = ui.listSearch.get(s.serverId) ?? '';
  const list = useInfiniteQuery(protectsQuery(s.serverId, search.trim(), 'computer'));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const inputRef = useRef<HTMLInputElement>(null);
  const label = `Computers protected by ${s.name}`;
  return (
    <div
      role="group"
      aria-label={label}
      aria-description={`${plural(s.computers, 'computer', 'computers')}; Enter to search them`}
      className="topology-node topology-list nowheel nodrag nopan"
      data-node-id={id}
      tabIndex={ui.current === id ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && ui.onFocus(id)}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          inputRef.current?.focus();
        } else ui.onKeyDown(id, e);
      }}
      style={{
        ...SIZE.computers,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        padding: 6,
        borderRadius: 6,
        border: '1px solid var(--colorNeutralStroke1)',
        background: 'var(--colorNeutralBackground1)',
        cursor: 'default',
        fontSize: 12,
      }}
    >
      <Handles />
      <strong style={{ fontSize: 12 }}>{`${s.name} protects ${plural(s.computers, 'computer', 'computers')}`}</strong>
      <SearchBox
        size="small"
        input={{ ref: inputRef }}
        aria-label={`Search the computers of ${s.name}`}
        placeholder="Search"
        value={search}
        onChange={(_, d) => ui.setListSearch(s.serverId, d.value)}
      />
      <span aria-live="polite" style={{ color: 'var(--colorNeutralForeground3)' }}>
        {total === undefined ? 'Loading…' : `${rows.length} of ${plural(total, 'computer', 'computers')}`}
      </span>
      <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0, overflow: 'auto', flex: 1 }}>
        {rows.map((c) => (
          <li
            key={c.id}
            data-computer-id={c.id}
            style={{
              padding: '2px 6px',
              borderRadius: 4,
              whiteSpace: 'nowrap',
              background: c.id === ui.highlight ? 'var(--colorPaletteYellowBackground2)' : undefined,
              fontWeight: c.id === ui.highlight ? 600 : 400,
            }}
          >
            {c.name}
            {c.how === 'switched' ? ' (switched)' : ''}
          </li>
        ))}
      </ul>
      {list.isFetching && <Spinner size="extra-tiny" />}
      {list.hasNextPage && (
        <Button size="small" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          Show more computers
        </Button>
      )}
    </div>
  );
}

export const nodeTypes = { server: ServerNode, computer: ComputerNode, computers: ComputersNode };

export type RoutedEdgeType = Edge<{ points: Point[] }, 'routed'>;

/**
 * An edge along the route ELK drew for it: from the protector's box to the protected one's, with
 * right-angled bends around the boxes between them.
 */
function RoutedEdge({ data, markerEnd, style }: EdgeProps<RoutedEdgeType>) {
  const points = data?.points ?? [];
  const [first, ...rest] = points;
  if (!first) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return (
    <>
      <BaseEdge
        path={`M ${first.x} ${first.y} ${rest.map((p) => `L ${p.x} ${p.y}`).join(' ')}`}
        markerEnd={markerEnd}
        style={style}
      />
      {/* A straight line has no width: this transparent box gives the edge the area it is drawn in. */}
      <rect
        x={left - 1}
        y={top - 1}
        width={Math.max(...xs) - left + 2}
        height={Math.max(...ys) - top + 2}
        fill="transparent"
        pointerEvents="none"
      />
    </>
  );
}

export const edgeTypes = { routed: RoutedEdge };
