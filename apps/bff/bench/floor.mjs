// The floor `pnpm bench` measures the console against: node:http and better-sqlite3 on a copy of
// the same SQLite file, each page one prepared statement (the same rows the console's query
// reads, counted and paged) answered with the console's own JSON bytes, captured beforehand; the
// tick replays the rows the console's one-day advance changed, in one transaction.
// node bench/floor.mjs <db file> <port> <bodies.json> ; prints "listening" when ready.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../packages/db/package.json', import.meta.url));
const Database = require('better-sqlite3');
const [file, port, bodiesFile] = process.argv.slice(2);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
let buf = {};
const loadBodies = () => {
  buf = Object.fromEntries(
    Object.entries(JSON.parse(readFileSync(bodiesFile, 'utf8'))).map(([k, v]) => [k, Buffer.from(v)]),
  );
};

const statements = {
  health: db.prepare(
    'SELECT (SELECT count(*) FROM __drizzle_migrations) AS m, (SELECT value FROM meta WHERE key = ?) AS seed, ' +
      '(SELECT count(*) FROM servers) AS s',
  ),
  membersCount: db.prepare(
    'SELECT count(*) AS n FROM replicas r JOIN data_sources ds ON ds.id = r.data_source_id ' +
      'JOIN computers c ON c.id = ds.computer_id WHERE r.server_id = ? AND r.group_id IS NOT NULL',
  ),
  members: db.prepare(`SELECT r.id, ds.name AS dataSource, ds.id AS dataSourceId, ds.kind,
      c.name AS computer, c.id AS computerId,
      r.status, r.replica_path AS replicaPath,
      (SELECT max(rp.time) FROM recovery_points rp WHERE rp.replica_id = r.id) AS lastRecoveryPoint,
      r.group_id AS groupId, g.name AS "group", src.name AS sourceServer,
      r.source_server_id AS sourceServerId, r.switched, r.revision
    FROM replicas r JOIN data_sources ds ON ds.id = r.data_source_id JOIN computers c ON c.id = ds.computer_id
    LEFT JOIN protection_groups g ON g.id = r.group_id LEFT JOIN servers src ON src.id = r.source_server_id
    WHERE r.server_id = ? AND r.group_id IS NOT NULL ORDER BY ds.name COLLATE NOCASE, r.id LIMIT 101`),
  jobsCount: db.prepare('SELECT count(*) AS n FROM jobs WHERE server_id = ?'),
  jobs: db.prepare('SELECT * FROM jobs WHERE server_id = ? ORDER BY scheduled_at DESC, id DESC LIMIT 101'),
  alertsCount: db.prepare('SELECT count(*) AS n FROM alerts WHERE server_id = ?'),
  alerts: db.prepare('SELECT * FROM alerts WHERE server_id = ? ORDER BY raised_at DESC, id DESC LIMIT 101'),
};

const send = (res, body) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
};

/** The rows the console's advance changed, read before the replay is timed. */
let replay = null;
function prepareReplay(after, tables) {
  db.exec(`ATTACH '${after.replaceAll("'", "''")}' AS a`);
  replay = tables.map((t) => {
    const cols = db
      .prepare(`SELECT name FROM pragma_table_info('${t}')`)
      .all()
      .map((c) => `"${c.name}"`);
    const rows = db
      .prepare(`SELECT ${cols.join(', ')} FROM a."${t}" EXCEPT SELECT ${cols.join(', ')} FROM main."${t}"`)
      .raw()
      .all();
    const gone = db.prepare(`SELECT id FROM main."${t}" EXCEPT SELECT id FROM a."${t}"`).pluck().all();
    return {
      upsert: db.prepare(
        `INSERT OR REPLACE INTO main."${t}" (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      ),
      remove: db.prepare(`DELETE FROM main."${t}" WHERE id = ?`),
      rows,
      gone,
    };
  });
  db.exec('DETACH a');
  return replay.reduce((n, t) => n + t.rows.length + t.gone.length, 0);
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://floor');
  const server = url.searchParams.get('server') ?? 'srv-DPM01';
  switch (url.pathname) {
    case '/health':
      statements.health.get('seed');
      return send(res, buf.health);
    case '/servers':
      return send(res, buf.servers);
    case '/members':
      statements.membersCount.get(server);
      statements.members.all(server);
      return send(res, buf.members);
    case '/jobs':
      statements.jobsCount.get(server);
      statements.jobs.all(server);
      return send(res, buf.jobs);
    case '/alerts':
      statements.alertsCount.get(server);
      statements.alerts.all(server);
      return send(res, buf.alerts);
    case '/prepare-tick': {
      const n = prepareReplay(url.searchParams.get('after'), url.searchParams.get('tables').split(','));
      return send(res, Buffer.from(JSON.stringify({ rows: n })));
    }
    case '/tick': {
      const t = performance.now();
      db.transaction(() => {
        for (const table of replay) {
          for (const row of table.rows) table.upsert.run(row);
          for (const id of table.gone) table.remove.run(id);
        }
      })();
      return send(res, Buffer.from(JSON.stringify({ ms: performance.now() - t })));
    }
    case '/load-bodies':
      loadBodies();
      return send(res, Buffer.from('{}'));
    case '/rss':
      return send(res, Buffer.from(JSON.stringify({ rss: process.memoryUsage().rss })));
    default:
      res.writeHead(404);
      res.end();
  }
}).listen(Number(port), '127.0.0.1', () => console.log('listening'));
