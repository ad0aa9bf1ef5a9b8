import { NavLink } from 'react-router';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { type TopologyFinding } from './queries';

/** The findings beside the drawing, each with its servers: shown in the drawing, and their actions. */
export function Findings({
  findings,
  nameOf,
  show,
}: {
  findings: TopologyFinding[];
  nameOf: (id: string) => string;
  show: (id: string) => void;
}) {
  return (
    <aside
      aria-label="Findings"
      style={{
        overflow: 'auto',
        minHeight: 0,
        border: '1px solid var(--colorNeutralStroke2)',
        borderRadius: 4,
        padding: 6,
      }}
    >
      <h3 style={{ fontSize: 13, margin: '2px 2px 6px' }}>Findings</h3>
      {findings.length === 0 && <Text size={200}>No rule is broken, and every primary has a secondary.</Text>}
      {findings.map((f, i) => (
        <MessageBar
          key={i}
          intent={f.severity === 'error' ? 'error' : 'warning'}
          role={f.severity === 'error' ? 'alert' : 'note'}
          layout="multiline"
          style={{ marginBottom: 6 }}
        >
          <MessageBarBody>
            <MessageBarTitle>{f.code}</MessageBarTitle>
            {f.message}
            <span style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }}>
              {[...new Set(f.serverIds)].map((id) => (
                <span key={id} style={{ display: 'inline-flex', gap: 6 }}>
                  <Button
                    appearance="transparent"
                    size="small"
                    style={{ padding: 0, minWidth: 0, textDecoration: 'underline' }}
                    onClick={() => show(id)}
                  >{`Show ${nameOf(id)}`}</Button>
                  <NavLink to={`/servers/${id}`}>{`${nameOf(id)} server actions`}</NavLink>
                </span>
              ))}
            </span>
          </MessageBarBody>
        </MessageBar>
      ))}
    </aside>
  );
}
