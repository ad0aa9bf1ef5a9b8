import { rowsWhere } from '../draft';
import { dpmdbOf, pointsOf } from './scope';
import { tapeWhere } from './dpmdb-backups';
import type { ServerScope } from './readiness-rules';
import { HOUR, READINESS_CHECKS, hours, list } from './readiness-rules';

/**
 * The server's database held off the server, the age of its newest copy, and the tape to rebuild from; returns
 * the replicas of the database on other DPM servers.
 */
export function dpmdbChecks(scope: ServerScope) {
  const { estate, opts, server, tapeSets, nameOf, add, here } = scope;
  const goal = opts.dpmdbGoalHours * HOUR;
  // The DPMDB, held off the server (seed 001, "Back up the DPM database").
  const dpmdb = dpmdbOf(estate, server);
  const dbReplicas = dpmdb
    ? rowsWhere(estate, 'replicas', 'dataSourceId', dpmdb.id).filter((r) => r.groupId !== null)
    : [];
  const elsewhere = dbReplicas.filter((r) => r.serverId !== server.id);
  const copies: { time: number; where: string }[] = [];
  if (dpmdb) {
    for (const rp of rowsWhere(estate, 'replicas', 'dataSourceId', dpmdb.id).flatMap((r) => pointsOf(estate, r.id))) {
      if (rp.external || rp.location === 'Tape' || (rp.location === 'Disk' && rp.serverId === server.id)) continue;
      copies.push({ time: rp.time, where: rp.location === 'Online' ? 'online' : nameOf(rp.serverId) });
    }
    for (const r of elsewhere)
      if (r.status === 'OK' && r.lastSyncAt !== null) copies.push({ time: r.lastSyncAt, where: nameOf(r.serverId) });
    for (const { tape, set } of tapeSets.get(dpmdb.id) ?? [])
      copies.push({ time: set.time, where: `tape ${tape.barcode}` });
  }
  const holders = [...new Set(copies.map((c) => c.where))].sort();
  if (holders.length > 0) {
    add(
      READINESS_CHECKS.offServer,
      'Passed',
      'DPMDB_OFF_SERVER',
      `Copies of ${server.name}'s database are held on ${list(holders)}.`,
    );
  } else {
    const pending = elsewhere.find((r) => r.status !== 'OK');
    const selfOnly = dbReplicas.some((r) => r.serverId === server.id);
    add(
      READINESS_CHECKS.offServer,
      'Failed',
      'DPMDB_OFF_SERVER',
      pending
        ? `${nameOf(pending.serverId)} protects ${server.name}'s database, but its replica is "${pending.status}": ` +
            `no copy exists off the server yet.`
        : selfOnly
          ? `Only ${server.name}'s own storage pool holds its database: not a good option for disaster recovery. ` +
            `Protect it on a secondary DPM server, on tape or online.`
          : `Nothing protects the database of ${server.name}: after a failure it must be rebuilt by hand and its ` +
            `disk-based recovery points are lost.`,
      pending
        ? { serverId: pending.serverId, path: '/protection', control: 'Perform consistency check' }
        : here('/protection', 'Create protection group'),
    );
  }
  const newest = copies.reduce<number | null>((m, c) => (m === null || c.time > m ? c.time : m), null);
  if (newest === null) {
    add(
      READINESS_CHECKS.age,
      'Failed',
      'DPMDB_COPY_AGE',
      `No copy of ${server.name}'s database exists off the server; the goal is ${opts.dpmdbGoalHours} hours.`,
      here('/protection', 'Create protection group'),
    );
  } else {
    const age = opts.now - newest;
    add(
      READINESS_CHECKS.age,
      age <= goal ? 'Passed' : 'Warning',
      'DPMDB_COPY_AGE',
      `The newest copy of ${server.name}'s database off the server is ${hours(age)} old; the goal is ` +
        `${opts.dpmdbGoalHours} hours.`,
      age <= goal
        ? null
        : { serverId: elsewhere[0]?.serverId ?? server.id, path: '/protection', control: 'Create recovery point' },
    );
  }

  // The tape to rebuild from, found by its barcode (seeds 000 and 001).
  const onTape = dpmdb ? [...(tapeSets.get(dpmdb.id) ?? [])].sort((a, b) => b.set.time - a.set.time)[0] : undefined;
  if (onTape) {
    const t = onTape.tape;
    const library = t.libraryId ? estate.libraries[t.libraryId] : undefined;
    const inLibrary = library !== undefined && t.location !== 'Offsite';
    const label = `${t.inventoried ? t.barcode : 'with no barcode read'}${t.label ? ` (${t.label})` : ''}`;
    if (!t.inventoried) {
      add(
        READINESS_CHECKS.tape,
        'Failed',
        'DPMDB_TAPE_LOCATED',
        `The tape with the newest backup of ${server.name}'s database has not been scanned: its barcode is not ` +
          `known. Run an inventory.`,
        library ? { serverId: library.serverId, path: '/management/libraries', control: 'Inventory libraries…' } : null,
      );
    } else if (!inLibrary && t.location !== 'Offsite') {
      add(
        READINESS_CHECKS.tape,
        'Failed',
        'DPMDB_TAPE_LOCATED',
        `Tape ${label} holds the newest backup of ${server.name}'s database but is neither in a library nor marked ` +
          `off-site.`,
        here('/management/libraries', 'Add tape (I/E port)'),
      );
    } else {
      add(
        READINESS_CHECKS.tape,
        'Passed',
        'DPMDB_TAPE_LOCATED',
        `Tape ${label} holds the newest tape backup of ${server.name}'s database: ${tapeWhere(estate, t)}.` +
          (t.location === 'Offsite' ? '' : ' Two copies of it stored off-site are recommended.'),
      );
    }
  }
  return elsewhere;
}
