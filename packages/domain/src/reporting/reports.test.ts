import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import type { Estate } from '../model';
import { FIXTURE_EPOCH, demo, large } from '../fixtures/scenarios';
import { World, latestDiskPoint, structuredCopy } from '../test-support';
import { recover } from '../recovery/recover';
import type { Cell, ReportDocument, ReportId, ReportTable } from './document';
import { REPORT_IDS, chartTable, formatCell, limitRows } from './document';
import { buildReport } from './reports';
import type { ReportOptions } from './scope';

const week = (serverId: string | null, over: Partial<ReportOptions> = {}): ReportOptions => ({
  now: FIXTURE_EPOCH,
  serverId,
  period: 'Week',
  groupBy: 'Protection group',
  ...over,
});

function report(estate: Estate, id: ReportId, opts: ReportOptions): ReportDocument {
  const doc = buildReport(estate, id, opts);
  if (isDomainError(doc)) throw new Error(doc.message);
  return doc;
}
function table(doc: ReportDocument, id: string): ReportTable {
  const s = doc.sections.find((x) => x.id === id);
  if (s?.kind !== 'table') throw new Error(`no table ${id}`);
  return s;
}
function fact(doc: ReportDocument, label: string): Cell | undefined {
  const s = doc.sections.find((x) => x.kind === 'facts');
  return s?.kind === 'facts' ? s.items.find((i) => i.label === label)?.value : undefined;
}
const column = (t: ReportTable, header: string) =>
  t.rows.map((r) => r[t.columns.findIndex((c) => c.header === header)]);

describe('Status report', () => {
  it("names the last backup of DS1's DPM database with the tape label and barcode, as seed 001 asks", () => {
    const doc = report(demo(), 'status', week('srv-DS1'));
    expect(doc.title).toBe('Status report');
    expect(fact(doc, 'Latest DPM database tape barcode')).toBe('DS1001L8');
    expect(fact(doc, 'Latest DPM database tape label')).toBe('DS1-DPMDB-Tape-0001');
    // DS3's express full backup of DS1's database, due at 21:00 yesterday, done a minute later.
    expect(fact(doc, 'Last backup of the DPM database')).toBe(Date.UTC(2026, 10, 1, 21, 1));
    const backups = table(doc, 'dpmdb-backups');
    expect(backups.rows.map((r) => [r[1], r[2]])).toEqual([
      ['Secondary DPM server', 'DS3'],
      ['Secondary DPM server', 'DS4'],
      ['Tape', 'Tape Library 1 (LTO-8), slot 1'],
    ]);
  });

  it(
    'counts the recovery points created in the week per data source, and the failed ones with their success ' + 'rate',
    () => {
      const w = new World(demo());
      // Seed 000: PS4 lost DS2 from DPMRADmTrustedMachines, so DS2's jobs for it fail.
      w.advance(24 * 60);
      const doc = report(w.estate, 'status', week('srv-DS2', { now: w.now }));
      const rows = table(doc, 'data-sources').rows;
      const ps4 = rows.find((r) => r[1] === 'PS4\\MSSQLSERVER\\Inventory');
      const ps3 = rows.find((r) => r[1] === 'PS3\\MSSQLSERVER\\HR');
      expect(ps4?.[5]).toBeGreaterThan(0);
      expect(Number(ps4?.[6])).toBeLessThan(100);
      expect(ps3?.[5]).toBe(0);
      expect(ps3?.[6]).toBe(100);
      const created = rows.reduce((n, r) => n + Number(r[4]), 0);
      expect(fact(doc, 'Recovery points created')).toBe(created);
      const chart = doc.sections.find((s) => s.kind === 'chart');
      expect(chart?.kind === 'chart' && chart.series[0]?.values.reduce((a, b) => a + b, 0)).toBe(created);
    },
  );

  it("groups by computer on request, and says when nothing protects a DPM server's database", () => {
    const doc = report(demo(), 'status', week('srv-DS4', { groupBy: 'Computer' }));
    expect(table(doc, 'data-sources').columns[0]?.header).toBe('Computer');
    // DS4 protects DS3, and through it the replicas DS3 protects directly: DS1's and DS2's
    // databases and folders (DPM's chaining documentation), not DS3's copies of their computers.
    expect([...new Set(column(table(doc, 'data-sources'), 'Computer'))].sort()).toEqual(['DS1', 'DS2', 'DS3']);
    expect(table(doc, 'dpmdb-backups').rows).toEqual([]);
    expect(fact(doc, 'Backed up to')).toBe('Nothing protects the DPM database');
  });
});

describe('Protection report', () => {
  it("sets each group's goals against the recovery points available, oldest and newest", () => {
    const doc = report(demo(), 'protection', week('srv-DS1'));
    const goals = table(doc, 'goals');
    const sql = goals.rows.find((r) => r[0] === 'SQL databases');
    // Fourteen days of express full backups at 20:00, one a day: all there.
    expect(sql?.slice(2, 7)).toEqual([
      2,
      'Disk: 14 days, synchronization every 15 min; express full at 20:00',
      28,
      28,
      100,
    ]);
    const files = goals.rows.find((r) => r[0] === 'File servers');
    // Three recovery points a day are asked for: the fortnight has them all but the noon points of
    // PS1 that failed on 29 October and the four at 08:00 on 19 October, when the history starts.
    expect(files?.slice(4, 7)).toEqual([168, 162, 96.43]);
    expect(files?.[9]).toBe(Date.UTC(2026, 9, 19, 12, 1));
    expect(files?.[10]).toBe(Date.UTC(2026, 10, 1, 18, 1));
  });
});

describe('Recovery report', () => {
  it('lists a recovery with its type, status, data and time taken', () => {
    const w = new World(demo());
    const point = latestDiskPoint(w.estate, 'srv-DS1', 'ds-PS1-SQL');
    w.run(recover, {
      serverId: 'srv-DS1',
      recoveryPointId: point.id,
      recoveryType: 'Recover to any SQL instance',
      destination: 'SQL2\\RESTORE',
    });
    w.advance(60);
    const doc = report(w.estate, 'recovery', week('srv-DS1', { now: w.now }));
    expect(fact(doc, 'Recoveries run')).toBe(1);
    expect(fact(doc, 'Succeeded')).toBe(1);
    const row = table(doc, 'recoveries-list').rows[0];
    expect(row?.slice(0, 6)).toEqual([
      'SQL databases',
      'PS1\\MSSQLSERVER\\Sales',
      'PS1',
      'DS1',
      'Recover to any SQL instance',
      'Completed',
    ]);
    expect(Number(row?.[7])).toBeGreaterThan(0);
    // A full recovery moves the whole 40 GB database, whatever its recovery point holds on disk.
    expect(row?.[8]).toBe(40);
  });
});

describe('Disk Utilization report', () => {
  it("the disks carry what is allocated to the replicas, and the trend ends at today's use", () => {
    const doc = report(demo(), 'disk-utilization', week('srv-DS3'));
    const allocated = fact(doc, 'Allocated');
    const disks = table(doc, 'disks');
    expect(column(disks, 'Allocated').reduce((n: number, v) => n + Number(v), 0)).toBe(allocated);
    expect(fact(doc, 'Capacity')).toBe(20_000);
    const chart = doc.sections.find((s) => s.kind === 'chart');
    if (chart?.kind !== 'chart') throw new Error('no chart');
    expect(chart.series.find((s) => s.name === 'Allocated')?.values.at(-1)).toBe(allocated);
    expect(chart.series.find((s) => s.name === 'Used')?.values.at(-1)).toBe(fact(doc, 'Used'));
    expect(chartTable(chart).rows).toHaveLength(7);
  });
});

describe('Tape Management report', () => {
  it(
    'lists DS1001L8 as the newest tape with a DPM database backup (seed 000: "the last tape management ' + 'report")',
    () => {
      const doc = report(demo(), 'tape-management', week('srv-DS1'));
      expect(table(doc, 'dpmdb-tapes').rows.map((r) => [r[0], r[2]])).toEqual([
        ['DS1001L8', 'DS1'],
        ['DS2017L8', 'DS2'],
      ]);
      expect(fact(doc, 'Free tapes left')).toBe(6);
      // Unknown tapes show no label: their header was never read.
      const tapes = table(doc, 'tapes');
      expect(tapes.rows.filter((r) => r[4] === 'Unknown').map((r) => r[3])).toEqual([null, null]);
    },
  );

  it('lists an off-site tape that expired as due back', () => {
    const estate = structuredCopy(demo());
    const tape = estate.tapes['tape-DS1002L8'];
    if (!tape) throw new Error('no tape');
    estate.tapes[tape.id] = { ...tape, location: 'Offsite', slot: null, expiresAt: FIXTURE_EPOCH - 1 };
    const doc = report(estate, 'tape-management', week('srv-DS1'));
    expect(table(doc, 'offsite-due').rows).toEqual([
      ['DS1002L8', 'File servers-LT-0002', FIXTURE_EPOCH - 1, 'Expired'],
    ]);
  });
});

describe('Tape Utilization report', () => {
  it('puts the data on tape under its protection group and counts the tapes the week took', () => {
    const doc = report(demo(), 'tape-utilization', week('srv-DS1'));
    const groups = table(doc, 'groups');
    // DS1002L8 (PS1's volumes) and the six tapes of the fortnight's Friday backups: 310 + 620 + 120 GB.
    expect(groups.rows.find((r) => r[0] === 'File servers')?.slice(1, 4)).toEqual([7, 8, 1050]);
    // In the week: last Friday's two tapes, and the two DPMDB tapes.
    expect(fact(doc, 'Tapes used in the period')).toBe(4);
    expect(fact(doc, 'Free tapes now')).toBe(6);
  });
});

describe('every report', () => {
  it('answers for each server, for the estate and for each period, with its title and its scope', () => {
    const estate = demo();
    for (const id of REPORT_IDS) {
      for (const serverId of ['srv-DS1', 'srv-DS3', null]) {
        for (const period of ['Week', 'Month', 'Quarter', 'Year'] as const) {
          const doc = report(estate, id, week(serverId, { period }));
          expect(doc.scope.name).toBe(serverId === null ? 'Entire estate' : serverId.slice(4));
          for (const s of doc.sections)
            if (s.kind === 'table') for (const row of s.rows) expect(row).toHaveLength(s.columns.length);
        }
      }
    }
    expect(isDomainError(buildReport(estate, 'status', week('srv-DS9')))).toBe(true);
  });

  it('a long table is cut for the screen and says how many rows the CSV adds', () => {
    const doc = report(
      large(FIXTURE_EPOCH, {
        primaries: 2,
        secondaries: 1,
        computersPerPrimary: 60,
        dataSourcesPerComputer: 5,
        days: 2,
        tapes: 10,
      }),
      'status',
      week(null),
    );
    const cut = limitRows(doc, 100);
    const rows = table(doc, 'data-sources').rows.length;
    expect(rows).toBeGreaterThan(100);
    expect(table(cut, 'data-sources')).toMatchObject({ omittedRows: rows - 100 });
    expect(table(cut, 'data-sources').rows).toHaveLength(100);
  });

  it('prints cells by their kind, in UTC', () => {
    expect(formatCell(Date.UTC(2026, 10, 1, 20), 'time')).toBe('2026-11-01 20:00 UTC');
    expect(formatCell(2048, 'gb')).toBe('2.00 TB');
    expect(formatCell(33.333, 'percent')).toBe('33.33 %');
    expect(formatCell(3_723_000, 'duration')).toBe('01:02:03');
    expect(formatCell(null, 'number')).toBe('—');
  });
});
