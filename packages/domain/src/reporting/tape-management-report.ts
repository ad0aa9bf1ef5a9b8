import type { Estate, Tape } from '../model';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import { tapeStatus } from '../library/tape-status';
import type { Cell, ReportDocument } from './document';
import type { ReportOptions, Scope } from './scope';
import { compareText, documentOf, librariesIn, scopeOf } from './scope';
import { tapeWhere } from './dpmdb-backups';
import { tableBuilder } from './table';

const DAY = 24 * 60 * 60_000;
/** Off-site tapes that expire within this many days are due back, to be recycled (DPM's Tape Management report). */
export const RETURN_WINDOW_DAYS = 7;

/** The tapes of a report's scope: those in its ' +
  'servers' libraries (off-site ones included), and tapes its servers wrote that left every library. */
export function tapesIn(scope: Scope): { tape: Tape; serverId: string }[] {
  const libraries = new Map(librariesIn(scope).map((l) => [l.id, l.serverId]));
  const out: { tape: Tape; serverId: string }[] = [];
  for (const tape of Object.values(scope.estate.tapes)) {
    const holder = tape.libraryId ? libraries.get(tape.libraryId) : undefined;
    if (holder) out.push({ tape, serverId: holder });
    else if (!tape.libraryId && tape.writtenBy && scope.serverIds.has(tape.writtenBy.serverId))
      out.push({ tape, serverId: tape.writtenBy.serverId });
  }
  return out;
}

function dpmdbName(estate: Estate, dataSourceId: string, fallback: string | null): string {
  const ds = estate.dataSources[dataSourceId];
  const server = ds ? Object.values(estate.servers).find((s) => s.computerId === ds.computerId) : undefined;
  return server?.name ?? fallback ?? dataSourceId;
}

/**
 * Tape Management (DPM's Tape Management report): every tape by barcode and label with its
 * status, data sets and expiry; the tapes that hold a backup of a DPM database, newest first
 * (seed 000: "You can identify this tape from the last tape management report"); the tapes due
 * back from off-site; and the free tapes left in each library. A tape's label and contents are
 * shown only once its header was read (an Unknown tape shows its barcode only, if scanned).
 */
export function tapeManagementReport(estate: Estate, opts: ReportOptions): ReportDocument | DomainError {
  const scope = scopeOf(estate, opts);
  if (isDomainError(scope)) return scope;
  const tapes = tapesIn(scope).sort(
    (a, b) =>
      compareText(a.tape.libraryId ?? '~', b.tape.libraryId ?? '~') ||
      (a.tape.slot ?? 1e9) - (b.tape.slot ?? 1e9) ||
      compareText(a.tape.barcode, b.tape.barcode),
  );
  const rows: Cell[][] = [];
  const dpmdbRows: { time: number; row: Cell[] }[] = [];
  const due: Cell[][] = [];
  for (const { tape, serverId } of tapes) {
    const server = estate.servers[serverId];
    const status = server ? tapeStatus(tape, server) : tape.free ? 'Free' : (tape.label ?? '');
    const known = tape.headerRead;
    const dbSets = known ? tape.dataSets.filter((d) => d.dpmdb !== null) : [];
    const newestDb = dbSets.reduce<number | null>((m, d) => (m === null || d.time > m ? d.time : m), null);
    const library = tape.libraryId ? (estate.libraries[tape.libraryId]?.name ?? tape.libraryId) : 'None';
    rows.push([
      library,
      tapeWhere(estate, tape),
      tape.inventoried ? tape.barcode : null,
      known ? tape.label : null,
      status,
      known ? tape.dataSets.length : null,
      known ? tape.expiresAt : null,
      known ? (tape.writtenBy?.serverName ?? null) : null,
      newestDb,
    ]);
    for (const set of dbSets) {
      dpmdbRows.push({
        time: set.time,
        row: [
          tape.barcode,
          tape.label,
          dpmdbName(estate, set.dataSourceId, set.dpmdb?.serverName ?? null),
          set.time,
          tapeWhere(estate, tape),
          tape.expiresAt,
          status,
        ],
      });
    }
    if (
      tape.location === 'Offsite' &&
      (tape.free || (tape.expiresAt !== null && tape.expiresAt <= opts.now + RETURN_WINDOW_DAYS * DAY))
    ) {
      const reason = tape.free
        ? 'Free'
        : (tape.expiresAt ?? 0) <= opts.now
          ? 'Expired'
          : `Expires within ${RETURN_WINDOW_DAYS} days`;
      due.push([tape.barcode, known ? tape.label : null, tape.expiresAt, reason]);
    }
  }
  dpmdbRows.sort((a, b) => b.time - a.time);
  const libraries = librariesIn(scope).sort((a, b) => compareText(a.name, b.name));
  const freeRows: Cell[][] = libraries.map((l) => {
    const inLibrary = tapes.filter((t) => t.tape.libraryId === l.id && t.tape.location !== 'Offsite');
    const free = inLibrary.filter((t) => t.tape.free && t.tape.headerRead && !t.tape.cleaning).length;
    return [l.name, estate.servers[l.serverId]?.name ?? l.serverId, l.slots, inLibrary.length, free];
  });
  const freeTotal = freeRows.reduce((n, r) => n + Number(r[4] ?? 0), 0);
  const newest = dpmdbRows[0]?.row;
  const table = tableBuilder();

  return documentOf(scope, 'tape-management', [
    {
      kind: 'facts',
      id: 'summary',
      title: 'Summary',
      items: [
        { label: 'Tapes', value: tapes.length, kind: 'number' },
        { label: 'Free tapes left', value: freeTotal, kind: 'number' },
        { label: 'Tapes off-site', value: tapes.filter((t) => t.tape.location === 'Offsite').length, kind: 'number' },
        { label: 'Tapes due back from off-site', value: due.length, kind: 'number' },
        {
          label: 'Newest DPM database tape',
          value: newest ? `${String(newest[0])} (${String(newest[1] ?? 'no label')})` : null,
          kind: 'text',
        },
      ],
    },
    table(
      {
        id: 'dpmdb-tapes',
        title: 'Tapes with a backup of the DPM database, newest first',
        empty: 'No tape holds a backup of a DPM database.',
      },
      ['barcode', 'label', 'dpmdbOf', 'backupTime', 'tapeWhere', 'expiry', 'status'],
      dpmdbRows.map((r) => r.row),
    ),
    table(
      { id: 'tapes', title: 'Tapes', empty: 'No tape in this scope.' },
      ['library', 'location', 'barcode', 'label', 'status', 'dataSets', 'expiry', 'writtenBy', 'dpmdb'],
      rows,
    ),
    table(
      { id: 'offsite-due', title: 'Tapes due back from off-site', empty: 'No off-site tape is due back.' },
      ['barcode', 'label', 'expiry', 'reason'],
      due,
    ),
    table(
      { id: 'free-tapes', title: 'Free tapes left per library', empty: 'No library in this scope.' },
      ['library', 'server', 'slots', 'tapes', 'freeTapes'],
      freeRows,
    ),
  ]);
}
