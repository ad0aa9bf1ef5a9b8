import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { VirtualTable, type VirtualTableProps } from './VirtualTable';
import { Empty, ErrorState, Loading } from './states';

/**
 * A list read by one query, shown as a VirtualTable: a spinner while it loads, the error if it
 * failed, `empty` when it has no row (without `empty`, an empty table), then its rows. With
 * `className`, the table is wrapped in a box of that class (to size it in a column).
 */
export function QueryTable<T>({
  query,
  loading,
  empty,
  className,
  ...table
}: Omit<VirtualTableProps<T>, 'rows'> & {
  query: UseQueryResult<readonly T[]>;
  /** What the spinner says: "Loading agents…". */
  loading: string;
  empty?: ReactNode;
  className?: string;
}) {
  const rows = query.data;
  const shown = rows !== undefined && (rows.length > 0 || empty === undefined);
  const grid = shown ? <VirtualTable rows={rows} {...table} /> : null;
  return (
    <>
      {query.isPending && <Loading label={loading} />}
      {query.isError && <ErrorState error={query.error} />}
      {empty !== undefined && rows?.length === 0 && <Empty>{empty}</Empty>}
      {grid && className ? <div className={className}>{grid}</div> : grid}
    </>
  );
}
