import { useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, SearchBox, Text } from '@fluentui/react-components';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { VirtualTable } from '../../components/VirtualTable';
import { ErrorState } from '../../components/states';
import { protectsQuery } from './queries';
import { usePageStyles } from './page-styles';

export interface ProtectsCounts {
  /** Names of the DPM servers it protects. */
  servers: string[];
  /** How many computers it protects directly. */
  computers: number;
  /** Their names when the server sent them all (few of them). */
  computerNames: string[];
}

const HOW = { primary: 'Primary', switched: 'Switched (Switch Disaster Protection)', secondary: 'Secondary' } as const;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What a DPM server protects, as it reads in a sentence: every name when there are few
 * ("DS1, DS2, PS3"); otherwise the servers by name and the computers counted, the count opening
 * the whole list, searched and paged on the server.
 */
export function ProtectsSummary({
  serverId,
  name,
  protects,
  empty = '-',
}: {
  serverId: string;
  name: string;
  protects: ProtectsCounts;
  empty?: string;
}) {
  const styles = usePageStyles();
  const [open, setOpen] = useState(false);
  if (protects.computerNames.length === protects.computers) {
    return <>{[...protects.servers, ...protects.computerNames].sort().join(', ') || empty}</>;
  }
  return (
    <>
      {protects.servers.length > 0 && `${protects.servers.join(', ')} and `}
      <Button
        appearance="transparent"
        size="small"
        className={styles.linkButton}
        aria-label={`${plural(protects.computers, 'computer', 'computers')} protected by ${name}`}
        onClick={() => setOpen(true)}
      >
        {plural(protects.computers, 'computer', 'computers')}
      </Button>
      {open && <ProtectsDialog serverId={serverId} name={name} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The whole list of what a server protects, by name: searched and paged on the server. */
export function ProtectsDialog({ serverId, name, onClose }: { serverId: string; name: string; onClose: () => void }) {
  const [search, setSearch] = useState('');
  const list = useInfiniteQuery(protectsQuery(serverId, search.trim()));
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  return (
    <ConfirmDialog title={`${name} protects`} cancel="Close" onClose={onClose} stacked size="wide">
      <SearchBox
        aria-label={`Search what ${name} protects`}
        placeholder="Search by name"
        value={search}
        onChange={(_, d) => setSearch(d.value)}
      />
      <Text size={200} aria-live="polite">
        {total === undefined
          ? 'Loading…'
          : `${plural(total, 'match', 'matches')}${search.trim() ? ` for “${search.trim()}”` : ''}`}
      </Text>
      {list.isError && <ErrorState error={list.error} />}
      <VirtualTable
        label={`What ${name} protects`}
        rows={rows}
        total={total}
        getId={(r) => r.id}
        height="360px"
        onEndReached={() => {
          if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
        }}
        columns={[
          { key: 'name', header: 'Name', width: '2fr', render: (r) => r.name },
          {
            key: 'kind',
            header: 'Kind',
            width: '1fr',
            render: (r) => (r.kind === 'server' ? 'DPM server' : 'Computer'),
          },
          { key: 'how', header: 'Protection', width: '2fr', render: (r) => HOW[r.how] },
        ]}
      />
    </ConfirmDialog>
  );
}
