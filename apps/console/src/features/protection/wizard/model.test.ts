import { describe, expect, it } from 'vitest';
import { SYNC_CHOICES } from './time-input';
import { initialState, sortedMembers, tapeSummary } from './model';
import { type Candidate } from './candidates';

const candidate = (computer: string, name: string): Candidate => ({
  key: `${computer}|${name}`,
  dataSourceId: name,
  sourceServerId: null,
  name,
  computer,
  kind: 'Volume',
  sizeGb: 1,
  protectedBy: null,
  whyNot: null,
});

describe('the protection group wizard', () => {
  it('lists the members chosen by computer, then by name, whatever the order they were ticked in', () => {
    const s = {
      ...initialState('G', 0),
      members: Object.fromEntries(
        [candidate('PS2', 'D:\\'), candidate('PS1', 'D:\\'), candidate('PS1', 'C:\\')].map((c) => [c.key, c]),
      ),
    };
    expect(sortedMembers(s).map((m) => `${m.name} on ${m.computer}`)).toEqual([
      'C:\\ on PS1',
      'D:\\ on PS1',
      'D:\\ on PS2',
    ]);
  });

  it('offers the synchronization frequencies DPM offers, in its words', () => {
    expect(SYNC_CHOICES.map((c) => c.label)).toEqual([
      'Every 15 minutes',
      'Every 30 minutes',
      'Every 1 hour',
      'Every 2 hours',
      'Every 4 hours',
      'Every 6 hours',
      'Every 12 hours',
      'Every 24 hours',
    ]);
  });

  it('says one copy and one week in the singular', () => {
    const s = {
      ...initialState('G', 0),
      tapeFrequency: 'Monthly' as const,
      tapeRetentionCount: '1',
      tapeRetentionUnit: 'Years' as const,
      tapeCopies: '1',
    };
    expect(tapeSummary(s, 'Library 1')).toBe('Monthly at 23:00, kept 1 year, 1 copy, library Library 1');
    expect(
      tapeSummary({ ...s, tapeRetentionCount: '4', tapeRetentionUnit: 'Weeks', tapeCopies: '2' }, 'Library 1'),
    ).toBe('Monthly at 23:00, kept 4 weeks, 2 copies, library Library 1');
  });
});
