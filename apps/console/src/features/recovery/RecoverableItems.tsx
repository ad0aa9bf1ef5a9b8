import { Checkbox } from '@fluentui/react-components';
import { formatGb } from '../../shell/format';
import { Cell, PlainTable } from '../../components/PlainTable';

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
    <PlainTable label="Recoverable items" density="tight" columns={['Recover', 'Name', 'Type', 'Size']}>
      {items.map((i) => (
        <tr key={i.path}>
          <Cell>
            <Checkbox
              aria-label={`Recover ${i.path}`}
              checked={picked.includes(i.path)}
              onChange={(_, d) => onPick(d.checked ? [...picked, i.path] : picked.filter((p) => p !== i.path))}
            />
          </Cell>
          <Cell>{i.path}</Cell>
          <Cell>{i.type}</Cell>
          <Cell>{formatGb(i.sizeGb)}</Cell>
        </tr>
      ))}
    </PlainTable>
  );
}
