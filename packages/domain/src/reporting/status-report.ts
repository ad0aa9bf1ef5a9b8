import type { Estate, JobType } from '../model';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import type { Cell, ReportDocument } from './document';
import { addAt, round2 } from './document';
import { bucketOf } from './period';
import type { ReportOptions } from './scope';
import {
  byGroup,
  compareText,
  documentOf,
  groupKey,
  jobsIn,
  memberNames,
  pointsOfReplicas,
  replicasIn,
  scopeOf,
  within,
} from './scope';
import { dpmdbBackups, tapeSetsByDataSource } from './dpmdb-backups';
import { tableBuilder } from './table';

/** The jobs whose failure is a recovery point that was not created (DPM's Status report counts them). */
const RECOVERY_POINT_JOBS = new Set<JobType>(['Recovery point', 'Express full backup', 'Tape backup']);

function rate(created: number, failed: number): number | null {
  return created + failed === 0 ? null : round2((100 * created) / (created + failed));
}

/**
 * Status (DPM's Status report): recovery points created and failed per data source over the
 * period, the success rate, and the last backup of each DPM server's database with, for tape,
 * its label and barcode. Seed 001 asks for this report to be mailed on the day the DPMDB is
 * backed up, so the tape can be found to rebuild the server. A recovery point that expired
 * before the report ran is no longer in the DPMDB and is not counted.
 */
export function statusReport(estate: Estate, opts: ReportOptions): ReportDocument | DomainError {
  const scope = scopeOf(estate, opts);
  if (isDomainError(scope)) return scope;
  const buckets = scope.range.buckets.length;
  const createdPer = new Array<number>(buckets).fill(0);
  const failedPer = new Array<number>(buckets).fill(0);
  const failedBy = new Map<string, number>();
  for (const j of jobsIn(scope, 'status', ['Failed'])) {
    if (!RECOVERY_POINT_JOBS.has(j.type) || !within(scope, j.finishedAt)) continue;
    addAt(failedPer, bucketOf(scope.range, j.finishedAt));
    if (j.replicaId !== null) failedBy.set(j.replicaId, (failedBy.get(j.replicaId) ?? 0) + 1);
  }

  const rows: Cell[][] = [];
  const groups = new Map<string, { members: number; created: number; failed: number }>();
  const replicas = replicasIn(scope);
  const pointsOf = pointsOfReplicas(estate, replicas, ['external', 'time']);
  for (const r of replicas) {
    let made = 0;
    for (const rp of pointsOf(r.id)) {
      if (rp.external || !within(scope, rp.time)) continue;
      made += 1;
      addAt(createdPer, bucketOf(scope.range, rp.time));
    }
    const lost = failedBy.get(r.id) ?? 0;
    if (r.groupId === null && made + lost === 0) continue;
    const key = groupKey(scope, r);
    const { dataSource, computer } = memberNames(estate, r);
    rows.push([
      key,
      dataSource,
      computer,
      estate.servers[r.serverId]?.name ?? r.serverId,
      made,
      lost,
      rate(made, lost),
    ]);
    const g = groups.get(key) ?? { members: 0, created: 0, failed: 0 };
    g.members += 1;
    g.created += made;
    g.failed += lost;
    groups.set(key, g);
  }
  const created = createdPer.reduce((a, b) => a + b, 0);
  const failed = failedPer.reduce((a, b) => a + b, 0);

  const tapeSets = tapeSetsByDataSource(estate);
  const backups = scope.servers.flatMap((s) => dpmdbBackups(estate, s, tapeSets));
  const newest = [...backups].sort((a, b) => b.time - a.time)[0];
  const newestTape = backups.filter((b) => b.tape !== null).sort((a, b) => b.time - a.time)[0];
  const groupHeader = opts.groupBy === 'Computer' ? 'Computer' : 'Protection group';

  const table = tableBuilder(groupHeader);
  const dpmdbTable = table(
    {
      id: 'dpmdb-backups',
      title: 'Last backup of the DPM database',
      empty: 'No backup of the DPM database exists: nothing protects it.',
    },
    ['server', 'backedUpTo', 'where', 'backupAt', 'tapeLabel', 'barcode'],
    backups.map((b) => [b.server, b.location, b.where, b.time, b.tape?.label ?? null, b.tape?.barcode ?? null]),
  );

  return documentOf(scope, 'status', [
    {
      kind: 'facts',
      id: 'summary',
      title: 'Summary',
      items: [
        { label: 'Recovery points created', value: created, kind: 'number' },
        { label: 'Recovery points failed', value: failed, kind: 'number' },
        { label: 'Success rate', value: rate(created, failed), kind: 'percent' },
        { label: 'Last backup of the DPM database', value: newest ? newest.time : null, kind: 'time' },
        {
          label: 'Backed up to',
          value: newest ? `${newest.location} (${newest.where})` : 'Nothing protects the DPM database',
          kind: 'text',
        },
        { label: 'Latest DPM database tape label', value: newestTape?.tape?.label ?? null, kind: 'text' },
        { label: 'Latest DPM database tape barcode', value: newestTape?.tape?.barcode ?? null, kind: 'text' },
      ],
    },
    dpmdbTable,
    {
      kind: 'chart',
      id: 'recovery-points',
      title: 'Recovery points created and failed',
      description:
        `Recovery points created and failed in each ` +
        `${opts.period === 'Year' ? 'month' : opts.period === 'Quarter' ? 'week' : 'day'} of the period.`,
      unit: 'number',
      buckets: scope.range.buckets,
      series: [
        { name: 'Created', values: createdPer },
        { name: 'Failed', values: failedPer },
      ],
    },
    table(
      { id: 'by-group', title: `By ${groupHeader.toLowerCase()}`, empty: 'No data source is protected in this scope.' },
      ['group', 'dataSources', 'created', 'failed', 'rate'],
      [...groups.entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([k, g]) => [k, g.members, g.created, g.failed, rate(g.created, g.failed)]),
    ),
    table(
      {
        id: 'data-sources',
        title: 'Recovery points per data source',
        empty: 'No data source is protected in this scope.',
        groupColumn: 0,
      },
      ['group', 'dataSource', 'computer', 'server', 'created', 'failed', 'rate'],
      byGroup(rows),
    ),
  ]);
}
