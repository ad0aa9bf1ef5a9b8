import { BaseEdge, type Edge, type EdgeProps, type NodeProps } from '@xyflow/react';
import { SIZE, type Point } from './model';
import { focusable, Handles, nameFits, plural, useUi, type ComputerNodeType, type ServerNodeType } from './node-parts';
import { ComputersNode } from './ComputersNode';

export { TopologyContext, type TopologyUi } from './node-parts';
export type { ComputerNodeType, ComputersNodeType, ServerNodeType } from './node-parts';

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
