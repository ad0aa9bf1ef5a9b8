/**
 * DPM's report periods (Reporting › Period: Week, Month, Quarter, Year), each ending at `now` on
 * the simulated clock, and the buckets a report's trend is drawn over: days for a week or a
 * month, weeks for a quarter, months for a year. Calendar arithmetic is done in UTC, as the
 * estate's clock runs in UTC.
 */
export const PERIODS = ['Week', 'Month', 'Quarter', 'Year'] as const;
export type Period = (typeof PERIODS)[number];

export interface Bucket {
  start: number;
  end: number;
  /** The bucket's first day (2026-10-27) or month (2026-10), as the report prints it. */
  label: string;
}

export interface PeriodRange {
  period: Period;
  from: number;
  to: number;
  buckets: Bucket[];
}

const DAY = 24 * 60 * 60_000;

/** `ms` moved by whole calendar months, the day clamped to the target month's last day. */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(
    y,
    m,
    Math.min(d.getUTCDate(), last),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
function dayLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
function monthLabel(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** Buckets of `step` from `from` to `to`; the last one ends at `to` and may be shorter. */
function steps(from: number, to: number, next: (t: number) => number, label: (t: number) => string): Bucket[] {
  const out: Bucket[] = [];
  for (let start = from; start < to;) {
    const end = Math.min(next(start), to);
    out.push({ start, end, label: label(start) });
    start = end;
  }
  return out;
}

/** The period ending at `now`, and its buckets. */
export function periodRange(period: Period, now: number): PeriodRange {
  switch (period) {
    case 'Week': {
      const from = now - 7 * DAY;
      return { period, from, to: now, buckets: steps(from, now, (t) => t + DAY, dayLabel) };
    }
    case 'Month': {
      const from = addMonths(now, -1);
      return { period, from, to: now, buckets: steps(from, now, (t) => t + DAY, dayLabel) };
    }
    case 'Quarter': {
      const from = addMonths(now, -3);
      return { period, from, to: now, buckets: steps(from, now, (t) => t + 7 * DAY, dayLabel) };
    }
    case 'Year': {
      const from = addMonths(now, -12);
      return { period, from, to: now, buckets: steps(from, now, (t) => addMonths(t, 1), monthLabel) };
    }
  }
}

/** Index of the bucket holding `t` (start inclusive, end exclusive; `to` itself is the last), or -1. */
export function bucketOf(range: PeriodRange, t: number): number {
  if (t < range.from || t > range.to) return -1;
  const b = range.buckets;
  let lo = 0;
  let hi = b.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const bucket = b[mid] as Bucket;
    if (t < bucket.start) hi = mid - 1;
    else if (t >= bucket.end && mid < b.length - 1) lo = mid + 1;
    else return mid;
  }
  return -1;
}
