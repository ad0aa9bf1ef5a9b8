import { NavLink } from 'react-router';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { type TopologyFinding } from './queries';
import { usePageStyles } from './page-styles';

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
  const styles = usePageStyles();
  return (
    <aside aria-label="Findings" className={styles.findings}>
      <h3 className={styles.findingsTitle}>Findings</h3>
      {findings.length === 0 && <Text size={200}>No rule is broken, and every primary has a secondary.</Text>}
      {findings.map((f, i) => (
        <MessageBar
          key={i}
          intent={f.severity === 'error' ? 'error' : 'warning'}
          role={f.severity === 'error' ? 'alert' : 'note'}
          layout="multiline"
          className={styles.finding}
        >
          <MessageBarBody>
            <MessageBarTitle>{f.code}</MessageBarTitle>
            {f.message}
            <span className={styles.findingServers}>
              {[...new Set(f.serverIds)].map((id) => (
                <span key={id} className={styles.findingServer}>
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.linkButton}
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
