import { NavLink, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { topologyQuery } from '../../api/queries';
import { useConnectedServer } from '../../shell/server-context';
import { Panes, PaneTitle } from '../../shell/Panes';
import { ErrorState, Loading } from '../../components/states';

const cell = { border: '1px solid var(--colorNeutralStroke2)', padding: '4px 8px', textAlign: 'left' } as const;

/**
 * Protection topology: the estate drawn as the seed's figures (servers in rows by their place
 * in the chain, arrows from protector to protected) and the seed's table, with every rule
 * violation marked. Choosing a server connects the console to it.
 */
export function TopologyPage() {
  const topology = useQuery(topologyQuery());
  const { connect } = useConnectedServer();
  const navigate = useNavigate();
  if (topology.isPending) return <Loading label="Analysing the estate…" />;
  if (topology.isError) return <ErrorState error={topology.error} />;
  const t = topology.data;

  // Rows: protected computers at the bottom, then each server one row above what it protects.
  const level = new Map<string, number>();
  const depth = (id: string, seen: Set<string>): number => {
    if (level.has(id)) return level.get(id) as number;
    if (seen.has(id)) return 1;
    seen.add(id);
    const below = t.edges.filter((e) => e.from === id && e.kind === 'secondary').map((e) => depth(e.to, seen));
    const d = below.length ? Math.max(...below) + 1 : 1;
    level.set(id, d);
    return d;
  };
  for (const s of t.servers) depth(s.serverId, new Set());
  const computers = [...new Set(t.edges.filter((e) => e.kind === 'primary' || e.kind === 'switched').map((e) => e.to))];
  const maxLevel = Math.max(1, ...level.values());
  const rows: { id: string; name: string; kind: 'server' | 'computer' }[][] = Array.from({ length: maxLevel + 1 }, () => []);
  for (const s of t.servers) rows[maxLevel - (level.get(s.serverId) ?? 1)]?.push({ id: s.serverId, name: s.name, kind: 'server' });
  for (const c of computers) rows[maxLevel]?.push({ id: c, name: t.edges.find((e) => e.to === c)?.toName ?? c, kind: 'computer' });
  const W = 130;
  const H = 90;
  const width = Math.max(...rows.map((r) => r.length), 1) * W + 40;
  const pos = new Map<string, { x: number; y: number }>();
  rows.forEach((r, i) => r.forEach((n, j) => pos.set(n.id, { x: 20 + j * W + (width - 40 - r.length * W) / 2 + W / 2, y: 30 + i * H })));
  const violated = new Set(t.violations.flatMap((v) => v.serverIds));

  return (
    <Panes
      display={
        <div style={{ padding: 12, overflow: 'auto' }}>
          <PaneTitle>Protection topology</PaneTitle>
          {t.violations.map((v, i) => (
            <MessageBar key={i} intent="error" role="alert" style={{ marginBottom: 6 }}>
              <MessageBarBody>
                <MessageBarTitle>{v.code}</MessageBarTitle>
                {v.message}
              </MessageBarBody>
            </MessageBar>
          ))}
          <svg role="img" aria-label="Protection topology diagram" width={width} height={(maxLevel + 1) * H + 20} style={{ display: 'block' }}>
            <defs>
              <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
              </marker>
            </defs>
            {t.edges
              .filter((e) => e.kind !== 'self')
              .map((e) => {
                const a = pos.get(e.to);
                const b = pos.get(e.from);
                if (!a || !b) return null;
                const cyclic = t.edges.some((f) => f.from === e.to && f.to === e.from);
                return (
                  <line
                    key={`${e.from}-${e.to}-${e.kind}`}
                    x1={a.x + (cyclic ? 8 : 0)}
                    y1={a.y - 16}
                    x2={b.x + (cyclic ? 8 : 0)}
                    y2={b.y + 16}
                    stroke={e.kind === 'switched' ? '#c50f1f' : '#605e5c'}
                    strokeDasharray={e.kind === 'switched' ? '6 3' : undefined}
                    markerEnd="url(#arrow)"
                  >
                    <title>{`${e.kind === 'secondary' ? 'secondary protection' : e.kind === 'switched' ? 'switched protection' : 'primary protection'}`}</title>
                  </line>
                );
              })}
            {[...pos.entries()].map(([id, p]) => {
              const node = rows.flat().find((n) => n.id === id);
              if (!node) return null;
              const server = t.servers.find((s) => s.serverId === id);
              return (
                <g
                  key={id}
                  role={node.kind === 'server' ? 'button' : undefined}
                  tabIndex={node.kind === 'server' ? 0 : undefined}
                  aria-label={node.kind === 'server' ? `Connect to ${node.name}` : node.name}
                  onClick={() => {
                    if (node.kind === 'server') {
                      connect(id);
                      navigate('/protection');
                    }
                  }}
                  onKeyDown={(e) => {
                    if (node.kind === 'server' && (e.key === 'Enter' || e.key === ' ')) {
                      connect(id);
                      navigate('/protection');
                    }
                  }}
                  style={{ cursor: node.kind === 'server' ? 'pointer' : 'default' }}
                >
                  <rect x={p.x - 50} y={p.y - 16} width={100} height={32} rx={node.kind === 'server' ? 4 : 16} fill={server?.failed ? '#fde7e9' : node.kind === 'server' ? '#deecf9' : '#f3f2f1'} stroke={violated.has(id) ? '#c50f1f' : '#8a8886'} strokeWidth={violated.has(id) ? 2 : 1} />
                  <text x={p.x} y={p.y + 5} textAnchor="middle" fontSize={13}>
                    {node.name}
                    {server?.failed ? ' (failed)' : ''}
                  </text>
                </g>
              );
            })}
          </svg>
          <table aria-label="Protection topology table" style={{ borderCollapse: 'collapse', fontSize: 13, marginTop: 12 }}>
            <thead>
              <tr>
                <th style={cell}>Server</th>
                <th style={cell}>Protecting</th>
                <th style={cell}>Protected by</th>
                <th style={cell}>Disaster recovery</th>
              </tr>
            </thead>
            <tbody>
              {t.servers.map((s) => (
                <tr key={s.serverId}>
                  <th scope="row" style={cell}>
                    {s.name}
                    {[s.primary ? ' (primary)' : '', s.secondary ? ' (secondary)' : ''].join('')}
                  </th>
                  <td style={cell}>{s.protecting.join(', ') || '-'}</td>
                  <td style={cell}>{s.protectedBy.join(', ') || '-'}</td>
                  <td style={cell}>
                    <NavLink to={`/servers/${s.serverId}`}>Server actions for {s.name}</NavLink>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {t.cycles.length > 0 && <p style={{ fontSize: 13 }}>Cyclic protection: {t.cycles.map((c) => c.join(' ⇄ ')).join('; ')}</p>}
        </div>
      }
    />
  );
}
