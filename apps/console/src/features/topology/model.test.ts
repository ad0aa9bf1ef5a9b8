import { describe, expect, it } from 'vitest';
import { topologyGraph } from '@dpm/domain/topology/estate-graph';
import { large, scenario1 } from '@dpm/domain/fixtures/scenarios';
import { drawing, listId, MAX_INLINE_COMPUTERS, neighbour, type Direction, type Point } from './model';

describe('the topology drawing', () => {
  it('draws seed 004 scenario 1 with its servers and computers one by one, arrows from protector to protected', () => {
    const d = drawing(topologyGraph(scenario1()), new Set());
    expect(d.nodes.map((n) => [n.kind, n.id])).toEqual([
      ['server', 'srv-DS1'],
      ['server', 'srv-DS2'],
      ['server', 'srv-DS3'],
      ['server', 'srv-DS4'],
      ['computer', 'cmp-PS1'],
      ['computer', 'cmp-PS2'],
      ['computer', 'cmp-PS3'],
      ['computer', 'cmp-PS4'],
    ]);
    expect(d.edges.map((e) => `${e.source}>${e.target}:${e.kind}`)).toEqual([
      'srv-DS1>cmp-PS1:primary',
      'srv-DS1>cmp-PS2:primary',
      'srv-DS2>cmp-PS3:primary',
      'srv-DS2>cmp-PS4:primary',
      'srv-DS3>srv-DS1:secondary',
      'srv-DS3>srv-DS2:secondary',
      'srv-DS4>srv-DS3:secondary',
    ]);
  });

  it("counts the computers of a large estate on their servers, and opens one server's list on demand", () => {
    const t = topologyGraph(
      large(0, { primaries: 4, secondaries: 1, computersPerPrimary: 20, dataSourcesPerComputer: 1, days: 0, tapes: 0 }),
    );
    expect(4 * 20).toBeGreaterThan(MAX_INLINE_COMPUTERS);
    const closed = drawing(t, new Set());
    expect(closed.nodes.filter((n) => n.kind !== 'server')).toEqual([]);
    expect(closed.edges).toHaveLength(4);
    const open = drawing(t, new Set(['srv-DPM02']));
    expect(open.nodes.filter((n) => n.kind === 'computers').map((n) => n.id)).toEqual([listId('srv-DPM02')]);
    expect(open.edges).toContainEqual({
      id: 'protects:srv-DPM02>computers',
      source: 'srv-DPM02',
      target: listId('srv-DPM02'),
      kind: 'computers',
    });
  });
});

describe('the arrow keys move along the edges', () => {
  // DPMS01 above DPM01…DPM04 (left to right), DPM02's list of computers under it.
  const t = topologyGraph(
    large(0, { primaries: 4, secondaries: 1, computersPerPrimary: 20, dataSourcesPerComputer: 1, days: 0, tapes: 0 }),
  );
  const d = drawing(t, new Set(['srv-DPM02']));
  const positions = new Map<string, Point>([
    ['srv-DPMS01', { x: 150, y: 0 }],
    ['srv-DPM01', { x: 0, y: 100 }],
    ['srv-DPM02', { x: 200, y: 100 }],
    ['srv-DPM03', { x: 400, y: 100 }],
    ['srv-DPM04', { x: 600, y: 100 }],
    [listId('srv-DPM02'), { x: 170, y: 200 }],
  ]);
  const go = (from: string, key: Direction) => neighbour(d.edges, positions, from, key);

  it('up to the secondary, down to the nearest protected server', () => {
    expect(go('srv-DPM01', 'ArrowUp')).toBe('srv-DPMS01');
    expect(go('srv-DPMS01', 'ArrowDown')).toBe('srv-DPM02');
    expect(go(listId('srv-DPM02'), 'ArrowUp')).toBe('srv-DPM02');
    expect(go('srv-DPM02', 'ArrowDown')).toBe(listId('srv-DPM02'));
    expect(go('srv-DPMS01', 'ArrowUp')).toBeNull();
  });

  it('left and right among the servers the same secondary protects', () => {
    expect(go('srv-DPM01', 'ArrowRight')).toBe('srv-DPM02');
    expect(go('srv-DPM03', 'ArrowLeft')).toBe('srv-DPM02');
    expect(go('srv-DPM04', 'ArrowRight')).toBeNull();
    expect(go('srv-DPM01', 'ArrowLeft')).toBeNull();
    expect(go('srv-DPM03', 'Home')).toBe('srv-DPM01');
    expect(go('srv-DPM02', 'End')).toBe('srv-DPM04');
  });
});
