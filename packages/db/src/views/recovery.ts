import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { DataSourceKind, RecoveryPointLocation } from '@dpm/domain/model';

export interface RecoverableSource {
  dataSourceId: string;
  dataSource: string;
  kind: DataSourceKind;
  computerId: string;
  computer: string;
  recoveryPoints: number;
  latest: number | null;
}

/** The connected server's protected computers and data sources that hold recovery points (Browse). */
export function listRecoverable(db: Db, serverId: string, search?: string): RecoverableSource[] {
  const s = search ? `%${search.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
  return db.all<RecoverableSource>(sql`
    SELECT ds.id AS dataSourceId, ds.name AS dataSource, ds.kind, c.id AS computerId, c.name AS computer,
      count(rp.id) AS recoveryPoints, max(rp.time) AS latest
    FROM data_sources ds
    JOIN computers c ON c.id = ds.computer_id
    LEFT JOIN recovery_points rp ON rp.data_source_id = ds.id AND rp.server_id = ${serverId} AND rp.external = 0
    WHERE ds.id IN (
      SELECT data_source_id FROM replicas WHERE server_id = ${serverId}
      UNION SELECT data_source_id FROM recovery_points WHERE server_id = ${serverId} AND external = 0)
      AND (${s} IS NULL OR ds.name LIKE ${s} ESCAPE '\\' OR c.name LIKE ${s} ESCAPE '\\')
    GROUP BY ds.id
    ORDER BY c.name COLLATE NOCASE, ds.name COLLATE NOCASE`);
}

export interface RecoveryPointRow {
  id: string;
  time: number;
  location: RecoveryPointLocation;
  expiresAt: number;
  tape: string | null;
  tapeId: string | null;
  external: boolean;
  hasDatabase: boolean;
  /** What recovering the whole data source from this point brings back: the data source's size. */
  sizeGb: number;
}

export function listRecoveryPoints(
  db: Db,
  serverId: string,
  dataSourceId: string,
  external: boolean,
): RecoveryPointRow[] {
  const rows = db.all<
    Omit<RecoveryPointRow, 'external' | 'hasDatabase'> & { external: number; hasDatabase: number }
  >(sql`
    SELECT rp.id, rp.time, rp.location, rp.expires_at AS expiresAt, t.barcode AS tape, rp.tape_id AS tapeId,
      rp.external,
      (rp.dpmdb IS NOT NULL AND rp.dpmdb != 'null') AS hasDatabase, max(rp.size_gb, coalesce(ds.size_gb, 0)) AS sizeGb
    FROM recovery_points rp LEFT JOIN tapes t ON t.id = rp.tape_id LEFT JOIN data_sources ds ON ds.id =
      rp.data_source_id
    WHERE rp.server_id = ${serverId} AND rp.data_source_id = ${dataSourceId} AND rp.external = ${external ? 1 : 0}
    ORDER BY rp.time DESC, rp.id`);
  return rows.map((r) => ({ ...r, external: r.external === 1, hasDatabase: r.hasDatabase === 1 }));
}

export interface ExternalTapeSource {
  tapeId: string;
  barcode: string;
  writtenBy: string | null;
  dataSourceId: string;
  dataSource: string;
  computer: string;
  recoveryPoints: number;
}

/** Recovery › External DPM Tapes: what recataloged imported tapes hold. */
export function listExternalTapes(db: Db, serverId: string): ExternalTapeSource[] {
  return db.all<ExternalTapeSource>(sql`
    SELECT t.id AS tapeId, t.barcode, json_extract(t.written_by, '$.serverName') AS writtenBy,
      ds.id AS dataSourceId, ds.name AS dataSource, c.name AS computer, count(rp.id) AS recoveryPoints
    FROM recovery_points rp JOIN tapes t ON t.id = rp.tape_id
    JOIN data_sources ds ON ds.id = rp.data_source_id JOIN computers c ON c.id = ds.computer_id
    WHERE rp.server_id = ${serverId} AND rp.external = 1
    GROUP BY t.id, ds.id ORDER BY t.barcode, ds.name`);
}
