import { Dropdown, Option, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  choice: { fontSize: '13px', display: 'flex', alignItems: 'center', gap: '6px' },
});

/** A labelled choice above a list: **Group by**, or a filter such as **Status** (with its "All"). */
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
      <Dropdown
        aria-label={label}
        value={value}
        selectedOptions={[value]}
        onOptionSelect={(_, d) => onChange(d.optionValue as T)}
        style={{ minWidth }}
      >
        {options.map((g) => (
          <Option key={g} value={g}>
            {g}
          </Option>
        ))}
      </Dropdown>
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
