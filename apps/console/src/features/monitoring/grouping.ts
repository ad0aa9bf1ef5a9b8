/**
 * Group by for the Monitoring lists: rows sorted by their group (in `order` first, then by name,
 * "(none)" groups last), keeping the server's order (newest first) inside each group.
 */
export function groupRows<T>(rows: readonly T[], groupOf: ((row: T) => string) | null, order: readonly string[] = []): T[] {
  if (!groupOf) return [...rows];
  const rank = (label: string) => {
    const i = order.indexOf(label);
    if (i >= 0) return i;
    return label.startsWith('(') ? order.length + 1 : order.length;
  };
  return rows
    .map((row, index) => ({ row, index, label: groupOf(row) }))
    .sort((a, b) => rank(a.label) - rank(b.label) || a.label.localeCompare(b.label) || a.index - b.index)
    .map((x) => x.row);
}

export const SEVERITY_ORDER = ['Critical', 'Warning', 'Information'] as const;
export const ALERT_STATE_ORDER = ['Active', 'Inactive'] as const;
export const JOB_STATUS_ORDER = ['In progress', 'Scheduled', 'Failed', 'Canceled', 'Completed'] as const;
