import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { Job } from '../model';
import { resolveAlert } from '../alerts/alerts';
import { isImported } from '../library/tape-status';
import { fail, succeed } from './job-outcome';

const YEAR = 365 * 24 * 60 * 60_000;

/** Rescan: every library attached to the server is detected, known to its DPMDB, and available again. */
function completeRescan(draft: Draft, ctx: Ctx, job: Job): void {
  const server = draft.get('servers', job.serverId);
  if (!server) {
    fail(draft, ctx, job, { code: 'NOT_FOUND', message: 'The DPM server no longer exists.' });
    return;
  }
  // A job queued before Rescan became the server's (one library) rescans that library only.
  const libraries = draft
    .where('libraries', 'serverId', server.id)
    .filter((l) => job.libraryId === null || l.id === job.libraryId);
  for (const library of libraries) {
    draft.update('libraries', library.id, { lastRescanAt: ctx.now, available: true });
    resolveAlert(draft, ctx, 'Library not available', server.id, library.id);
  }
  succeed(draft, ctx, job);
}

/** Ends a library job: rescan, inventory, recatalog, erase, and the other jobs of Management › Libraries. */
export function completeLibraryJob(draft: Draft, ctx: Ctx, job: Job): void {
  if (job.type === 'Library rescan') {
    completeRescan(draft, ctx, job);
    return;
  }
  const library = job.libraryId ? draft.get('libraries', job.libraryId) : undefined;
  const server = draft.get('servers', job.serverId);
  if (!library || !server) {
    fail(draft, ctx, job, { code: 'NOT_FOUND', message: 'The library no longer exists.' });
    return;
  }
  const tapesIn = () => draft.where('tapes', 'libraryId', library.id).filter((t) => t.location !== 'Offsite');
  if (!library.available) {
    fail(draft, ctx, job, { code: 'LIBRARY_NOT_AVAILABLE', message: `${library.name} is not available.` });
    return;
  }
  switch (job.type) {
    case 'Fast inventory':
      for (const t of tapesIn()) if (!t.inventoried) draft.update('tapes', t.id, { inventoried: true });
      break;
    case 'Detailed inventory':
      for (const t of tapesIn())
        if (!t.headerRead || !t.inventoried) draft.update('tapes', t.id, { inventoried: true, headerRead: true });
      resolveAlert(draft, ctx, 'Detailed inventory failed', server.id, library.id);
      break;
    case 'Tape recatalog': {
      const tape = job.tapeId ? draft.get('tapes', job.tapeId) : undefined;
      if (!tape || !isImported(tape, server)) {
        fail(draft, ctx, job, {
          code: 'NOT_FOUND',
          message: 'The tape is no longer an imported tape in this library.',
        });
        return;
      }
      draft.update('tapes', tape.id, { catalogedBy: { serverId: server.id, generation: server.generation } });
      for (const set of tape.dataSets) {
        draft.put('recoveryPoints', {
          id: ctx.newId('rp'),
          serverId: server.id,
          replicaId: null,
          dataSourceId: set.dataSourceId,
          time: set.time,
          location: 'Tape',
          expiresAt: tape.expiresAt ?? set.time + YEAR,
          tapeId: tape.id,
          external: true,
          dpmdb: set.dpmdb,
          sizeGb: set.sizeGb,
        });
      }
      break;
    }
    case 'Tape erase data': {
      const tape = job.tapeId ? draft.get('tapes', job.tapeId) : undefined;
      if (tape) {
        draft.update('tapes', tape.id, {
          free: true,
          label: null,
          writtenBy: null,
          dataSets: [],
          encryptedWith: null,
          expiresAt: null,
          catalogedBy: null,
        });
        for (const rp of draft.where('recoveryPoints', 'tapeId', tape.id)) draft.del('recoveryPoints', rp.id);
      }
      break;
    }
    case 'Drive cleaning':
      draft.update('libraries', library.id, { drives: library.drives.map((d) => ({ ...d, needsCleaning: false })) });
      break;
    default:
      break;
  }
  succeed(draft, ctx, job);
}
