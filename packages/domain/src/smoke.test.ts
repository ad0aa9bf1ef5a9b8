import { describe, expect, it } from 'vitest';
import { analyseTopology } from './topology/topology';
import { scenario1, scenario2, scenario3 } from './fixtures/scenarios';

describe('fixtures', () => {
  it('scenario 1 analyses as the seed 004 table', () => {
    const t = analyseTopology(scenario1());
    const row = (n: string) => t.servers.find((s) => s.name === n);
    expect(row('DS1')?.protecting).toEqual(['PS1', 'PS2']);
    expect(row('DS1')?.protectedBy).toEqual(['DS3']);
    expect(row('DS3')?.protecting).toEqual(['DS1', 'DS2']);
    expect(row('DS3')?.protectedBy).toEqual(['DS4']);
    expect(row('DS4')?.protecting).toEqual(['DS3']);
    expect(t.violations).toEqual([]);
  });
  it('scenario 2 and 3', () => {
    expect(analyseTopology(scenario2()).violations).toEqual([]);
    const t3 = analyseTopology(scenario3());
    expect(t3.violations).toEqual([]);
    expect(t3.cycles).toEqual([['DS2', 'DS3']]);
  });
});
