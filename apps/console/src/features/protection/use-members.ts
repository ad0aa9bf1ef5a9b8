import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ProtectionStatus } from '@dpm/domain/model';
import { usePagedRows } from '../../components/PagedTable';
import type { SelectHow } from '../../components/VirtualTable';
import { membersQuery, type MemberFilter, type MemberSort } from './queries';
import type { MemberRow } from './types';

/** What the Navigation pane has selected: every group, one group, or Inactive Protection. */
export type Selection = { kind: 'all' } | { kind: 'group'; groupId: string } | { kind: 'inactive' };
export type GroupBy = 'Protection group' | 'Computer';
export type MemberStatusFilter = ProtectionStatus | 'All';

/**
 * The Display pane's list of members: what the Navigation pane selected, searched, filtered by
 * status and sorted, all by the server, page after page.
 */
export function useMembers(serverId: string, selection: Selection, groupBy: GroupBy) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<MemberStatusFilter>('All');
  const [sort, setSort] = useState<{ key: MemberSort; dir: 'asc' | 'desc' }>({ key: 'group', dir: 'asc' });
  const filter: MemberFilter = {
    groupId: selection.kind === 'group' ? selection.groupId : undefined,
    inactive: selection.kind === 'inactive',
    search,
    status: status === 'All' ? undefined : status,
    // Sorted by group while grouped by computer: the server's order by computer heads the groups.
    sort: sort.key === 'group' && groupBy === 'Computer' ? 'computer' : sort.key,
    dir: sort.dir,
  };
  const query = useInfiniteQuery(membersQuery(serverId, filter));
  const rows = usePagedRows(query);
  const toggleSort = (key: string) =>
    setSort((s) => ({ key: key as MemberSort, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));
  return {
    query,
    rows,
    search,
    setSearch,
    status,
    setStatus,
    sort,
    toggleSort,
    filtered: search !== '' || status !== 'All',
  };
}

export type Members = ReturnType<typeof useMembers>;

/**
 * The members chosen in the list, as in DPM's lists: one row, Ctrl to add or remove one, Shift
 * for a range from the row the selection started at. `selectedId` is the focused row, whose
 * details show.
 */
export function useChosenMembers(rows: readonly MemberRow[]) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const pick = (row: MemberRow, how: SelectHow = 'only') => {
    if (how === 'toggle') {
      const next = new Set(chosen);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      setChosen(next);
    } else if (how === 'range') {
      const from = rows.findIndex((r) => r.id === selectedId);
      const to = rows.findIndex((r) => r.id === row.id);
      const [a, b] = from < 0 ? [to, to] : [Math.min(from, to), Math.max(from, to)];
      setChosen(new Set([...chosen, ...rows.slice(a, b + 1).map((r) => r.id)]));
      // The anchor stays where the range started.
      return;
    } else {
      setChosen(new Set([row.id]));
    }
    setSelectedId(row.id);
  };
  /** Selects one member by id (from the Navigation pane), or none. */
  const only = (replicaId: string | null) => {
    setSelectedId(replicaId);
    setChosen(new Set(replicaId === null ? [] : [replicaId]));
  };
  const selected = rows.find((r) => r.id === selectedId);
  const many = rows.filter((r) => chosen.has(r.id));
  return { selectedId, chosen, selected, many, pick, only };
}

export type ChosenMembers = ReturnType<typeof useChosenMembers>;
