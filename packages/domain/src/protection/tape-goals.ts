import type { TapeFrequency, TapeGoals, TapeRetentionUnit } from '../model';

/** Weeks in a tape retention unit, and days between tape backups of each frequency (TAPE_ONCE_A_DAY). */
export const RETENTION_WEEKS: Record<TapeRetentionUnit, number> = { Weeks: 1, Months: 52 / 12, Years: 52 };
export const FREQUENCY_DAYS: Record<TapeFrequency, number> = {
  Daily: 1,
  Weekly: 7,
  'Bi-Weekly': 14,
  Monthly: 30,
  Quarterly: 91,
  'Half-Yearly': 182,
  Yearly: 365,
};

/** How many days a tape backup is kept. */
export function tapeRetentionDays(tape: Pick<TapeGoals, 'retention'>): number {
  const { count, unit } = tape.retention;
  return unit === 'Weeks' ? count * 7 : unit === 'Months' ? Math.round((count * 365) / 12) : count * 365;
}

/** "2 weeks", "1 year". */
export function formatTapeRetention(tape: Pick<TapeGoals, 'retention'>): string {
  const { count, unit } = tape.retention;
  return `${count} ${count === 1 ? unit.slice(0, -1).toLowerCase() : unit.toLowerCase()}`;
}

/** The days of the simulated calendar (UTC) a tape frequency writes on. */
export function isTapeDay(frequency: TapeFrequency, day: number): boolean {
  const d = new Date(day);
  const weekday = d.getUTCDay();
  const date = d.getUTCDate();
  const month = d.getUTCMonth();
  switch (frequency) {
    case 'Daily':
      return true;
    // Weekly backups on Fridays, DPM's default day for long-term backups; every other Friday for bi-weekly.
    case 'Weekly':
      return weekday === 5;
    case 'Bi-Weekly':
      return weekday === 5 && Math.floor(day / (7 * 86_400_000)) % 2 === 0;
    case 'Monthly':
      return date === 1;
    case 'Quarterly':
      return date === 1 && month % 3 === 0;
    case 'Half-Yearly':
      return date === 1 && month % 6 === 0;
    case 'Yearly':
      return date === 1 && month === 0;
  }
}

/**
 * A group's tape goals as stored before they had a frequency and a retention with its unit (a
 * daily backup kept a number of years), read as they are now; current ones pass unchanged.
 */
export function upgradeTapeGoals(tape: TapeGoals | null): TapeGoals | null {
  if (tape === null || typeof tape !== 'object' || ('frequency' in tape && 'retention' in tape)) return tape;
  const legacy = tape as unknown as {
    backupTime?: number;
    retentionYears?: number;
    libraryId?: string | null;
    copies?: number;
    encrypt?: boolean;
  };
  return {
    frequency: 'Daily',
    backupTime: legacy.backupTime ?? 0,
    retention: { count: legacy.retentionYears ?? 1, unit: 'Years' },
    libraryId: legacy.libraryId ?? null,
    copies: legacy.copies ?? 1,
    encrypt: legacy.encrypt ?? false,
  };
}
