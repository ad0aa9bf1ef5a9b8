import { Checkbox } from '@fluentui/react-components';
import { formatGb } from '../../shell/format';

const ITEM_CELL = {
  borderBottom: '1px solid var(--colorNeutralStroke2)',
  padding: '2px 8px',
  textAlign: 'left',
} as const;

/** The recoverable items of file data, each with its Recover checkbox. */
export function RecoverableItems({
  items,
  picked,
  onPick,
}: {
  items: { path: string; type: string; sizeGb: number }[];
  picked: string[];
  onPick: (picked: string[]) => void;
}) {
  return (
    <table aria-label="Recoverable items" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
      <thead>
        <tr>
          <th style={ITEM_CELL}>Recover</th>
          <th style={ITEM_CELL}>Name</th>
          <th style={ITEM_CELL}>Type</th>
          <th style={ITEM_CELL}>Size</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.path}>
            <td style={ITEM_CELL}>
              <Checkbox
                aria-label={`Recover ${i.path}`}
                checked={picked.includes(i.path)}
                onChange={(_, d) => onPick(d.checked ? [...picked, i.path] : picked.filter((p) => p !== i.path))}
              />
            </td>
            <td style={ITEM_CELL}>{i.path}</td>
            <td style={ITEM_CELL}>{i.type}</td>
            <td style={ITEM_CELL}>{formatGb(i.sizeGb)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
