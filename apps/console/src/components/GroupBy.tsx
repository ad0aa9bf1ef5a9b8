import { Dropdown, Option } from '@fluentui/react-components';

/** The **Group by** choice of a list (Alerts, Jobs, Protection). */
export function GroupBy<T extends string>({ options, value, onChange, minWidth = 170 }: { options: readonly T[]; value: T; onChange: (value: T) => void; minWidth?: number }) {
  return (
    <label style={{ fontSize: 13, display: 'flex', alignItems: 'center', gap: 6 }}>
      Group by
      <Dropdown aria-label="Group by" value={value} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(d.optionValue as T)} style={{ minWidth }}>
        {options.map((g) => (
          <Option key={g} value={g}>
            {g}
          </Option>
        ))}
      </Dropdown>
    </label>
  );
}
