import { useMemo, useState } from 'react';
import { useInfiniteQuery, infiniteQueryOptions } from '@tanstack/react-query';
import { Button, Dropdown, Input, Option } from '@fluentui/react-components';
import { api, unwrap } from '../../api/client';
import { Fields, Panes, PaneTitle } from '../../shell/Panes';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { Empty, ErrorState, Loading } from '../../components/states';
import { formatTime } from '../../shell/format';
import { useLayoutStyles } from '../../components/layout';

type Outcome = 'success' | 'refused' | 'error';
interface Filter {
  actor: string;
  outcome: Outcome | '';
  search: string;
}

const auditQuery = (f: Filter) =>
  infiniteQueryOptions({
    queryKey: ['audit', f],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.audit.$get({
          query: {
            actor: f.actor || undefined,
            outcome: f.outcome || undefined,
            search: f.search || undefined,
            before: pageParam,
            limit: '100',
          },
        }),
      ),
    getNextPageParam: (last) => (last.nextBefore === null ? undefined : String(last.nextBefore)),
  });

/** Monitoring › Audit log: who did what, on which object, when, from where, and how it ended. */
export function AuditLog() {
  const layout = useLayoutStyles();
  const [filter, setFilter] = useState<Filter>({ actor: '', outcome: '', search: '' });
  const audit = useInfiniteQuery(auditQuery(filter));
  const [selected, setSelected] = useState<number | null>(null);
  const rows = useMemo(() => audit.data?.pages.flatMap((p) => p.items) ?? [], [audit.data]);
  type Row = (typeof rows)[number];
  const entry = rows.find((r) => r.id === selected);
  const columns: Column<Row>[] = [
    { key: 'at', header: 'Time (UTC)', width: '170px', render: (r) => formatTime(r.at) },
    { key: 'actor', header: 'User', width: '110px', render: (r) => r.actor },
    { key: 'action', header: 'Action', width: 'minmax(160px, 1fr)', render: (r) => r.action },
    { key: 'target', header: 'Object', width: 'minmax(140px, 1fr)', render: (r) => r.target },
    { key: 'outcome', header: 'Outcome', width: '90px', render: (r) => r.outcome },
    { key: 'code', header: 'Rule code', width: '160px', render: (r) => r.code ?? '' },
  ];
  const csv = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '') as [string, string][]).toString();
  return (
    <Panes
      nav={
        <div className={layout.panel}>
          <PaneTitle>Audit log</PaneTitle>
          <Input
            aria-label="User"
            placeholder="User"
            value={filter.actor}
            onChange={(_, d) => setFilter({ ...filter, actor: d.value })}
          />
          <Dropdown
            aria-label="Outcome"
            placeholder="Any outcome"
            value={filter.outcome}
            selectedOptions={[filter.outcome]}
            onOptionSelect={(_, d) => setFilter({ ...filter, outcome: (d.optionValue ?? '') as Outcome | '' })}
          >
            <Option value="">Any outcome</Option>
            <Option value="success">success</Option>
            <Option value="refused">refused</Option>
            <Option value="error">error</Option>
          </Dropdown>
          <Input
            aria-label="Search the audit log"
            placeholder="Action, object or detail"
            value={filter.search}
            onChange={(_, d) => setFilter({ ...filter, search: d.value })}
          />
          <Button as="a" href={`/api/audit.csv${csv ? `?${csv}` : ''}`} download="dpm-audit.csv">
            Export as CSV
          </Button>
        </div>
      }
      display={
        <>
          {audit.isPending && <Loading label="Loading the audit log…" />}
          {audit.isError && <ErrorState error={audit.error} />}
          {audit.data && rows.length === 0 && <Empty>No audit entry matches.</Empty>}
          {rows.length > 0 && (
            <VirtualTable
              label="Audit log"
              rows={rows}
              getId={(r) => String(r.id)}
              columns={columns}
              selectedId={selected === null ? null : String(selected)}
              onSelect={(r) => setSelected(r.id)}
              onEndReached={
                audit.hasNextPage && !audit.isFetchingNextPage ? () => void audit.fetchNextPage() : undefined
              }
            />
          )}
        </>
      }
      details={
        entry ? (
          <Fields
            items={[
              ['Time (UTC)', formatTime(entry.at)],
              ['Simulated time', formatTime(entry.simulatedAt)],
              ['User', entry.actor],
              ['From', entry.address ?? '—'],
              ['Action', entry.action],
              ['Object', entry.target],
              ['Outcome', entry.outcome + (entry.code ? ` (${entry.code})` : '')],
              ['Detail', entry.detail],
            ]}
          />
        ) : (
          <Empty>Select an entry to see its details.</Empty>
        )
      }
    />
  );
}
