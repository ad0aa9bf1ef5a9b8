import type { Estate, JobType } from '../model';
import { rowOf } from '../table-index';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import type { Cell, ReportDocument } from './document';
import { addAt, round2 } from './document';
import { bucketOf } from './period';
import type { ReportOptions } from './scope';
import { byGroup, documentOf, groupKey, jobsIn, memberNames, scopeOf, within } from './scope';

const RECOVERY_JOBS = new Set<JobType>(['Disk recovery', 'Tape recovery']);

/**
 * Recovery (DPM's Recovery report): the recoveries run in the period, how many succeeded and
 * failed, the data they recovered and the time each took.
 */
export function recoveryReport(estate: Estate, opts: ReportOptions): ReportDocument | DomainError {
  const scope = scopeOf(estate, opts);
  if (isDomainError(scope)) return scope;
  const n = scope.range.buckets.length;
  const succeededPer = new Array<number>(n).fill(0);
  const failedPer = new Array<number>(n).fill(0);
  const rows: Cell[][] = [];
  let succeeded = 0;
  let failed = 0;
  let gb = 0;
  let took = 0;
  let finished = 0;
  for (const j of jobsIn(scope, 'type', [...RECOVERY_JOBS])) {
    if (!within(scope, j.startedAt ?? j.scheduledAt)) continue;
    const start = j.startedAt ?? j.scheduledAt;
    const b = bucketOf(scope.range, start);
    if (j.status === 'Completed') {
      succeeded += 1;
      gb += j.transferredGb;
      addAt(succeededPer, b);
    } else if (j.status === 'Failed') {
      failed += 1;
      addAt(failedPer, b);
    }
    const duration = j.finishedAt !== null && j.startedAt !== null ? j.finishedAt - j.startedAt : null;
    if (duration !== null) {
      took += duration;
      finished += 1;
    }
    // A recovery job names its recovery point; the point's replica is in the group.
    const rp = j.params.recoveryPointId ? rowOf(estate, 'recoveryPoints', j.params.recoveryPointId) : undefined;
    const groupId = j.groupId ?? (rp?.replicaId ? (estate.replicas[rp.replicaId]?.groupId ?? null) : null);
    const key = groupKey(
      scope,
      { groupId, serverId: j.serverId, dataSourceId: j.dataSourceId ?? '' },
      'No protection group',
    );
    const { dataSource, computer } = memberNames(estate, { dataSourceId: j.dataSourceId ?? '', sourceServerId: null });
    rows.push([
      key,
      dataSource,
      computer,
      estate.servers[j.serverId]?.name ?? j.serverId,
      j.params.recoveryType ?? j.type,
      j.status,
      start,
      duration,
      round2(j.transferredGb),
      j.error?.message ?? null,
    ]);
  }
  const header = opts.groupBy === 'Computer' ? 'Computer' : 'Protection group';
  return documentOf(scope, 'recovery', [
    {
      kind: 'facts',
      id: 'summary',
      title: 'Summary',
      items: [
        { label: 'Recoveries run', value: rows.length, kind: 'number' },
        { label: 'Succeeded', value: succeeded, kind: 'number' },
        { label: 'Failed', value: failed, kind: 'number' },
        { label: 'Data recovered', value: round2(gb), kind: 'gb' },
        { label: 'Average time taken', value: finished === 0 ? null : Math.round(took / finished), kind: 'duration' },
      ],
    },
    {
      kind: 'chart',
      id: 'recoveries',
      title: 'Recoveries succeeded and failed',
      description: 'Recoveries that succeeded and failed in each part of the period.',
      unit: 'number',
      buckets: scope.range.buckets,
      series: [
        { name: 'Succeeded', values: succeededPer },
        { name: 'Failed', values: failedPer },
      ],
    },
    {
      kind: 'table',
      id: 'recoveries-list',
      title: 'Recoveries',
      columns: [
        { key: 'group', header, kind: 'text' },
        { key: 'dataSource', header: 'Data source', kind: 'text' },
        { key: 'computer', header: 'Computer', kind: 'text' },
        { key: 'server', header: 'DPM server', kind: 'text' },
        { key: 'type', header: 'Recovery type', kind: 'text' },
        { key: 'status', header: 'Status', kind: 'text' },
        { key: 'start', header: 'Start Time', kind: 'time' },
        { key: 'took', header: 'Time taken', kind: 'duration' },
        { key: 'data', header: 'Data recovered', kind: 'gb' },
        { key: 'error', header: 'Error', kind: 'text' },
      ],
      rows: byGroup(rows),
      groupColumn: 0,
      empty: 'No recovery ran in this period.',
    },
  ]);
}
