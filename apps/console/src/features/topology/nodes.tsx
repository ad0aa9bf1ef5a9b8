import { BaseEdge, type Edge, type EdgeProps, type NodeProps } from '@xyflow/react';
import { SIZE, type Point } from './model';
import { focusable, Handles, nameFits, plural, useUi, type ComputerNodeType, type ServerNodeType } from './node-parts';
import { ComputersNode } from './ComputersNode';
import { mergeClasses } from '@fluentui/react-components';
import { useNodeStyles } from './node-styles';

export { TopologyContext, type TopologyUi } from './node-parts';
export type { ComputerNodeType, ComputersNodeType, ServerNodeType } from './node-parts';

export function ServerNode({ id, data }: NodeProps<ServerNodeType>) {
  const ui = useUi();
  const styles = useNodeStyles();
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
  return (
    <div
      role="button"
      aria-haspopup="menu"
      aria-label={s.name}
      aria-description={description}
      className={mergeClasses(
        'topology-node',
        styles.server,
        findings.length > 0 && (errors.length > 0 ? styles.broken : styles.warned),
        s.failed && styles.failed,
      )}
      {...focusable(ui, id)}
      style={SIZE.server}
    >
      <Handles />
      <span className={mergeClasses('topology-name', styles.serverName)} style={nameFits(s.name, SIZE.server.width)}>
        {s.name}
        {s.failed ? ' (failed)' : ''}
      </span>
      <span className={mergeClasses('topology-detail topology-detail-text', styles.serverDetail)}>
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
          className={mergeClasses('topology-detail', styles.badge, errors.length > 0 && styles.badgeError)}
        >
          ⚠ {findings.length}
        </span>
      )}
    </div>
  );
}

export function ComputerNode({ id, data }: NodeProps<ComputerNodeType>) {
  const ui = useUi();
  const styles = useNodeStyles();
  return (
    <div
      role="button"
      aria-haspopup="menu"
      aria-label={data.name}
      aria-description={`computer protected by ${ui.protectorsOf(id).join(', ')}`}
      className={mergeClasses('topology-node', styles.computer)}
      {...focusable(ui, id)}
      style={SIZE.computer}
    >
      <Handles />
      <span
        className={mergeClasses('topology-name', styles.computerName)}
        style={nameFits(data.name, SIZE.computer.width)}
      >
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
