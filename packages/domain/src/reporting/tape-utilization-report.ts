import type { Estate } from '../model';
import { rowsWhere } from '../draft';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import type { Cell, ReportDocument } from './document';
import { addAt, round2 } from './document';
import { bucketOf } from './period';
import type { ReportOptions } from './scope';
import { byGroup, documentOf, groupKey, scopeOf, within } from './scope';
import { tapesIn } from './tape-management-report';

/**
 * Native capacity of one tape: the demo's library is LTO-8 (barcodes ending L8), 12 TB native.
 * The model keeps no media type per tape, so every tape is taken to be LTO-8.
 */
export const TAPE_CAPACITY_GB = 12_000;

/**
 * Tape Utilization (DPM's Tape Utilization report): the tape capacity used per protection group
 * (or computer) and over the period, and the tapes the period took and the next one will need.
 */
export function tapeUtilizationReport(estate: Estate, opts: ReportOptions): ReportDocument | DomainError {
  const scope = scopeOf(estate, opts);
  if (isDomainError(scope)) return scope;
  const writtenPer = new Array<number>(scope.range.buckets.length).fill(0);
  const perKey = new Map<string, { tapes: Set<string>; dataSets: number; gb: number }>();
  const tapesInPeriod = new Set<string>();
  let gbInPeriod = 0;
  let gbTotal = 0;
  const written = new Set<string>();
  const scoped = tapesIn(scope);
  for (const { tape } of scoped) {
    if (tape.free || !tape.writtenBy) continue;
    const writer = tape.writtenBy.serverId;
    written.add(tape.id);
    for (const set of tape.dataSets) {
      const replica = rowsWhere(estate, 'replicas', 'dataSourceId', set.dataSourceId).find(
        (r) => r.serverId === writer && r.groupId !== null,
      );
      const key = groupKey(
        scope,
        { groupId: replica?.groupId ?? null, serverId: writer, dataSourceId: set.dataSourceId },
        'Not in a protection group',
      );
      const k = perKey.get(key) ?? { tapes: new Set<string>(), dataSets: 0, gb: 0 };
      k.tapes.add(tape.id);
      k.dataSets += 1;
      k.gb += set.sizeGb;
      perKey.set(key, k);
      gbTotal += set.sizeGb;
      if (within(scope, set.time)) {
        tapesInPeriod.add(tape.id);
        gbInPeriod += set.sizeGb;
        addAt(writtenPer, bucketOf(scope.range, set.time), set.sizeGb);
      }
    }
  }
  const free = scoped.filter(
    ({ tape }) => tape.free && tape.headerRead && !tape.cleaning && tape.location !== 'Offsite',
  ).length;
  // DPM starts a new tape for each backup job unless tape co-location is on, so the period needs at
  // least as many tapes as it used; more when its data outgrows them.
  const needed = Math.max(tapesInPeriod.size, Math.ceil(gbInPeriod / TAPE_CAPACITY_GB));
  const header = opts.groupBy === 'Computer' ? 'Computer' : 'Protection group';
  const used = (gb: number, tapes: number) => (tapes === 0 ? null : round2((100 * gb) / (tapes * TAPE_CAPACITY_GB)));
  const rows: Cell[][] = [...perKey.entries()].map(([key, k]) => [
    key,
    k.tapes.size,
    k.dataSets,
    round2(k.gb),
    used(k.gb, k.tapes.size),
  ]);

  return documentOf(scope, 'tape-utilization', [
    {
      kind: 'facts',
      id: 'summary',
      title: 'Summary',
      items: [
        { label: 'Capacity per tape (LTO-8)', value: TAPE_CAPACITY_GB, kind: 'gb' },
        { label: 'Tapes holding data', value: written.size, kind: 'number' },
        { label: 'Data on tape', value: round2(gbTotal), kind: 'gb' },
        { label: 'Capacity used', value: used(gbTotal, written.size), kind: 'percent' },
        { label: 'Data written in the period', value: round2(gbInPeriod), kind: 'gb' },
        { label: 'Tapes used in the period', value: tapesInPeriod.size, kind: 'number' },
        { label: `Tapes needed for the next ${opts.period.toLowerCase()}`, value: needed, kind: 'number' },
        { label: 'Free tapes now', value: free, kind: 'number' },
      ],
    },
    {
      kind: 'chart',
      id: 'written',
      title: 'Data written to tape',
      description: 'Data written to tape in each part of the period.',
      unit: 'gb',
      buckets: scope.range.buckets,
      series: [{ name: 'Written', values: writtenPer.map(round2) }],
    },
    {
      kind: 'table',
      id: 'groups',
      title: `Tape capacity used per ${header.toLowerCase()}`,
      columns: [
        { key: 'group', header, kind: 'text' },
        { key: 'tapes', header: 'Tapes', kind: 'number' },
        { key: 'dataSets', header: 'Data Sets', kind: 'number' },
        { key: 'gb', header: 'Data on tape', kind: 'gb' },
        { key: 'used', header: 'Capacity used', kind: 'percent' },
      ],
      rows: byGroup(rows),
      empty: 'No tape holds data of this scope.',
    },
  ]);
}
