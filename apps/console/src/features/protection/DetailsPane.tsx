import { useQuery } from '@tanstack/react-query';
import { DetailsTitle, Fields } from '../../shell/Panes';
import { Empty } from '../../components/states';
import { formatTime } from '../../shell/format';
import { memberQuery } from './queries';
import type { GroupRow, MemberDetail, MemberRow } from './types';

/** The Details pane: the selected member, else the selected group, else what to do. */
export function DetailsPane({ serverId, member, group }: { serverId: string; member?: MemberRow; group?: GroupRow }) {
  if (member) return <MemberDetailsLoader serverId={serverId} row={member} />;
  if (group) return <GroupDetails group={group} />;
  return <Empty>Select a member to see its protection.</Empty>;
}

function MemberDetailsLoader({ serverId, row }: { serverId: string; row: MemberRow }) {
  const details = useQuery(memberQuery(serverId, row.id));
  return <MemberDetails row={row} details={details.data} />;
}

function GroupDetails({ group }: { group: GroupRow }) {
  return (
    <div>
      <DetailsTitle>{group.name}</DetailsTitle>
      <Fields
        items={[
          ['Members', String(group.members)],
          ['Data protection method', group.methods.join(', ') || 'none'],
          ['Replica creation method', group.replicaCreation],
        ]}
      />
    </div>
  );
}

function protecting(row: MemberRow): string {
  if (!row.sourceServer) return 'the data source directly';
  return `the replica held by ${row.sourceServer}${row.switched ? ' (switched: protected directly)' : ''}`;
}

function recoveryPoints({ recoveryPoints: p }: MemberDetail): string {
  return (
    `${p.disk} on disk, ${p.tape} on tape, ${p.online} online; from ` +
    `${formatTime(p.oldest)} to ${formatTime(p.latest)}`
  );
}

/** The Details pane of a member; what its details add shows "…" until they arrive. */
export function MemberDetails({ row, details }: { row: MemberRow; details: MemberDetail | undefined }) {
  return (
    <div>
      <DetailsTitle>
        {row.dataSource} on {row.computer}
      </DetailsTitle>
      <Fields
        items={[
          ['Protection Status', row.status],
          ['Protection group', row.group ?? 'Inactive'],
          ['Replica Path', row.replicaPath],
          ['Protecting', protecting(row)],
          ['Recovery points', details ? recoveryPoints(details) : '…'],
          ['Last synchronization', details ? formatTime(details.lastSyncAt) : '…'],
          ['Disk allocation', details ? `${details.allocatedGb} GB for ${details.sizeGb} GB of data` : '…'],
          ['Protected by', details ? details.protectedBy.join(', ') || 'no secondary DPM server' : '…'],
        ]}
      />
    </div>
  );
}
