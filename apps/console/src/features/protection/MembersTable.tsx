import type { ReactNode } from 'react';
import { makeStyles, SearchBox } from '@fluentui/react-components';
import { PROTECTION_STATUSES } from '@dpm/domain/model';
import { Choice } from '../../components/GroupBy';
import { PagedTable } from '../../components/PagedTable';
import type { Column } from '../../components/VirtualTable';
import { formatTime } from '../../shell/format';
import { memberLabel, type MemberRow } from './types';
import type { ChosenMembers, GroupBy, Members } from './use-members';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: '8px', alignItems: 'center', padding: '6px' },
  title: { fontSize: '14px' },
  spacer: { flex: 1 },
});

const COLUMNS: Column<MemberRow>[] = [
  {
    key: 'ds',
    header: 'Data Source',
    width: 'minmax(180px, 2fr)',
    sortKey: 'dataSource',
    render: (r) => memberLabel(r),
  },
  { key: 'computer', header: 'Computer', width: '120px', sortKey: 'computer', render: (r) => r.computer },
  {
    key: 'status',
    header: 'Protection Status',
    width: 'minmax(170px, 1fr)',
    sortKey: 'status',
    render: (r) => r.status,
  },
  {
    key: 'path',
    header: 'Replica Path',
    width: 'minmax(160px, 1.5fr)',
    sortKey: 'replicaPath',
    render: (r) => r.replicaPath,
  },
  {
    key: 'rp',
    header: 'Last Recovery Point',
    width: '170px',
    sortKey: 'lastRecoveryPoint',
    render: (r) => formatTime(r.lastRecoveryPoint),
  },
];

/** Above the list: what it shows, the Protection Status filter and the search. */
export function MembersToolbar({ title, members }: { title: string; members: Members }) {
  const styles = useStyles();
  return (
    <div className={styles.toolbar}>
      <strong className={styles.title}>{title}</strong>
      <span className={styles.spacer} />
      <Choice
        label="Protection Status"
        options={['All', ...PROTECTION_STATUSES] as const}
        value={members.status}
        onChange={members.setStatus}
        minWidth={200}
      />
      <SearchBox
        aria-label="Search members"
        placeholder="Search data source or computer"
        value={members.search}
        onChange={(_, d) => members.setSearch(d.value)}
      />
    </div>
  );
}

interface MembersTableProps {
  members: Members;
  chosen: ChosenMembers;
  groupBy: GroupBy;
  /** What the list says when nothing is in it. */
  empty: string;
  /** A row's context menu. */
  menu: (row: MemberRow) => ReactNode;
}

/** The Display pane's members, several of which can be selected, grouped when sorted by group. */
export function MembersTable({ members, chosen, groupBy, empty, menu }: MembersTableProps) {
  const byGroup = (r: MemberRow) => (groupBy === 'Computer' ? r.computer : (r.group ?? 'Inactive'));
  return (
    <PagedTable
      query={members.query}
      rows={members.rows}
      loading="Loading members…"
      empty={empty}
      label="Protected members"
      getId={(r) => r.id}
      columns={COLUMNS}
      selectedId={chosen.selectedId}
      selectedIds={chosen.chosen}
      onSelect={chosen.pick}
      sort={members.sort}
      onSort={members.toggleSort}
      groupOf={members.sort.key === 'group' ? byGroup : undefined}
      menu={menu}
    />
  );
}
