import { NavLink, useNavigate } from 'react-router';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Cell, PlainTable, RowHeader } from '../../components/PlainTable';
import { useConnectedServer } from '../../shell/server-context';
import { ProtectsSummary } from './Protects';
import { type TopologyData } from './queries';

const useStyles = makeStyles({
  table: { marginTop: tokens.spacingVerticalM },
  actions: { display: 'inline-flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** Seed 004's table: what each server protects (counted when it is many) and who protects it. */
export function TopologyTable({ t }: { t: TopologyData }) {
  const { connect } = useConnectedServer();
  const navigate = useNavigate();
  const styles = useStyles();
  return (
    <PlainTable
      label="Protection topology table"
      rules="all"
      className={styles.table}
      columns={['Server', 'Protecting', 'Protected by', 'Disaster recovery']}
    >
      {t.servers.map((s) => (
        <tr key={s.serverId}>
          <RowHeader>
            {s.name}
            {[s.primary ? ' (primary)' : '', s.secondary ? ' (secondary)' : ''].join('')}
          </RowHeader>
          <Cell>
            <ProtectsSummary
              serverId={s.serverId}
              name={s.name}
              protects={{
                servers: s.protectsServers,
                computers: s.computers,
                computerNames: s.computerList.map((c) => c.name),
              }}
            />
          </Cell>
          <Cell>{s.protectedBy.join(', ') || '-'}</Cell>
          <Cell>
            <span className={styles.actions}>
              <NavLink to={`/servers/${s.serverId}`}>Server actions for {s.name}</NavLink>
              <Button
                size="small"
                onClick={() => {
                  connect(s.serverId);
                  void navigate('/protection');
                }}
              >{`Connect to ${s.name}`}</Button>
            </span>
          </Cell>
        </tr>
      ))}
    </PlainTable>
  );
}
