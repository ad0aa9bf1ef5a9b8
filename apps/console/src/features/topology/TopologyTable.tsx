import { NavLink, useNavigate } from 'react-router';
import { Button } from '@fluentui/react-components';
import { useConnectedServer } from '../../shell/server-context';
import { ProtectsSummary } from './Protects';
import { type TopologyData } from './queries';

const cell = {
  border: '1px solid var(--colorNeutralStroke2)',
  padding: '4px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

/** Seed 004's table: what each server protects (counted when it is many) and who protects it. */
export function TopologyTable({ t }: { t: TopologyData }) {
  const { connect } = useConnectedServer();
  const navigate = useNavigate();
  return (
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
            <td style={cell}>
              <ProtectsSummary
                serverId={s.serverId}
                name={s.name}
                protects={{
                  servers: s.protectsServers,
                  computers: s.computers,
                  computerNames: s.computerList.map((c) => c.name),
                }}
              />
            </td>
            <td style={cell}>{s.protectedBy.join(', ') || '-'}</td>
            <td style={cell}>
              <span style={{ display: 'inline-flex', gap: 12, alignItems: 'center' }}>
                <NavLink to={`/servers/${s.serverId}`}>Server actions for {s.name}</NavLink>
                <Button
                  size="small"
                  onClick={() => {
                    connect(s.serverId);
                    void navigate('/protection');
                  }}
                >{`Connect to ${s.name}`}</Button>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
