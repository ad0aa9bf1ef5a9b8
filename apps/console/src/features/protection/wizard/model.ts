import { SYNC_FREQUENCIES, checkGoals, checkReplicaSync, defaultSyncMinutes, isApplicationData, type GoalsInput, type ProtectionMethod } from '@dpm/domain/protection/goals';
import { checkGroupName, checkMembersChosen } from '@dpm/domain/protection/group-name';
import type { DomainError } from '@dpm/domain/errors';
import type { DataSourceKind, TapeFrequency, TapeRetentionUnit } from '@dpm/domain/model';
import { RECOVERY_TYPES } from '@dpm/domain/recovery/recovery-types';
import type { ProtectableComputer } from '../types';

/**
 * The Create New Protection Group wizard (and Modify protection group) without React: its pages,
 * its state, the checks each page makes before Next, and the request it sends. A page parses what
 * was typed (a number, a time of day) and asks the domain's own checks (goals.ts, group-name.ts)
 * about the values, so an administrator reads DPM's sentence on the page that holds the value;
 * the server decides again on Create Group.
 */

export type PageId = 'type' | 'members' | 'method' | 'shortTerm' | 'longTerm' | 'library' | 'online' | 'disk' | 'replica' | 'consistency' | 'summary';

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

/** One computer of GET /protection/protectable, as the API answers it. */
export type { ProtectableComputer };
/** The group that protects a data source or replica already. */
export type ProtectedBy = NonNullable<ProtectableComputer['dataSources'][number]['protectedBy']>;
/** Why the server may not protect a candidate, as the domain decides (rule code and sentence). */
export type WhyNot = NonNullable<ProtectableComputer['dataSources'][number]['whyNot']>;

/** A member the wizard can select: a data source, or a DPM server's replica of one. */
export interface Candidate {
  key: string;
  dataSourceId: string;
  sourceServerId: string | null;
  name: string;
  computer: string;
  kind: string;
  sizeGb: number;
  protectedBy: ProtectedBy | null;
  whyNot: WhyNot | null;
}

export function memberKey(dataSourceId: string, sourceServerId: string | null): string {
  return `${dataSourceId}|${sourceServerId ?? ''}`;
}

export function candidatesOf(c: ProtectableComputer): { dataSources: Candidate[]; replicas: Candidate[] } {
  return {
    dataSources: c.dataSources.map((d) => ({ key: memberKey(d.id, null), dataSourceId: d.id, sourceServerId: null, name: d.name, computer: c.name, kind: d.kind, sizeGb: d.sizeGb, protectedBy: d.protectedBy, whyNot: d.whyNot })),
    replicas: c.replicas.map((r) => ({
      key: memberKey(r.dataSourceId, r.sourceServerId),
      dataSourceId: r.dataSourceId,
      sourceServerId: r.sourceServerId,
      name: r.name,
      computer: c.name,
      kind: r.kind,
      sizeGb: r.sizeGb,
      protectedBy: r.protectedBy,
      whyNot: r.whyNot,
    })),
  };
}

/**
 * Seed 001, "Set up primary and secondary protection": at a minimum, select the databases, the
 * \Program Files\Microsoft System Center\DPM\DPM\Config folder and the
 * \Program Files\Microsoft System Center\DPM\Scripting folder of the primary DPM server.
 */
export function isDpmMinimum(c: Pick<Candidate, 'kind' | 'name' | 'sourceServerId'>): boolean {
  if (c.sourceServerId !== null) return false;
  if (c.kind === 'DPMDB' || c.kind === 'SQL database') return true;
  return c.kind === 'Folder' && /\\DPM\\(DPM\\Config|Scripting)$/i.test(c.name);
}

export const DPM_MINIMUM_NOTE =
  'At a minimum, select the databases, the \\Program Files\\Microsoft System Center\\DPM\\DPM\\Config folder, and the \\Program Files\\Microsoft System Center\\DPM\\Scripting folder (Set up primary and secondary protection).';

const KIND_ORDER = ['DPMDB', 'SQL database', 'Folder', 'Share', 'Volume', 'System state'];
export function byKind(a: Candidate, b: Candidate): number {
  return (KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)) || a.name.localeCompare(b.name);
}

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

/** The synchronization frequencies DPM offers: the domain's list (SYNC_FREQUENCIES), each as DPM words it. */
export const SYNC_CHOICES: { minutes: number; label: string }[] = SYNC_FREQUENCIES.map((minutes) => ({
  minutes,
  label: minutes < 60 ? `Every ${minutes} minutes` : `Every ${minutes / 60} hour${minutes === 60 ? '' : 's'}`,
}));

export function syncLabel(minutes: number): string {
  return minutes === 0 ? 'Just before a recovery point' : (SYNC_CHOICES.find((c) => c.minutes === minutes)?.label ?? `Every ${minutes} minutes`);
}

export function formatTimes(minutes: number[]): string {
  return minutes.map(formatTimeOfDay).join(', ');
}

export function formatTimeOfDay(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** "08:00, 20:00" → [480, 1200]; null when an entry is not a time of day. */
export function parseTimes(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const out: number[] = [];
  for (const p of parts) {
    const t = parseTimeOfDay(p);
    if (t === null) return null;
    out.push(t);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

export function parseTimeOfDay(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

export function toUtcInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

export function fromUtcInput(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

export interface GroupSettings {
  name: string;
  disk: { retentionDays: number; syncFrequencyMinutes: number; recoveryPointTimes: number[]; expressFullTimes: number[] } | null;
  tape: { frequency: TapeFrequency; backupTime: number; retention: { count: number; unit: TapeRetentionUnit }; libraryId: string | null; copies: number; encrypt: boolean } | null;
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

/** Field ids, each shown next to its control and named in its message. */
export type FieldId =
  | 'name'
  | 'members'
  | 'method'
  | 'retentionDays'
  | 'syncFrequency'
  | 'recoveryPointTimes'
  | 'expressFullTimes'
  | 'tapeRetention'
  | 'tapeFrequency'
  | 'tapeBackupTime'
  | 'libraryId'
  | 'tapeCopies'
  | 'onlineRecoveryPoints'
  | 'laterAt'
  | 'dailyCheckAt';

export type FieldErrors = Partial<Record<FieldId, string>>;

/** Where each of the domain's goal targets is shown in the wizard. */
const FIELD_OF_TARGET: Record<string, FieldId> = {
  'disk.retentionDays': 'retentionDays',
  'disk.syncFrequencyMinutes': 'syncFrequency',
  'disk.recoveryPointTimes': 'recoveryPointTimes',
  'disk.expressFullTimes': 'expressFullTimes',
  disk: 'recoveryPointTimes',
  'tape.frequency': 'tapeFrequency',
  'tape.retention': 'tapeRetention',
  'tape.libraryId': 'libraryId',
  'online.recoveryPoints': 'onlineRecoveryPoints',
  name: 'name',
  members: 'members',
};

/** A domain refusal shown on its field, prefixed with the field's label. */
function onField(e: FieldErrors, refusal: DomainError | null, label: string, fallback: FieldId): void {
  if (!refusal) return;
  const field = FIELD_OF_TARGET[refusal.target ?? ''] ?? fallback;
  e[field] ??= `${label}: ${refusal.message}`;
}

export function validatePage(page: PageId, s: WizardState, ctx: WizardContext): FieldErrors {
  const e: FieldErrors = {};
  const none: GoalsInput = { disk: null, tape: null, online: null };
  switch (page) {
    case 'members':
      onField(e, checkGroupName(s.name, ctx.otherGroupNames, ctx.serverName), 'Protection group name', 'name');
      if (ctx.mode === 'create') onField(e, checkMembersChosen(Object.keys(s.members).length), 'Group members', 'members');
      break;
    case 'method': {
      // The domain's "at least one method" check, with placeholder goals for the methods chosen.
      if (!s.disk && !s.tape && !s.online) onField(e, checkGoals(none), 'Data protection method', 'method');
      const chosen = (['Disk', 'Tape', 'Online'] as const).filter((m) => (m === 'Disk' ? s.disk : m === 'Tape' ? s.tape : s.online));
      const refused = chosen.map((m) => ctx.methodRefusals[m]).find((r) => r !== undefined);
      if (refused) e.method = `Data protection method: ${refused}`;
      break;
    }
    case 'shortTerm': {
      const days = wholeNumber(s.retentionDays);
      if (days === null) e.retentionDays = 'Retention range: enter a whole number of days.';
      const rps = parseTimes(s.recoveryPointTimes);
      if (rps === null) e.recoveryPointTimes = 'Recovery point times: enter times of day as hh:mm, separated by commas.';
      const fulls = parseTimes(s.expressFullTimes);
      if (fulls === null) e.expressFullTimes = 'Express full backup times: enter times of day as hh:mm, separated by commas.';
      if (days === null || rps === null || fulls === null) break;
      const disk = { retentionDays: days, syncFrequencyMinutes: effectiveSyncMinutes(s, ctx), recoveryPointTimes: rps, expressFullTimes: fulls };
      const labels: Partial<Record<FieldId, string>> = { retentionDays: 'Retention range', syncFrequency: 'Synchronization frequency', recoveryPointTimes: 'Recovery point times', expressFullTimes: 'Express full backup times' };
      const goals = checkGoals({ ...none, disk }, kindsOf(s, ctx));
      if (goals) onField(e, goals, labels[FIELD_OF_TARGET[goals.target ?? ''] ?? 'retentionDays'] ?? 'Short-term goals', 'retentionDays');
      // Seed 002 (checkReplicaSync): only for a group that protects replicas.
      if (hasReplicaMembers(s, ctx)) onField(e, checkReplicaSync({ disk, tape: s.tape ? TAPE_PLACEHOLDER : null, online: null }), 'Synchronization frequency', 'syncFrequency');
      break;
    }
    case 'longTerm': {
      const count = wholeNumber(s.tapeRetentionCount);
      if (count === null) e.tapeRetention = 'Retention range: enter a whole number.';
      const time = parseTimeOfDay(s.tapeBackupTime);
      if (time === null) e.tapeBackupTime = 'Backup time: enter a time of day as hh:mm.';
      if (count === null || time === null) break;
      const goals = checkGoals({ ...none, tape: { ...TAPE_PLACEHOLDER, frequency: s.tapeFrequency, retention: { count, unit: s.tapeRetentionUnit }, backupTime: time } });
      onField(e, goals, goals?.target === 'tape.frequency' ? 'Frequency of backup' : 'Retention range', 'tapeRetention');
      break;
    }
    case 'library': {
      if (ctx.libraries && !ctx.libraries.some((l) => l.id === s.libraryId)) e.libraryId = 'Library: select the library that writes the tapes.';
      const copies = wholeNumber(s.tapeCopies);
      if (copies === null || copies < 1 || copies > 4) e.tapeCopies = 'Copies: enter from 1 to 4 copies.';
      break;
    }
    case 'online': {
      const n = wholeNumber(s.onlineRecoveryPoints);
      if (n === null) e.onlineRecoveryPoints = 'Online recovery points: enter a whole number.';
      else onField(e, checkGoals({ ...none, online: { recoveryPoints: n } }), 'Online recovery points', 'onlineRecoveryPoints');
      break;
    }
    case 'replica':
      if (s.replicaCreation === 'Later') {
        const at = fromUtcInput(s.laterAt);
        if (at === null) e.laterAt = 'Replica creation time: enter a date and time.';
        else if (at < ctx.now) e.laterAt = 'Replica creation time: choose a time after the current time of the DPM server.';
      }
      break;
    case 'consistency':
      if (s.dailyCheck && parseTimeOfDay(s.dailyCheckAt) === null) e.dailyCheckAt = 'Start time: enter a time of day as hh:mm.';
      break;
    default:
      break;
  }
  return e;
}

/** Tape goals a page checks with, when only some of them are its own. */
const TAPE_PLACEHOLDER = { frequency: 'Daily' as TapeFrequency, backupTime: 0, retention: { count: 1, unit: 'Years' as TapeRetentionUnit }, libraryId: null, copies: 1, encrypt: false };

/** The goals part of the request, from a state whose pages passed validation. */
export function goalsOf(s: WizardState, ctx: WizardContext) {
  return {
    disk: s.disk
      ? {
          retentionDays: Number(s.retentionDays),
          syncFrequencyMinutes: effectiveSyncMinutes(s, ctx),
          recoveryPointTimes: parseTimes(s.recoveryPointTimes) ?? [],
          expressFullTimes: parseTimes(s.expressFullTimes) ?? [],
        }
      : null,
    tape: s.tape
      ? {
          frequency: s.tapeFrequency,
          backupTime: parseTimeOfDay(s.tapeBackupTime) ?? 0,
          retention: { count: Number(s.tapeRetentionCount), unit: s.tapeRetentionUnit },
          libraryId: s.libraryId === '' ? null : s.libraryId,
          copies: Number(s.tapeCopies),
          encrypt: s.encrypt,
        }
      : null,
    online: s.online ? { recoveryPoints: Number(s.onlineRecoveryPoints) } : null,
    consistencyCheck: { runIfInconsistent: s.runIfInconsistent, dailyAt: s.dailyCheck ? parseTimeOfDay(s.dailyCheckAt) : null },
  };
}

export function membersOf(s: WizardState): { dataSourceId: string; sourceServerId: string | null }[] {
  return Object.values(s.members).map((m) => ({ dataSourceId: m.dataSourceId, sourceServerId: m.sourceServerId }));
}

export function createBody(s: WizardState, ctx: WizardContext) {
  return {
    name: s.name.trim(),
    members: membersOf(s),
    ...goalsOf(s, ctx),
    replicaCreation: s.replicaCreation,
    laterAt: s.replicaCreation === 'Later' ? fromUtcInput(s.laterAt) : null,
  };
}

export function modifyBody(s: WizardState, ctx: WizardContext, revision: number | undefined) {
  return { name: s.name.trim(), ...goalsOf(s, ctx), addMembers: membersOf(s), ...(revision !== undefined ? { expectedRevision: revision } : {}) };
}

/** The members chosen, as the pages list them: by computer, then by name. */
export function sortedMembers(s: WizardState): Candidate[] {
  return Object.values(s.members).sort((a, b) => a.computer.localeCompare(b.computer) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
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

/** Which page a refusal's target points to, so the wizard can send the administrator there. */
export function pageOfTarget(target: string | undefined, s: WizardState): PageId | null {
  if (!target) return null;
  if (target === 'name' || target === 'members' || target === 'excludedExtensions') return 'members';
  if (target.startsWith('disk')) return s.disk ? 'shortTerm' : 'method';
  if (target === 'tape.libraryId') return s.tape ? 'library' : 'method';
  if (target === 'tape' || target === 'online') return 'method';
  if (target.startsWith('tape')) return s.tape ? 'longTerm' : 'method';
  if (target.startsWith('online')) return s.online ? 'online' : 'method';
  // Any other target names a data source, computer or DPM server: a member rule refused it.
  return 'members';
}

/** The Summary's line for long-term goals: "Weekly at 23:00, kept 4 weeks, 1 copy, library …". */
export function tapeSummary(s: Pick<WizardState, 'tapeFrequency' | 'tapeBackupTime' | 'tapeRetentionCount' | 'tapeRetentionUnit' | 'tapeCopies' | 'encrypt'>, library: string): string {
  const count = Number(s.tapeRetentionCount);
  const unit = count === 1 ? s.tapeRetentionUnit.slice(0, -1).toLowerCase() : s.tapeRetentionUnit.toLowerCase();
  const copies = Number(s.tapeCopies);
  return `${s.tapeFrequency} at ${s.tapeBackupTime}, kept ${s.tapeRetentionCount} ${unit}, ${copies} ${copies === 1 ? 'copy' : 'copies'}, library ${library}${s.encrypt ? ', encrypted' : ''}`;
}
