import { createContext, useContext, type ReactNode, type TdHTMLAttributes } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', fontSize: '13px' },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '4px 8px',
    textAlign: 'left',
    verticalAlign: 'top',
  },
  compact: { padding: '3px 8px' },
  tight: { padding: '2px 8px' },
  all: { border: `1px solid ${tokens.colorNeutralStroke2}` },
  none: { borderBottom: 'none' },
  numeric: { textAlign: 'right' },
});

/** How close the rows of a plain table sit: 4 px above and below a cell, 3 (compact) or 2 (tight). */
export type Density = 'normal' | 'compact' | 'tight';
/** Which lines a plain table draws: under each row, around every cell, or none. */
export type Rules = 'rows' | 'all' | 'none';
interface Look {
  density: Density;
  rules: Rules;
}
const LookContext = createContext<Look>({ density: 'normal', rules: 'rows' });

/** The class of a cell of the plain table it is in. */
export function useCellClass(numeric = false): string {
  const styles = useStyles();
  const { density, rules } = useContext(LookContext);
  return mergeClasses(
    styles.cell,
    density === 'compact' && styles.compact,
    density === 'tight' && styles.tight,
    rules === 'all' && styles.all,
    rules === 'none' && styles.none,
    numeric && styles.numeric,
  );
}

/**
 * A plain table of small text (reports, dialogs, the readiness check): a header row of column
 * names, then the rows the caller writes with Cell and RowHeader. `columns` may give a node
 * rather than a name, and `numeric` columns are aligned right.
 */
export function PlainTable({
  label,
  columns,
  children,
  density = 'normal',
  rules = 'rows',
  className,
}: {
  label?: string;
  columns: readonly (string | { key: string; header: ReactNode; numeric?: boolean })[];
  children: ReactNode;
  density?: Density;
  rules?: Rules;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <LookContext.Provider value={{ density, rules }}>
      <table aria-label={label} className={mergeClasses(styles.table, className)}>
        <thead>
          <tr>
            {columns.map((c) =>
              typeof c === 'string' ? (
                <HeaderCell key={c}>{c}</HeaderCell>
              ) : (
                <HeaderCell key={c.key} numeric={c.numeric}>
                  {c.header}
                </HeaderCell>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </LookContext.Provider>
  );
}

function HeaderCell({ children, numeric }: { children: ReactNode; numeric?: boolean }) {
  const cell = useCellClass(numeric);
  return (
    <th scope="col" className={cell}>
      {children}
    </th>
  );
}

/** A cell of a plain table. */
export function Cell({ numeric, className, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  const cell = useCellClass(numeric);
  return <td {...props} className={mergeClasses(cell, className)} />;
}

/** The cell that names its row. */
export function RowHeader({ children }: { children: ReactNode }) {
  const cell = useCellClass();
  return (
    <th scope="row" className={cell}>
      {children}
    </th>
  );
}
