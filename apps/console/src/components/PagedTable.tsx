import { useMemo, type ReactNode } from 'react';
import { Empty, ErrorState, Loading } from './states';
import { VirtualTable, type VirtualTableProps } from './VirtualTable';

/** What a paged list's infinite query gives: pages of items with the list's total. */
export interface PagedQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: { pages: readonly { items: readonly T[]; total: number }[] };
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The rows of every page loaded so far, in the server's order. */
export function usePagedRows<T>(query: PagedQuery<T>): readonly T[] {
  const { data } = query;
  return useMemo(() => data?.pages.flatMap((p) => p.items) ?? [], [data]);
}

type PagedTableProps<T> = Omit<VirtualTableProps<T>, 'rows' | 'total' | 'onEndReached'> & {
  query: PagedQuery<T>;
  rows: readonly T[];
  /** The spinner's words while the first page loads. */
  loading: string;
  /** What an empty list says. */
  empty: ReactNode;
};

/**
 * A list paged by the server: loading, the error, the empty list's sentence, or the table, which
 * asks for the next page when its last row scrolls into view.
 */
export function PagedTable<T>({ query, rows, loading, empty, ...table }: PagedTableProps<T>) {
  const more = query.hasNextPage && !query.isFetchingNextPage;
  return (
    <>
      {query.isPending && <Loading label={loading} />}
      {query.isError && <ErrorState error={query.error} />}
      {query.data && rows.length === 0 && <Empty>{empty}</Empty>}
      {rows.length > 0 && (
        <VirtualTable
          {...table}
          rows={rows}
          total={query.data?.pages[0]?.total}
          onEndReached={more ? () => void query.fetchNextPage() : undefined}
        />
      )}
    </>
  );
}
