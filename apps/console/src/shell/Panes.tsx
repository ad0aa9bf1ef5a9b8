import type { ReactNode } from 'react';

interface PanesProps {
  nav?: ReactNode;
  display: ReactNode;
  details?: ReactNode;
  actions?: ReactNode;
}

const pane = {
  border: '1px solid var(--colorNeutralStroke2)',
  background: 'var(--colorNeutralBackground1)',
  minHeight: 0,
  overflow: 'auto',
} as const;

/** The DPM console's four panes, each a named region (console-terms.md › Shell). */
export function Panes({ nav, display, details, actions }: PanesProps) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: `${nav ? '260px ' : ''}1fr 240px`, gap: 6, padding: 6, height: '100%', minHeight: 0, boxSizing: 'border-box' }}>
      {nav && (
        <section role="region" aria-label="Navigation pane" style={pane}>
          {nav}
        </section>
      )}
      <div style={{ display: 'grid', gridTemplateRows: details ? 'minmax(0, 3fr) minmax(140px, 2fr)' : '1fr', gap: 6, minHeight: 0 }}>
        <section role="region" aria-label="Display pane" style={{ ...pane, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
          {display}
        </section>
        {details && (
          <section role="region" aria-label="Details pane" style={{ ...pane, padding: 12 }}>
            {details}
          </section>
        )}
      </div>
      <section role="region" aria-label="Actions pane" style={{ ...pane, padding: 8 }}>
        {actions ?? <p style={{ color: 'var(--colorNeutralForeground3)', fontSize: 13 }}>Select an item to see its actions.</p>}
      </section>
    </div>
  );
}

export function PaneTitle({ children }: { children: ReactNode }) {
  return <h2 style={{ fontSize: 14, fontWeight: 600, margin: '8px 8px 6px' }}>{children}</h2>;
}

/** A label/value list for the Details pane. */
export function Fields({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 16, rowGap: 4, margin: 0, fontSize: 13 }}>
      {items.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{k}</dt>
          <dd style={{ margin: 0 }}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
