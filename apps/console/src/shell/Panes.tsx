import type { ReactNode } from 'react';
import { makeStyles, mergeClasses } from '@fluentui/react-components';

interface PanesProps {
  nav?: ReactNode;
  display: ReactNode;
  details?: ReactNode;
  actions?: ReactNode;
}

const useStyles = makeStyles({
  panes: {
    display: 'grid',
    gridTemplateColumns: '1fr 240px',
    gap: '6px',
    padding: '6px',
    height: '100%',
    minHeight: 0,
    boxSizing: 'border-box',
  },
  withNav: { gridTemplateColumns: '260px 1fr 240px' },
  middle: { display: 'grid', gridTemplateRows: '1fr', gap: '6px', minHeight: 0 },
  withDetails: { gridTemplateRows: 'minmax(0, 3fr) minmax(140px, 2fr)' },
  pane: {
    border: '1px solid var(--colorNeutralStroke2)',
    background: 'var(--colorNeutralBackground1)',
    minHeight: 0,
    overflow: 'auto',
  },
  display: { display: 'flex', flexDirection: 'column', overflow: 'hidden' },
  details: { padding: '12px' },
  actions: { padding: '8px' },
  hint: { color: 'var(--colorNeutralForeground3)', fontSize: '13px' },
  title: { fontSize: '14px', fontWeight: 600, margin: '8px 8px 6px' },
  detailsTitle: { margin: '0 0 8px', fontSize: '15px' },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: '16px',
    rowGap: '4px',
    margin: 0,
    fontSize: '13px',
  },
  field: { display: 'contents' },
  label: { fontWeight: 600 },
  value: { margin: 0 },
});

/** The DPM console's four panes, each a named region (console-terms.md › Shell). */
export function Panes({ nav, display, details, actions }: PanesProps) {
  const s = useStyles();
  return (
    <div className={mergeClasses(s.panes, Boolean(nav) && s.withNav)}>
      {nav && (
        <section role="region" aria-label="Navigation pane" className={s.pane}>
          {nav}
        </section>
      )}
      <div className={mergeClasses(s.middle, Boolean(details) && s.withDetails)}>
        <section role="region" aria-label="Display pane" className={mergeClasses(s.pane, s.display)}>
          {display}
        </section>
        {details && (
          // Focusable: long details scroll, and a keyboard must be able to scroll them too.
          <section role="region" aria-label="Details pane" tabIndex={0} className={mergeClasses(s.pane, s.details)}>
            {details}
          </section>
        )}
      </div>
      <section role="region" aria-label="Actions pane" className={mergeClasses(s.pane, s.actions)}>
        {actions ?? <p className={s.hint}>Select an item to see its actions.</p>}
      </section>
    </div>
  );
}

export function PaneTitle({ children }: { children: ReactNode }) {
  return <h2 className={useStyles().title}>{children}</h2>;
}

/** The heading of what the Details pane shows. */
export function DetailsTitle({ children }: { children: ReactNode }) {
  return <h3 className={useStyles().detailsTitle}>{children}</h3>;
}

/** A label/value list for the Details pane. */
export function Fields({ items }: { items: [string, ReactNode][] }) {
  const s = useStyles();
  return (
    <dl className={s.fields}>
      {items.map(([k, v]) => (
        <div key={k} className={s.field}>
          <dt className={s.label}>{k}</dt>
          <dd className={s.value}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
