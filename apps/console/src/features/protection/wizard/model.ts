import { defaultSyncMinutes, isApplicationData, type ProtectionMethod } from '@dpm/domain/protection/goals';
import type { DataSourceKind, TapeFrequency, TapeRetentionUnit } from '@dpm/domain/model';
import { RECOVERY_TYPES } from '@dpm/domain/recovery/recovery-types';
import type { Candidate } from './candidates';
import { formatTimeOfDay, formatTimes, toUtcInput } from './time-input';

/**
 * The Create New Protection Group wizard (and Modify protection group) without React: its pages,
 * its state and what it knows besides. The checks each page makes before Next are in validate.ts,
 * the request it sends in request.ts.
 */

export type PageId =
  | 'type'
  | 'members'
  | 'method'
  | 'shortTerm'
  | 'longTerm'
  | 'library'
  | 'online'
  | 'disk'
  | 'replica'
  | 'consistency'
  | 'summary';

/** Page titles, verbatim from the DPM console (console-terms.md › Protection). */
export const PAGE_TITLES: Record<PageId, string> = {
  type: 'Select Protection Group Type',
  members: 'Select Group Members',
  method: 'Select Data Protection Method',
  shortTerm: 'Specify Short-Term Goals',
  longTerm: 'Specify Long-Term Goals',
  library: 'Select Library and Tape Details',
  // console-terms.md is silent on online goals; DPM names this page so.
  online: 'Specify Online Protection Goals',
  disk: 'Review Disk Allocation',
  replica: 'Choose Replica Creation Method',
  consistency: 'Choose Consistency Check Options',
  summary: 'Summary',
};

export type WizardMode = 'create' | 'modify';

export type ReplicaCreation = 'Now' | 'Later' | 'Manually';

/** Everything the wizard asks; numbers are kept as typed so a wrong entry can be named. */
export interface WizardState {
  name: string;
  /** Members to add, by memberKey. */
  members: Record<string, Candidate>;
  disk: boolean;
  tape: boolean;
  online: boolean;
  retentionDays: string;
  syncMode: 'interval' | 'beforeRecoveryPoint';
  /** null until chosen: every 24 hours when replicas are protected (seed 001), else 15 minutes. */
  syncMinutes: number | null;
  recoveryPointTimes: string;
  expressFullTimes: string;
  tapeFrequency: TapeFrequency;
  tapeRetentionCount: string;
  tapeRetentionUnit: TapeRetentionUnit;
  tapeBackupTime: string;
  libraryId: string;
  tapeCopies: string;
  encrypt: boolean;
  onlineRecoveryPoints: string;
  replicaCreation: ReplicaCreation;
  /** yyyy-mm-ddThh:mm, UTC like every time of the simulated clock. */
  laterAt: string;
  runIfInconsistent: boolean;
  dailyCheck: boolean;
  dailyCheckAt: string;
}

export interface GroupSettings {
  name: string;
  disk: {
    retentionDays: number;
    syncFrequencyMinutes: number;
    recoveryPointTimes: number[];
    expressFullTimes: number[];
  } | null;
  tape: {
    frequency: TapeFrequency;
    backupTime: number;
    retention: { count: number; unit: TapeRetentionUnit };
    libraryId: string | null;
    copies: number;
    encrypt: boolean;
  } | null;
  online: { recoveryPoints: number } | null;
  replicaCreation: ReplicaCreation;
  consistencyCheck: { runIfInconsistent: boolean; dailyAt: number | null };
  /** Modify: the group's revision the wizard opened (STALE). */
  revision?: { n: number };
}

export function initialState(name: string, now: number, group?: GroupSettings): WizardState {
  const disk = group?.disk ?? null;
  const tape = group?.tape ?? null;
  return {
    name: group?.name ?? name,
    members: {},
    disk: group ? disk !== null : true,
    tape: tape !== null,
    online: (group?.online ?? null) !== null,
    retentionDays: String(disk?.retentionDays ?? 5),
    syncMode: disk?.syncFrequencyMinutes === 0 ? 'beforeRecoveryPoint' : 'interval',
    syncMinutes: disk && disk.syncFrequencyMinutes !== 0 ? disk.syncFrequencyMinutes : null,
    recoveryPointTimes: disk ? formatTimes(disk.recoveryPointTimes) : '20:00',
    expressFullTimes: disk ? formatTimes(disk.expressFullTimes) : '20:00',
    tapeFrequency: tape?.frequency ?? 'Weekly',
    tapeRetentionCount: String(tape?.retention.count ?? 4),
    tapeRetentionUnit: tape?.retention.unit ?? 'Weeks',
    tapeBackupTime: formatTimeOfDay(tape?.backupTime ?? 23 * 60),
    libraryId: tape?.libraryId ?? '',
    tapeCopies: String(tape?.copies ?? 1),
    encrypt: tape?.encrypt ?? false,
    onlineRecoveryPoints: String(group?.online?.recoveryPoints ?? 30),
    replicaCreation: group?.replicaCreation ?? 'Now',
    laterAt: toUtcInput(Math.ceil(now / 86_400_000) * 86_400_000),
    runIfInconsistent: group?.consistencyCheck.runIfInconsistent ?? true,
    dailyCheck: (group?.consistencyCheck.dailyAt ?? null) !== null,
    dailyCheckAt: formatTimeOfDay(group?.consistencyCheck.dailyAt ?? 60),
  };
}

/** What the wizard knows besides its own state. */
export interface WizardContext {
  mode: WizardMode;
  serverName: string;
  /** Names of the server's other protection groups. */
  otherGroupNames: string[];
  /** Modify: the group already protects replicas of another DPM server. */
  groupHasReplicas: boolean;
  libraries: { id: string; name: string }[] | undefined;
  now: number;
  /** Modify: the kinds of data the group protects already (its goals must suit them). */
  groupKinds: string[];
  /**
   * Per protection method, why this server (or group) can't have it, as the server's offer of
   * Create / Modify protection group says (the domain's methodRefusal); absent: no refusal.
   */
  methodRefusals: Partial<Record<ProtectionMethod, string>>;
}

export function hasReplicaMembers(s: WizardState, ctx: Pick<WizardContext, 'groupHasReplicas'>): boolean {
  return ctx.groupHasReplicas || Object.values(s.members).some((m) => m.sourceServerId !== null);
}

export function effectiveSyncMinutes(s: WizardState, ctx: Pick<WizardContext, 'groupHasReplicas'>): number {
  if (s.syncMode === 'beforeRecoveryPoint') return 0;
  return s.syncMinutes ?? defaultSyncMinutes(hasReplicaMembers(s, ctx));
}

/** The kinds of data the group will protect: those it has and those selected. */
export function kindsOf(s: WizardState, ctx: Pick<WizardContext, 'groupKinds'>): DataSourceKind[] {
  return [...ctx.groupKinds, ...Object.values(s.members).map((m) => m.kind)].filter(isKind);
}

/** Every kind of data source has its recovery types, so their table names the kinds. */
function isKind(kind: string): kind is DataSourceKind {
  return Object.hasOwn(RECOVERY_TYPES, kind);
}

export function pagesFor(s: WizardState, mode: WizardMode): PageId[] {
  const pages: PageId[] = mode === 'create' ? ['type', 'members', 'method'] : ['members', 'method'];
  if (s.disk) pages.push('shortTerm');
  if (s.tape) pages.push('longTerm', 'library');
  if (s.online) pages.push('online');
  if (s.disk && (mode === 'create' || Object.keys(s.members).length > 0)) pages.push('disk');
  if (mode === 'create') pages.push('replica');
  pages.push('consistency', 'summary');
  return pages;
}

/** The members chosen, as the pages list them: by computer, then by name. */
export function sortedMembers(s: WizardState): Candidate[] {
  return Object.values(s.members).sort(
    (a, b) => a.computer.localeCompare(b.computer) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key),
  );
}

/** Review Disk Allocation: DPM's default allocation is the data size ×1.5 (as the domain allocates). */
export function diskAllocation(s: WizardState): { members: Candidate[]; dataGb: number; allocatedGb: number } {
  const members = sortedMembers(s);
  const dataGb = members.reduce((sum, m) => sum + m.sizeGb, 0);
  const allocatedGb = members.reduce((sum, m) => sum + Math.ceil(m.sizeGb * 1.5), 0);
  return { members, dataGb, allocatedGb };
}

export function isApplication(kind: string): boolean {
  return isApplicationData(kind as DataSourceKind);
}

/** The Summary's line for long-term goals: "Weekly at 23:00, kept 4 weeks, 1 copy, library …". */
export function tapeSummary(
  s: Pick<
    WizardState,
    'tapeFrequency' | 'tapeBackupTime' | 'tapeRetentionCount' | 'tapeRetentionUnit' | 'tapeCopies' | 'encrypt'
  >,
  library: string,
): string {
  const count = Number(s.tapeRetentionCount);
  const unit = count === 1 ? s.tapeRetentionUnit.slice(0, -1).toLowerCase() : s.tapeRetentionUnit.toLowerCase();
  const copies = Number(s.tapeCopies);
  return (
    `${s.tapeFrequency} at ${s.tapeBackupTime}, kept ` +
    `${s.tapeRetentionCount} ${unit}, ${copies} ` +
    `${copies === 1 ? 'copy' : 'copies'}, library ` +
    `${library}${s.encrypt ? ', encrypted' : ''}`
  );
}
