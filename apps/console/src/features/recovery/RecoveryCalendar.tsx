import { useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useLayoutStyles } from '../../components/layout';

/** One day in milliseconds: recovery points are grouped by their UTC day. */
export const DAY = 86_400_000;

const useStyles = makeStyles({
  calendar: { fontSize: tokens.fontSizeBase200 },
  month: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  days: {
    display: 'grid',
    gridTemplateColumns: 'repeat(7, 28px)',
    gap: tokens.spacingHorizontalXXS,
    textAlign: 'center',
  },
  day: {
    fontWeight: tokens.fontWeightRegular,
    border: '1px solid transparent',
    background: 'none',
    cursor: 'default',
    height: '24px',
  },
  /** A day that holds recovery points. */
  held: { fontWeight: tokens.fontWeightBold, cursor: 'pointer' },
  chosen: { border: `1px solid ${tokens.colorBrandStroke1}` },
});

/** A month calendar; days that hold recovery points are bold and selectable. */
export function Calendar({
  days,
  selected,
  onSelect,
}: {
  days: Set<number>;
  selected: number | null;
  onSelect: (day: number) => void;
}) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [month, setMonth] = useState(() => {
    const d = new Date(selected ?? Date.now());
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  });
  const first = new Date(month);
  const daysInMonth = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const offset = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [
    ...Array(offset).fill(null),
    ...Array.from({ length: daysInMonth }, (_, i) => month + i * DAY),
  ];
  const shift = (n: number) => setMonth(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + n, 1));
  return (
    <div role="group" aria-label="Recovery dates" className={styles.calendar}>
      <div className={styles.month}>
        <Button size="small" appearance="subtle" aria-label="Previous month" onClick={() => shift(-1)}>
          ‹
        </Button>
        <span>{first.toLocaleString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })}</span>
        <Button size="small" appearance="subtle" aria-label="Next month" onClick={() => shift(1)}>
          ›
        </Button>
      </div>
      <div className={styles.days}>
        {['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => (
          <span key={d} className={layout.muted}>
            {d}
          </span>
        ))}
        {cells.map((c, i) =>
          c === null ? (
            <span key={`e${i}`} />
          ) : (
            <button
              key={c}
              type="button"
              disabled={!days.has(c)}
              aria-pressed={selected === c}
              aria-label={
                `${new Date(c).toLocaleDateString('en-GB', {
                  day: 'numeric',
                  month: 'long',
                  year: 'numeric',
                  timeZone: 'UTC',
                })}` + `${days.has(c) ? ', has recovery points' : ''}`
              }
              onClick={() => onSelect(c)}
              className={mergeClasses(styles.day, days.has(c) && styles.held, selected === c && styles.chosen)}
            >
              {new Date(c).getUTCDate()}
            </button>
          ),
        )}
      </div>
    </div>
  );
}
