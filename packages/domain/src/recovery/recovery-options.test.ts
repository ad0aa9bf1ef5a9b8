import { describe, expect, it } from 'vitest';
import { demo } from '../fixtures/scenarios';
import { World, expectRefusal, latestDiskPoint } from '../test-support';
import { recover } from './recover';
import { latestRefusal } from './recovery-types';

describe(
  "the Recovery Wizard's SQL and file recovery pages (DPM's Recover SQL Server databases and Recover file " + 'data)',
  () => {
    const sales = (w: World) => latestDiskPoint(w.estate, 'srv-DS1', 'ds-PS1-SQL');

    it(
      'refuses Recover to any SQL instance, a network folder or tape with Latest, and recovers to the original ' +
        'instance with Latest',
      () => {
        const w = new World(demo());
        const point = sales(w);
        for (const recoveryType of [
          'Recover to any SQL instance',
          'Copy to a network folder',
          'Copy to tape',
        ] as const) {
          expectRefusal(
            w.estate,
            (s) =>
              recover(
                s,
                {
                  serverId: 'srv-DS1',
                  recoveryPointId: point.id,
                  recoveryType,
                  destination: 'SQL02\\MSSQLSERVER',
                  latest: true,
                },
                w.ctx(),
              ),
            'INVALID_INPUT',
            ['original instance of SQL Server'],
          );
          expect(latestRefusal('SQL database', recoveryType)).not.toBeNull();
        }
        expect(latestRefusal('SQL database', 'Recover to original instance of SQL Server')).toBeNull();
        expect(latestRefusal('Volume', 'Recover to an alternate location')).toBeNull();
        w.run(recover, {
          serverId: 'srv-DS1',
          recoveryPointId: point.id,
          recoveryType: 'Recover to original instance of SQL Server',
          destination: null,
          latest: true,
        });
        expect(w.jobs('Disk recovery')[0]?.params).toMatchObject({
          latest: 'true',
          databaseState: 'Leave database operational',
        });
      },
    );

    it(
      'recovers to any SQL instance under a new database name, in the state chosen on Specify Database State; a bad ' +
        'name is refused naming the field',
      () => {
        const w = new World(demo());
        const point = sales(w);
        const cmd = {
          serverId: 'srv-DS1',
          recoveryPointId: point.id,
          recoveryType: 'Recover to any SQL instance' as const,
          destination: 'SQL02\\MSSQLSERVER',
        };
        expect(recover(w.estate, { ...cmd, databaseName: 'Sales[old]' }, w.ctx())).toMatchObject({
          code: 'INVALID_INPUT',
          target: 'databaseName',
        });
        expect(recover(w.estate, { ...cmd, existingVersion: 'Skip' }, w.ctx())).toMatchObject({
          code: 'INVALID_INPUT',
          target: 'existingVersion',
        });
        w.run(recover, {
          ...cmd,
          databaseName: 'Sales_Restored',
          databaseState: 'Leave database non-operational but able to restore additional transaction logs',
        });
        expect(w.jobs('Disk recovery')[0]?.params).toMatchObject({
          databaseName: 'Sales_Restored',
          databaseState: 'Leave database non-operational but able to restore additional transaction logs',
          destination: 'SQL02\\MSSQLSERVER',
        });
        // Left out, the name is the database's own.
        w.run(recover, cmd);
        expect(w.jobs('Disk recovery').map((j) => j.params.databaseName)).toContain('Sales');
      },
    );

    it(
      "recovers files with the existing version behaviour and security chosen, Create copy and the destination's " +
        'settings by default; a database takes neither',
      () => {
        const w = new World(demo());
        const point = latestDiskPoint(w.estate, 'srv-DS1', 'ds-PS1-C');
        w.run(recover, {
          serverId: 'srv-DS1',
          recoveryPointId: point.id,
          recoveryType: 'Recover to an alternate location',
          destination: 'FS1\\D:\\Recovered',
          existingVersion: 'Overwrite',
          restoreSecurity: 'Apply the security settings of the recovery point version',
        });
        expect(w.jobs('Disk recovery')[0]?.params).toMatchObject({
          existingVersion: 'Overwrite',
          restoreSecurity: 'Apply the security settings of the recovery point version',
        });
        w.advance(60);
        w.run(recover, {
          serverId: 'srv-DS1',
          recoveryPointId: point.id,
          recoveryType: 'Recover to the original location',
          destination: null,
        });
        expect(w.jobs('Disk recovery')[0]?.params).toMatchObject({
          existingVersion: 'Create copy',
          restoreSecurity: 'Apply the security settings of the destination computer',
        });
        expect(
          recover(
            w.estate,
            {
              serverId: 'srv-DS1',
              recoveryPointId: sales(w).id,
              recoveryType: 'Copy to a network folder',
              destination: '\\\\FS1\\Sales',
              restoreSecurity: 'Apply the security settings of the destination computer',
            },
            w.ctx(),
          ),
        ).toMatchObject({ target: 'restoreSecurity' });
      },
    );

    it(
      'moves the whole data source in a full recovery, for as long as that data takes: the 40 GB Sales database, ' +
        'whatever its recovery point holds on disk',
      () => {
        const w = new World(demo());
        // A recovery point that holds less than the database (an older, smaller backup): the recovery moves all 40 GB.
        const held = sales(w);
        const point = { ...held, sizeGb: 2 };
        w.estate = { ...w.estate, recoveryPoints: { ...w.estate.recoveryPoints, [held.id]: point } };
        w.run(recover, {
          serverId: 'srv-DS1',
          recoveryPointId: point.id,
          recoveryType: 'Recover to original instance of SQL Server',
          destination: null,
        });
        const job = w.jobs('Disk recovery')[0];
        expect(job?.totalGb).toBe(40);
        w.advance(5);
        expect(w.jobs('Disk recovery')[0]?.status).toBe('In progress');
        w.advance(10);
        expect(w.jobs('Disk recovery')[0]).toMatchObject({ status: 'Completed', transferredGb: 40 });
      },
    );
  },
);
