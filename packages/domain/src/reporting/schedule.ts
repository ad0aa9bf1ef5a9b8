import type { Period } from './period';
import type { ReportGroupBy, ReportId } from './document';

/**
 * Report schedules (DPM's Reporting › Schedule): a report runs daily, weekly or monthly at a time
 * of day on the simulated clock, its last copies are kept as Available reports, and it is mailed
 * to its recipients in the chosen format (E-mail tab).
 */
export const FREQUENCIES = ['Daily', 'Weekly', 'Monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const REPORT_FORMATS = ['PDF', 'CSV'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** DPM keeps at most this many copies of a scheduled report. */
export const MAX_KEPT_COPIES = 100;

export interface ScheduleTiming {
  frequency: Frequency;
  /** Minutes after midnight (UTC, the estate's clock). */
  timeOfDay: number;
  /** 0 (Sunday) to 6 (Saturday), for a weekly schedule. */
  dayOfWeek: number;
  /** 1 to 31, for a monthly schedule; a shorter month runs on its last day. */
  dayOfMonth: number;
}

export interface ReportSchedule extends ScheduleTiming {
  id: string;
  reportId: ReportId;
  /** The DPM server the report is for, or null for the whole estate. */
  serverId: string | null;
  period: Period;
  groupBy: ReportGroupBy;
  /** How many copies to keep as Available reports. */
  keep: number;
  recipients: string[];
  format: ReportFormat;
  /** When it runs next on the simulated clock. */
  nextRunAt: number;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
  /** Bumped by every change, so a stale edit is refused (STALE). */
  version: number;
}

const DAY = 24 * 60 * 60_000;
const MINUTE = 60_000;

function monthlyAt(year: number, month: number, timing: ScheduleTiming): number {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(timing.dayOfMonth, last)) + timing.timeOfDay * MINUTE;
}

/** The first time the schedule runs strictly after `t`. */
export function nextRunAfter(timing: ScheduleTiming, t: number): number {
  const day = Math.floor(t / DAY) * DAY;
  switch (timing.frequency) {
    case 'Daily': {
      const at = day + timing.timeOfDay * MINUTE;
      return at > t ? at : at + DAY;
    }
    case 'Weekly': {
      const weekday = new Date(day).getUTCDay();
      const at = day + ((timing.dayOfWeek - weekday + 7) % 7) * DAY + timing.timeOfDay * MINUTE;
      return at > t ? at : at + 7 * DAY;
    }
    case 'Monthly': {
      const d = new Date(t);
      const at = monthlyAt(d.getUTCFullYear(), d.getUTCMonth(), timing);
      return at > t ? at : monthlyAt(d.getUTCFullYear(), d.getUTCMonth() + 1, timing);
    }
  }
}

/** "Weekly on Monday at 09:00 UTC", as the schedule list shows it. */
export function describeTiming(timing: ScheduleTiming): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const at = `${two(Math.floor(timing.timeOfDay / 60))}:${two(timing.timeOfDay % 60)} UTC`;
  if (timing.frequency === 'Daily') return `Daily at ${at}`;
  if (timing.frequency === 'Weekly') return `Weekly on ${WEEKDAYS[timing.dayOfWeek] ?? '?'} at ${at}`;
  return `Monthly on day ${timing.dayOfMonth} at ${at}`;
}
