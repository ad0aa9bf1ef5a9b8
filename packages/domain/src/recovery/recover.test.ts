import { describe, expect, it } from 'vitest';
import { demo } from '../fixtures/scenarios';
import { RESTORE_FOLDER, World, expectRefusal, latestDiskPoint } from '../test-support';
import { recatalogImportedTape } from '../library/recatalog-imported-tape';
import { recover } from './recover';
import { recoverableItems } from './recoverable-items';

const DS2_TAPE = 'tape-DS2017L8';
const fromDs2Tape = {
  serverId: 'srv-DS1',
  tape: { tapeId: DS2_TAPE, dataSetIndex: 0 },
  recoveryType: 'Copy to a network folder' as const,
  destination: RESTORE_FOLDER,
};

describe('recover (Recovery Wizard)', () => {
  it(
    "refuses recovering DS2's DPMDB from the imported tape DS2017L8 on DS1 before it is recataloged: NOT_CATALOGED " +
      '(seeds 000, 001)',
    () => {
      const w = new World(demo());
      expectRefusal(w.estate, (s) => recover(s, fromDs2Tape, w.ctx()), 'NOT_CATALOGED', [
        'DS2017L8',
        'Recatalog imported tape',
        'External DPM Tapes',
      ]);

      w.run(recatalogImportedTape, { serverId: 'srv-DS1', tapeId: DS2_TAPE });
      w.advance(5);
      const external = Object.values(w.estate.recoveryPoints).filter(
        (p) => p.tapeId === DS2_TAPE && p.serverId === 'srv-DS1',
      );
      expect(external).toEqual([
        expect.objectContaining({ external: true, dataSourceId: 'ds-DS2-DPMDB', location: 'Tape' }),
      ]);
      expect(external[0]?.dpmdb?.serverName).toBe('DS2');

      w.run(recover, fromDs2Tape);
      w.advance(10);
      expect(w.jobs('Tape recovery')[0]).toMatchObject({ status: 'Completed', tapeId: DS2_TAPE });
      // External recovery points are not expired by the clock like the server's own.
      w.advance(24 * 60);
      expect(w.estate.recoveryPoints[external[0]?.id ?? '']).toBeDefined();
    },
  );

  it("refuses reading DS2's encrypted tape on DS1 without DS2's certificate: TAPE_CERTIFICATE (seed 001)", () => {
    const estate = demo();
    const t = estate.tapes[DS2_TAPE];
    if (!t) throw new Error('fixture');
    t.encryptedWith = 'DS2-tape-encryption';
    const w = new World(estate);
    expectRefusal(
      w.estate,
      (s) => recatalogImportedTape(s, { serverId: 'srv-DS1', tapeId: DS2_TAPE }, w.ctx()),
      'TAPE_CERTIFICATE',
      ['DS2017L8', 'DS2-tape-encryption', 'DS1'],
    );

    const ds1 = w.estate.servers['srv-DS1'];
    if (!ds1) throw new Error('fixture');
    w.estate = {
      ...w.estate,
      servers: { ...w.estate.servers, 'srv-DS1': { ...ds1, certificates: ['DS2-tape-encryption'] } },
    };
    w.run(recatalogImportedTape, { serverId: 'srv-DS1', tapeId: DS2_TAPE });
    w.advance(5);
    // The certificate is checked again when the data is read.
    const without = { ...w.estate, servers: { ...w.estate.servers, 'srv-DS1': { ...ds1, certificates: [] } } };
    expectRefusal(without, (s) => recover(s, fromDs2Tape, w.ctx()), 'TAPE_CERTIFICATE', ['DS2017L8', 'DS1']);
    w.run(recover, fromDs2Tape);
  });

  it(
    'recovers a SQL database from the secondary DS3 to a network folder, and refuses a recovery type the data ' +
      'source has not',
    () => {
      const w = new World(demo());
      const point = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-SQL');
      expectRefusal(
        w.estate,
        (s) =>
          recover(
            s,
            {
              serverId: 'srv-DS3',
              recoveryPointId: point.id,
              recoveryType: 'Recover to the original location',
              destination: null,
            },
            w.ctx(),
          ),
        'INVALID_INPUT',
        ['sql database'],
      );
      expectRefusal(
        w.estate,
        (s) =>
          recover(
            s,
            {
              serverId: 'srv-DS3',
              recoveryPointId: point.id,
              recoveryType: 'Copy to a network folder',
              destination: ' ',
            },
            w.ctx(),
          ),
        'INVALID_INPUT',
        ['where to recover'],
      );
      w.run(recover, {
        serverId: 'srv-DS3',
        recoveryPointId: point.id,
        recoveryType: 'Copy to a network folder',
        destination: '\\\\FS1\\Sales',
      });
      w.advance(30);
      expect(w.jobs('Disk recovery')[0]).toMatchObject({ status: 'Completed', serverId: 'srv-DS3' });
    },
  );

  it(
    'recovers a file of C:\\ on PS1 from the secondary DS3 while DS1 is lost; an item the point has not, or items ' +
      'of a SQL database, are refused (seed 000)',
    () => {
      const w = new World(demo());
      const point = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C');
      const ds = w.estate.dataSources['ds-PS1-C'];
      if (!ds) throw new Error('fixture');
      const items = recoverableItems(ds);
      expect(items.map((i) => i.path)).toContain('C:\\Data\\Sales\\Q3 forecast.xlsx');
      const file = 'C:\\Data\\Sales\\Q3 forecast.xlsx';
      const to = {
        serverId: 'srv-DS3',
        recoveryPointId: point.id,
        recoveryType: 'Recover to an alternate location' as const,
        destination: '\\\\FS1\\Recovered',
      };
      expectRefusal(w.estate, (s) => recover(s, { ...to, items: ['C:\\Nowhere\\x.txt'] }, w.ctx()), 'INVALID_INPUT', [
        'C:\\Nowhere\\x.txt',
        'C:\\',
      ]);
      const sql = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-SQL');
      expectRefusal(
        w.estate,
        (s) =>
          recover(
            s,
            {
              serverId: 'srv-DS3',
              recoveryPointId: sql.id,
              recoveryType: 'Copy to a network folder',
              destination: '\\\\FS1\\x',
              items: [file],
            },
            w.ctx(),
          ),
        'INVALID_INPUT',
        ['recovered whole'],
      );

      // A file inside a chosen folder comes with the folder: one item is recovered.
      w.run(recover, { ...to, items: [file, 'C:\\Data\\'] });
      const job = w.jobs('Disk recovery')[0];
      expect(job?.params.items).toBe('C:\\Data\\');
      expect(job?.totalGb).toBeLessThan(ds.sizeGb);
      w.advance(60);
      expect(w.jobs('Disk recovery')[0]?.status).toBe('Completed');
      const alert = w.alerts('Recovery succeeded', 'srv-DS3').at(-1);
      expect(alert?.description).toContain('Recovered C:\\Data\\ to \\\\FS1\\Recovered.');
    },
  );
});
