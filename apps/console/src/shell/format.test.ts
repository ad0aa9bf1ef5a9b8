import { describe, expect, it } from 'vitest';
import { formatDuration, formatGb, formatTime, parseVersion } from './format';

describe('the console formats simulated times, durations and sizes as the DPM console shows them', () => {
  it('shows times in UTC, and a dash for none', () => {
    expect(formatTime(Date.UTC(2026, 10, 2, 8, 5))).toBe('2026-11-02 08:05 UTC');
    expect(formatTime(null)).toBe('—');
  });

  it('shows durations as hh:mm:ss', () => {
    expect(formatDuration(3_723_000)).toBe('01:02:03');
    expect(formatDuration(-5)).toBe('00:00:00');
  });

  it('shows sizes in GB, and in TB from 1,024 GB', () => {
    expect(formatGb(2.5)).toBe('2.50 GB');
    expect(formatGb(60)).toBe('60.0 GB');
    expect(formatGb(2048)).toBe('2.00 TB');
  });
});

describe('a DPM version typed in Management › Estate', () => {
  it('is major.minor.build with an update rollup', () => {
    expect(parseVersion('10.19.260', '4')).toEqual({ major: 10, minor: 19, build: 260, rollup: 4 });
    expect(parseVersion(' 9.0.100 ', '0')).toEqual({ major: 9, minor: 0, build: 100, rollup: 0 });
  });

  it('is refused when it is not one', () => {
    for (const [v, ur] of [
      ['10.19', '4'],
      ['10.19.x', '4'],
      ['10.19.260', '-1'],
      ['10.19.260', '1.5'],
      ['', ''],
    ])
      expect(parseVersion(v ?? '', ur ?? '')).toBeNull();
  });
});
