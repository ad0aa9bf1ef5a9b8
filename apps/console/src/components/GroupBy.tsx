import { Select, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  choice: { fontSize: '13px', display: 'flex', alignItems: 'center', gap: '6px' },
});

/**
 * A labelled choice above a list: **Group by**, or a filter such as **Status** (with its "All"). A
 * drop-down list of the browser's own, as DPM's console has Windows' own: the keyboard, the list's
 * look and its reading by a screen reader are the platform's.
 */
export function Choice<T extends string>({
  label,
  options,
  value,
  onChange,
  minWidth = 170,
}: {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  minWidth?: number;
}) {
  const styles = useStyles();
  return (
    <label className={styles.choice}>
      {label}
      <Select aria-label={label} value={value} onChange={(_, d) => onChange(d.value as T)} style={{ minWidth }}>
        {options.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** The **Group by** choice of a list (Alerts, Jobs, Protection). */
export function GroupBy<T extends string>(props: {
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  minWidth?: number;
}) {
  return <Choice label="Group by" {...props} />;
}
