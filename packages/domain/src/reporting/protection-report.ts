import type { Estate, ProtectionGroup, Replica } from '../model';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import { formatTapeRetention, isApplicationData, maxDiskRecoveryPoints } from '../protection/goals';
import type { Cell, ReportDocument } from './document';
import { round2 } from './document';
import type { ReportOptions } from './scope';
import { tableBuilder } from './table';
import {
  byGroup,
  compareText,
  documentOf,
  groupKey,
  memberNames,
  pointsOfReplicas,
  replicasIn,
  scopeOf,
  within,
} from './scope';

const DAY = 24 * 60 * 60_000;
/** The columns of what a group or a member achieved against its goals. */
const ACHIEVEMENT = ['expected', 'available', 'achieved', 'tape', 'online', 'oldest', 'newest'] as const;

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A protection group's goals in the words of the Create New Protection Group wizard. */
export function goalsText(g: ProtectionGroup): string {
  const parts: string[] = [];
  if (g.disk) {
    const sync =
      g.disk.syncFrequencyMinutes === 0
        ? 'just before a recovery point'
        : g.disk.syncFrequencyMinutes % 60 === 0
          ? `every ${g.disk.syncFrequencyMinutes / 60} h`
          : `every ${g.disk.syncFrequencyMinutes} min`;
    const rp =
      g.disk.recoveryPointTimes.length > 0
        ? `; recovery points at ${g.disk.recoveryPointTimes.map(hhmm).join(', ')}`
        : '';
    const ef =
      g.disk.expressFullTimes.length > 0 ? `; express full at ${g.disk.expressFullTimes.map(hhmm).join(', ')}` : '';
    parts.push(`Disk: ${g.disk.retentionDays} days, synchronization ${sync}${rp}${ef}`);
  }
  if (g.tape)
    parts.push(
      `Tape: ${g.tape.frequency.toLowerCase()} at ${hhmm(g.tape.backupTime)}, kept ${formatTapeRetention(g.tape)}`,
    );
  if (g.online) parts.push(`Online: ${g.online.recoveryPoints} recovery points`);
  return parts.join('. ');
}

/**
 * Disk recovery points a member should have now by its group's goals: its times of day over the
 * retention range (or since the replica was created, if later), within DPM's count limit.
 */
export function expectedDiskPoints(estate: Estate, r: Replica, now: number): number {
  const group = r.groupId ? estate.groups[r.groupId] : undefined;
  const ds = estate.dataSources[r.dataSourceId];
  if (!group?.disk || !ds) return 0;
  const perDay = isApplicationData(ds.kind) ? group.disk.expressFullTimes.length : group.disk.recoveryPointTimes.length;
  const days = Math.max(0, Math.min(group.disk.retentionDays, Math.floor((now - r.createdAt) / DAY)));
  return Math.min(days * perDay, maxDiskRecoveryPoints(ds.kind));
}

interface Achieved {
  expected: number;
  disk: number;
  tape: number;
  online: number;
  createdInPeriod: number;
  oldest: number | null;
  newest: number | null;
}

const empty = (): Achieved => ({
  expected: 0,
  disk: 0,
  tape: 0,
  online: 0,
  createdInPeriod: 0,
  oldest: null,
  newest: null,
});
const achieved = (a: Achieved): number | null =>
  a.expected === 0 ? null : round2(Math.min(100, (100 * a.disk) / a.expected));

function merge(into: Achieved, a: Achieved): void {
  into.expected += a.expected;
  into.disk += a.disk;
  into.tape += a.tape;
  into.online += a.online;
  into.createdInPeriod += a.createdInPeriod;
  if (a.oldest !== null && (into.oldest === null || a.oldest < into.oldest)) into.oldest = a.oldest;
  if (a.newest !== null && (into.newest === null || a.newest > into.newest)) into.newest = a.newest;
}

/**
 * Protection (DPM's Protection report): per protection group (or computer), the goals against
 * what was achieved: the disk recovery points available against those the goals call for, the
 * points on tape and online, the oldest and newest, and those created in the period.
 */
export function protectionReport(estate: Estate, opts: ReportOptions): ReportDocument | DomainError {
  const scope = scopeOf(estate, opts);
  if (isDomainError(scope)) return scope;
  const replicas = replicasIn(scope).filter((r) => r.groupId !== null);
  const pointsOf = pointsOfReplicas(estate, replicas, ['external', 'expiresAt', 'location', 'time']);
  const achievedBy = (replicaId: string): Achieved => {
    const a = empty();
    for (const rp of pointsOf(replicaId)) {
      if (rp.external || rp.expiresAt <= opts.now) continue;
      if (rp.location === 'Disk') a.disk += 1;
      else if (rp.location === 'Tape') a.tape += 1;
      else a.online += 1;
      if (within(scope, rp.time)) a.createdInPeriod += 1;
      if (a.oldest === null || rp.time < a.oldest) a.oldest = rp.time;
      if (a.newest === null || rp.time > a.newest) a.newest = rp.time;
    }
    return a;
  };
  const byComputer = opts.groupBy === 'Computer';
  const goalsOf = new Map<string, string>();
  const goals = (g: ProtectionGroup) => {
    let text = goalsOf.get(g.id);
    if (text === undefined) goalsOf.set(g.id, (text = goalsText(g)));
    return text;
  };
  const keys = new Map<string, { server: string; members: number; goals: Set<string>; total: Achieved }>();
  const members: Cell[][] = [];
  for (const r of replicas) {
    if (r.groupId === null) continue;
    const a = { ...achievedBy(r.id), expected: expectedDiskPoints(estate, r, opts.now) };
    const key = groupKey(scope, r);
    const group = estate.groups[r.groupId];
    const server = estate.servers[r.serverId]?.name ?? r.serverId;
    const k = keys.get(key) ?? { server, members: 0, goals: new Set<string>(), total: empty() };
    k.members += 1;
    if (group) k.goals.add(byComputer ? group.name : goals(group));
    if (!k.server.split(', ').includes(server)) k.server = `${k.server}, ${server}`;
    merge(k.total, a);
    keys.set(key, k);
    const { dataSource, computer } = memberNames(estate, r);
    members.push([
      key,
      dataSource,
      computer,
      r.status,
      a.expected,
      a.disk,
      achieved(a),
      a.tape,
      a.online,
      a.oldest,
      a.newest,
    ]);
  }
  const header = byComputer ? 'Computer' : 'Protection group';
  const table = tableBuilder(header);
  const rows: Cell[][] = [...keys.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([key, k]) => [
      key,
      k.server,
      k.members,
      [...k.goals].sort().join(byComputer ? ', ' : ' | '),
      k.total.expected,
      k.total.disk,
      achieved(k.total),
      k.total.tape,
      k.total.online,
      k.total.oldest,
      k.total.newest,
      k.total.createdInPeriod,
    ]);
  const totals = empty();
  for (const k of keys.values()) merge(totals, k.total);

  return documentOf(scope, 'protection', [
    {
      kind: 'facts',
      id: 'summary',
      title: 'Summary',
      items: [
        { label: byComputer ? 'Computers' : 'Protection groups', value: keys.size, kind: 'number' },
        { label: 'Recovery points expected on disk', value: totals.expected, kind: 'number' },
        { label: 'Recovery points available on disk', value: totals.disk, kind: 'number' },
        { label: 'Goals achieved', value: achieved(totals), kind: 'percent' },
        { label: 'Recovery points created in the period', value: totals.createdInPeriod, kind: 'number' },
      ],
    },
    table(
      {
        id: 'goals',
        title: byComputer ? 'Goals and achievement per computer' : 'Goals and achievement per protection group',
        empty: 'No protection group in this scope.',
      },
      ['group', 'server', 'members', byComputer ? 'groupsOfComputer' : 'goals', ...ACHIEVEMENT, 'createdInPeriod'],
      rows,
    ),
    table(
      { id: 'members', title: 'Members', empty: 'No protected member in this scope.', groupColumn: 0 },
      ['group', 'dataSource', 'computer', 'protectionStatus', ...ACHIEVEMENT],
      byGroup(members),
    ),
  ]);
}
