import { describe, expect, it } from 'vitest';
import { FIXTURE_EPOCH } from '../fixtures/scenarios';
import { addMonths, bucketOf, periodRange } from './period';
import { nextRunAfter, describeTiming } from './schedule';

describe('report periods (Reporting › Period), ending now on the simulated clock', () => {
  it('a week is seven days, a month a calendar month of days, a quarter weeks, a year twelve months', () => {
    const week = periodRange('Week', FIXTURE_EPOCH);
    expect(week.buckets.map((b) => b.label)).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(week.to).toBe(FIXTURE_EPOCH);
    const month = periodRange('Month', FIXTURE_EPOCH);
    expect(new Date(month.from).toISOString()).toBe('2026-10-02T08:00:00.000Z');
    expect(month.buckets).toHaveLength(31);
    expect(periodRange('Quarter', FIXTURE_EPOCH).buckets).toHaveLength(14);
    const year = periodRange('Year', FIXTURE_EPOCH);
    expect(year.buckets.map((b) => b.label)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(year.buckets.at(-1)?.end).toBe(FIXTURE_EPOCH);
  });

  it('places a time in its bucket; the end of the period counts in the last one, times outside in none', () => {
    const week = periodRange('Week', FIXTURE_EPOCH);
    expect(bucketOf(week, week.from)).toBe(0);
    expect(bucketOf(week, Date.UTC(2026, 10, 1, 20))).toBe(6);
    expect(bucketOf(week, FIXTURE_EPOCH)).toBe(6);
    expect(bucketOf(week, week.from - 1)).toBe(-1);
    expect(bucketOf(week, FIXTURE_EPOCH + 1)).toBe(-1);
  });

  it('moves by calendar months, keeping the day where the month has it', () => {
    expect(new Date(addMonths(Date.UTC(2026, 0, 31, 9), 1)).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(new Date(addMonths(Date.UTC(2026, 2, 31), -1)).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('report schedules (Reporting › Schedule) on the simulated clock', () => {
  const at = (frequency: 'Daily' | 'Weekly' | 'Monthly', timeOfDay: number, dayOfWeek = 1, dayOfMonth = 1) => ({
    frequency,
    timeOfDay,
    dayOfWeek,
    dayOfMonth,
  });

  it('runs next strictly after the time given', () => {
    // FIXTURE_EPOCH is Monday 2 November 2026, 08:00 UTC.
    expect(new Date(nextRunAfter(at('Daily', 9 * 60), FIXTURE_EPOCH)).toISOString()).toBe('2026-11-02T09:00:00.000Z');
    expect(new Date(nextRunAfter(at('Daily', 8 * 60), FIXTURE_EPOCH)).toISOString()).toBe('2026-11-03T08:00:00.000Z');
    expect(new Date(nextRunAfter(at('Weekly', 9 * 60, 1), FIXTURE_EPOCH)).toISOString()).toBe(
      '2026-11-02T09:00:00.000Z',
    );
    expect(new Date(nextRunAfter(at('Weekly', 7 * 60, 1), FIXTURE_EPOCH)).toISOString()).toBe(
      '2026-11-09T07:00:00.000Z',
    );
    expect(new Date(nextRunAfter(at('Weekly', 0, 0), FIXTURE_EPOCH)).toISOString()).toBe('2026-11-08T00:00:00.000Z');
    expect(new Date(nextRunAfter(at('Monthly', 6 * 60, 1, 1), FIXTURE_EPOCH)).toISOString()).toBe(
      '2026-12-01T06:00:00.000Z',
    );
  });

  it('a monthly schedule on the 31st runs on the last day of a shorter month', () => {
    expect(new Date(nextRunAfter(at('Monthly', 0, 1, 31), FIXTURE_EPOCH)).toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
    expect(new Date(nextRunAfter(at('Monthly', 0, 1, 31), Date.UTC(2027, 1, 1))).toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
  });

  it('says when it runs in words', () => {
    expect(describeTiming(at('Weekly', 9 * 60 + 30, 1))).toBe('Weekly on Monday at 09:30 UTC');
    expect(describeTiming(at('Monthly', 0, 1, 15))).toBe('Monthly on day 15 at 00:00 UTC');
  });
});
