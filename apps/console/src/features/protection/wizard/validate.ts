import { checkGoals, checkReplicaSync, type GoalsInput } from '@dpm/domain/protection/goals';
import { checkGroupName, checkMembersChosen } from '@dpm/domain/protection/group-name';
import type { DomainError } from '@dpm/domain/errors';
import type { TapeFrequency, TapeRetentionUnit } from '@dpm/domain/model';
import {
  effectiveSyncMinutes,
  hasReplicaMembers,
  kindsOf,
  type PageId,
  type WizardContext,
  type WizardState,
} from './model';
import { fromUtcInput, parseTimeOfDay, parseTimes, wholeNumber } from './time-input';

/**
 * The checks each page makes before Next: what was typed is parsed here, and the domain's own
 * checks (goals.ts, group-name.ts) judge the values, so the administrator reads DPM's sentence on
 * the page that holds the value. The server decides again on Create Group.
 */
/** Tape goals a page checks with, when only some of them are its own. */
const TAPE_PLACEHOLDER = {
  frequency: 'Daily' as TapeFrequency,
  backupTime: 0,
  retention: { count: 1, unit: 'Years' as TapeRetentionUnit },
  libraryId: null,
  copies: 1,
  encrypt: false,
};

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

/** Which entries of the state each field shows: a field's error appears once one of them changed. */
export const FIELD_SOURCES: Record<FieldId, (keyof WizardState)[]> = {
  name: ['name'],
  members: ['members'],
  method: ['disk', 'tape', 'online'],
  retentionDays: ['retentionDays'],
  syncFrequency: ['syncMode', 'syncMinutes'],
  recoveryPointTimes: ['recoveryPointTimes', 'retentionDays'],
  expressFullTimes: ['expressFullTimes', 'retentionDays'],
  tapeRetention: ['tapeRetentionCount', 'tapeRetentionUnit', 'tapeFrequency'],
  tapeFrequency: ['tapeFrequency'],
  tapeBackupTime: ['tapeBackupTime'],
  libraryId: ['libraryId'],
  tapeCopies: ['tapeCopies'],
  onlineRecoveryPoints: ['onlineRecoveryPoints'],
  laterAt: ['laterAt', 'replicaCreation'],
  dailyCheckAt: ['dailyCheckAt', 'dailyCheck'],
};

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
      if (ctx.mode === 'create')
        onField(e, checkMembersChosen(Object.keys(s.members).length), 'Group members', 'members');
      break;
    case 'method': {
      // The domain's "at least one method" check, with placeholder goals for the methods chosen.
      if (!s.disk && !s.tape && !s.online) onField(e, checkGoals(none), 'Data protection method', 'method');
      const chosen = (['Disk', 'Tape', 'Online'] as const).filter((m) =>
        m === 'Disk' ? s.disk : m === 'Tape' ? s.tape : s.online,
      );
      const refused = chosen.map((m) => ctx.methodRefusals[m]).find((r) => r !== undefined);
      if (refused) e.method = `Data protection method: ${refused}`;
      break;
    }
    case 'shortTerm': {
      const days = wholeNumber(s.retentionDays);
      if (days === null) e.retentionDays = 'Retention range: enter a whole number of days.';
      const rps = parseTimes(s.recoveryPointTimes);
      if (rps === null)
        e.recoveryPointTimes = 'Recovery point times: enter times of day as hh:mm, separated by commas.';
      const fulls = parseTimes(s.expressFullTimes);
      if (fulls === null)
        e.expressFullTimes = 'Express full backup times: enter times of day as hh:mm, separated by commas.';
      if (days === null || rps === null || fulls === null) break;
      const disk = {
        retentionDays: days,
        syncFrequencyMinutes: effectiveSyncMinutes(s, ctx),
        recoveryPointTimes: rps,
        expressFullTimes: fulls,
      };
      const labels: Partial<Record<FieldId, string>> = {
        retentionDays: 'Retention range',
        syncFrequency: 'Synchronization frequency',
        recoveryPointTimes: 'Recovery point times',
        expressFullTimes: 'Express full backup times',
      };
      const goals = checkGoals({ ...none, disk }, kindsOf(s, ctx));
      if (goals)
        onField(
          e,
          goals,
          labels[FIELD_OF_TARGET[goals.target ?? ''] ?? 'retentionDays'] ?? 'Short-term goals',
          'retentionDays',
        );
      // Seed 002 (checkReplicaSync): only for a group that protects replicas.
      if (hasReplicaMembers(s, ctx))
        onField(
          e,
          checkReplicaSync({ disk, tape: s.tape ? TAPE_PLACEHOLDER : null, online: null }),
          'Synchronization frequency',
          'syncFrequency',
        );
      break;
    }
    case 'longTerm': {
      const count = wholeNumber(s.tapeRetentionCount);
      if (count === null) e.tapeRetention = 'Retention range: enter a whole number.';
      const time = parseTimeOfDay(s.tapeBackupTime);
      if (time === null) e.tapeBackupTime = 'Backup time: enter a time of day as hh:mm.';
      if (count === null || time === null) break;
      const goals = checkGoals({
        ...none,
        tape: {
          ...TAPE_PLACEHOLDER,
          frequency: s.tapeFrequency,
          retention: { count, unit: s.tapeRetentionUnit },
          backupTime: time,
        },
      });
      onField(
        e,
        goals,
        goals?.target === 'tape.frequency' ? 'Frequency of backup' : 'Retention range',
        'tapeRetention',
      );
      break;
    }
    case 'library': {
      if (ctx.libraries && !ctx.libraries.some((l) => l.id === s.libraryId))
        e.libraryId = 'Library: select the library that writes the tapes.';
      const copies = wholeNumber(s.tapeCopies);
      if (copies === null || copies < 1 || copies > 4) e.tapeCopies = 'Copies: enter from 1 to 4 copies.';
      break;
    }
    case 'online': {
      const n = wholeNumber(s.onlineRecoveryPoints);
      if (n === null) e.onlineRecoveryPoints = 'Online recovery points: enter a whole number.';
      else
        onField(
          e,
          checkGoals({ ...none, online: { recoveryPoints: n } }),
          'Online recovery points',
          'onlineRecoveryPoints',
        );
      break;
    }
    case 'replica':
      if (s.replicaCreation === 'Later') {
        const at = fromUtcInput(s.laterAt);
        if (at === null) e.laterAt = 'Replica creation time: enter a date and time.';
        else if (at < ctx.now)
          e.laterAt = 'Replica creation time: choose a time after the current time of the DPM server.';
      }
      break;
    case 'consistency':
      if (s.dailyCheck && parseTimeOfDay(s.dailyCheckAt) === null)
        e.dailyCheckAt = 'Start time: enter a time of day as hh:mm.';
      break;
    default:
      break;
  }
  return e;
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
