import { effectiveSyncMinutes, type WizardContext, type WizardState } from './model';
import { fromUtcInput, parseTimeOfDay, parseTimes } from './time-input';

/** The request Create Group or Update Group sends, from a state whose pages passed validation. */
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
    consistencyCheck: {
      runIfInconsistent: s.runIfInconsistent,
      dailyAt: s.dailyCheck ? parseTimeOfDay(s.dailyCheckAt) : null,
    },
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
  return {
    name: s.name.trim(),
    ...goalsOf(s, ctx),
    addMembers: membersOf(s),
    ...(revision !== undefined ? { expectedRevision: revision } : {}),
  };
}
