import type { ReactNode } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100%' },
  header: { display: 'flex', alignItems: 'center', padding: `0 ${tokens.spacingHorizontalM}` },
  spacer: { flex: 1 },
  body: { flex: 1, minHeight: 0 },
});

/**
 * A work area with tabs (Monitoring, Management, Recovery): the tab list in a header row, with
 * what `aside` holds at its right end, over the tab shown, which takes the rest of the height.
 */
export function TabbedPage({ tabs, aside, children }: { tabs: ReactNode; aside?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <div className={styles.header}>
        {tabs}
        {aside && (
          <>
            <span className={styles.spacer} />
            {aside}
          </>
        )}
      </div>
      <div className={styles.body}>{children}</div>
    </div>
  );
}
