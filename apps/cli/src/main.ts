/**
 * dpm: DPM's command-line tools against the running console, over its API (the same routes,
 * rules and audit as the console). Option names are DPM's and case-insensitive.
 *
 *   dpm [--url <url>] [--token <API token>] [--server <DPM server>] [--json] <command> …
 *   (or DPM_URL, DPM_TOKEN, DPM_SERVER; an API token is created in the console under your account)
 *   dpm dpmsync -RestoreDb -DbLoc <folder> [-InstanceName <server\instance>]
 *   dpm dpmsync -Sync | -ReallocateReplica | -DataCopied
 *   dpm Start-DPMSwitchProtection -ProtectionGroup <group> -Datasource <data source> [<data source> …]
 *   dpm setdpmserver -dpmServerName <name> --computer <protected computer>
 *   dpm get-alerts [--all] | get-jobs
 *
 * Exit codes: 0 done; 1 refused by DPM (the sentence is printed); 2 usage; 3 the console could
 * not be reached or failed.
 */
import { hc } from 'hono/client';
import type { ApiType } from '@dpm/bff/app';
import { parseArgs, UsageError, type Parsed } from './args';

export const EXIT = { ok: 0, refused: 1, usage: 2, unreachable: 3 } as const;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  fetch: typeof fetch;
  env: Record<string, string | undefined>;
}

class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

class Unreachable extends Error {}

type Json = Record<string, unknown>;

/** A typed response of the API (hono's client): its status, and its body read once. */
interface Answer {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

/**
 * The console's API, typed by its own routes (the BFF's `ApiType`: types only, nothing of the
 * server runs here). A renamed route or field breaks this build, not an administrator's script.
 */
function client(io: Io, base: string, token: string | undefined) {
  const api = hc<ApiType>(`${base}/api`, {
    fetch: io.fetch,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  /** The JSON body of a 2xx answer; a refusal carries DPM's code and sentence. */
  const read = async <T>(call: () => Promise<Answer>): Promise<T> => {
    let res: Answer;
    try {
      res = await call();
    } catch (err) {
      throw new Unreachable(
        `The DPM console at ${base} could not be reached: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* a non-JSON answer is reported by status below */
    }
    if (res.ok) return parsed as T;
    const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
    if (res.status >= 500 || !error)
      throw new Unreachable(`The DPM console answered ${res.status}${error?.message ? `: ${error.message}` : ''}.`);
    throw new Refusal(error.code ?? String(res.status), error.message ?? `Refused (${res.status}).`);
  };
  return { api, read };
}

type Api = ReturnType<typeof client>;
type Ok<F extends (...args: never[]) => Promise<unknown>> =
  Extract<Awaited<ReturnType<F>>, { status: 200 }> extends { json(): Promise<infer T> } ? T : never;
type Servers = Ok<Api['api']['servers']['$get']>;
type Groups = Ok<Api['api']['servers'][':serverId']['protection']['groups']['$get']>;
type Members = Ok<Api['api']['servers'][':serverId']['protection']['members']['$get']>;
type Offer = Groups[number]['operations'][number];

async function serverId({ api, read }: Api, name: string | undefined): Promise<{ id: string; name: string }> {
  if (!name) throw new UsageError('Name the DPM server this runs on: --server <name> (or DPM_SERVER).');
  const servers = await read<Servers>(() => api.servers.$get());
  const wanted = name.toLowerCase();
  const found = servers.find((s) => s.name.toLowerCase() === wanted || s.fqdn.toLowerCase() === wanted);
  if (!found) throw new Refusal('NOT_FOUND', `No DPM server named ${name} exists in this estate.`);
  return found;
}

async function dpmsync(c: Api, p: Parsed, server: string | undefined): Promise<Json> {
  const modes = ['restoredb', 'sync', 'reallocatereplica', 'datacopied'].filter((m) => p.flags.has(m));
  if (modes.length !== 1)
    throw new UsageError('DpmSync takes one of -RestoreDb, -Sync, -ReallocateReplica or -DataCopied.');
  const s = await serverId(c, server);
  const sync = c.api.servers[':serverId'].dpmsync;
  const param = { serverId: s.id };
  switch (modes[0]) {
    case 'restoredb': {
      const dbLocation = p.option('dbloc');
      if (!dbLocation) throw new UsageError('DpmSync -RestoreDb needs -DbLoc <location of the recovered database>.');
      return c.read(() =>
        sync['restore-db'].$post({ param, json: { dbLocation, instanceName: p.option('instancename') ?? null } }),
      );
    }
    case 'sync':
      return c.read(() => sync.sync.$post({ param, json: {} }));
    case 'reallocatereplica':
      return c.read(() => sync['reallocate-replica'].$post({ param, json: {} }));
    default:
      return c.read(() => sync['data-copied'].$post({ param, json: {} }));
  }
}

/**
 * The direction Switch Disaster Protection takes for an object now, as the server offers it:
 * Start-DPMSwitchProtection switches to the secondary, and run again switches back. Where both
 * are possible (a group with switched and unswitched members) it switches to the secondary.
 */
function directionOf(operations: readonly Offer[], operation: string): 'to-secondary' | 'to-primary' | null {
  const intents = operations.find((o) => o.id === operation)?.intents ?? [];
  const enabled = intents.filter((i) => i.enabled).map((i) => i.intent);
  if (enabled.includes('to-secondary')) return 'to-secondary';
  return enabled.includes('to-primary') ? 'to-primary' : null;
}

async function switchProtection(c: Api, p: Parsed, server: string | undefined): Promise<Json> {
  const groupName = p.option('protectiongroup');
  const sources = p.list('datasource');
  if (!groupName) throw new UsageError('Start-DPMSwitchProtection needs -ProtectionGroup <group>.');
  const s = await serverId(c, server);
  const param = { serverId: s.id };
  const protection = c.api.servers[':serverId'].protection;
  const groups = await c.read<Groups>(() => protection.groups.$get({ param, query: {} }));
  const group = groups.find((g) => g.name.toLowerCase() === groupName.toLowerCase());
  if (!group) throw new Refusal('NOT_FOUND', `${s.name} has no protection group named ${groupName}.`);
  if (sources.length === 0) {
    // With no direction on offer the server says why (its refusal is the sentence DPM gives).
    const direction = directionOf(group.operations, 'protection.switch-group') ?? 'to-secondary';
    return c.read(() => protection.switch.$post({ param, json: { groupId: group.id, direction } }));
  }
  const members = await c.read<Members>(() =>
    protection.members.$get({ param, query: { groupId: group.id, limit: '500' } }),
  );
  const chosen = sources.map((name) => {
    const wanted = name.toLowerCase();
    const matches = members.items.filter(
      (m) => m.dataSource.toLowerCase() === wanted || `${m.dataSource} on ${m.computer}`.toLowerCase() === wanted,
    );
    const [only, ...others] = matches;
    if (!only) throw new Refusal('NOT_FOUND', `The protection group ${group.name} has no data source ${name}.`);
    if (others.length > 0)
      throw new Refusal(
        'AMBIGUOUS',
        `${name} names ${matches.length} data sources in ${group.name}; write it as "<data source> on <computer>".`,
      );
    return only;
  });
  const byDirection = new Map<'to-secondary' | 'to-primary', string[]>();
  for (const m of chosen) {
    const direction = directionOf(m.operations, 'protection.switch') ?? 'to-secondary';
    byDirection.set(direction, [...(byDirection.get(direction) ?? []), m.id]);
  }
  let result: Json = {};
  for (const [direction, replicaIds] of byDirection)
    result = await c.read(() => protection.switch.$post({ param, json: { replicaIds, direction } }));
  return result;
}

async function setDpmServer(c: Api, p: Parsed, computer: string | undefined): Promise<Json> {
  const name = p.option('dpmservername');
  if (!name) throw new UsageError('SetDpmServer needs -dpmServerName <name>.');
  if (!computer) throw new UsageError('Name the protected computer this runs on: --computer <name> (or DPM_COMPUTER).');
  const servers = await c.read<Servers>(() => c.api.servers.$get());
  let computerId: string | null = null;
  for (const s of servers) {
    const agents = await c.read<Ok<Api['api']['servers'][':serverId']['agents']['$get']>>(() =>
      c.api.servers[':serverId'].agents.$get({ param: { serverId: s.id }, query: {} }),
    );
    computerId = agents.find((a) => a.computer.toLowerCase() === computer.toLowerCase())?.computerId ?? null;
    if (computerId) break;
  }
  if (!computerId) throw new Refusal('NOT_FOUND', `${computer} has no DPM protection agent installed.`);
  const id = computerId;
  return c.read(() =>
    c.api.computers[':computerId']['set-dpm-server'].$post({
      param: { computerId: id },
      json: { dpmServerName: name },
    }),
  );
}

export async function main(argv: string[], io: Io): Promise<number> {
  let p: Parsed;
  try {
    p = parseArgs(argv);
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return EXIT.usage;
  }
  const json = p.flags.has('json');
  const base = (p.option('url') ?? io.env.DPM_URL ?? 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const server = p.option('server') ?? io.env.DPM_SERVER;
  const api = client(io, base, p.option('token') ?? io.env.DPM_TOKEN);
  const param = async () => ({ serverId: (await serverId(api, server)).id });
  try {
    let result: unknown;
    switch (p.command) {
      case 'dpmsync':
        result = await dpmsync(api, p, server);
        break;
      case 'start-dpmswitchprotection':
        result = await switchProtection(api, p, server);
        break;
      case 'setdpmserver':
        result = await setDpmServer(api, p, p.option('computer') ?? io.env.DPM_COMPUTER);
        break;
      case 'get-alerts': {
        const where = await param();
        const query = { limit: '500', inactive: p.flags.has('all') ? 'true' : 'false' } as const;
        result = (
          await api.read<{ items: Json[] }>(() => api.api.servers[':serverId'].alerts.$get({ param: where, query }))
        ).items;
        break;
      }
      case 'get-jobs': {
        const where = await param();
        result = (
          await api.read<{ items: Json[] }>(() =>
            api.api.servers[':serverId'].jobs.$get({ param: where, query: { limit: '500' } }),
          )
        ).items;
        break;
      }
      default:
        throw new UsageError(
          `Unknown command "${p.command}". Commands: dpmsync, Start-DPMSwitchProtection, setdpmserver, get-alerts, ` +
            `get-jobs.`,
        );
    }
    print(io, p.command, result, json);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      return EXIT.usage;
    }
    if (err instanceof Refusal) {
      if (json) io.out(JSON.stringify({ ok: false, error: { code: err.code, message: err.message } }));
      else io.err(`${err.message} (${err.code})`);
      return EXIT.refused;
    }
    io.err(err instanceof Error ? err.message : String(err));
    return EXIT.unreachable;
  }
}

function print(io: Io, command: string, result: unknown, json: boolean): void {
  if (json) {
    io.out(JSON.stringify(result));
    return;
  }
  if (command === 'get-alerts') {
    for (const a of result as { severity: string; name: string; affectedArea: string; state: string }[])
      io.out(`${a.severity}\t${a.state}\t${a.name}\t${a.affectedArea}`);
    return;
  }
  if (command === 'get-jobs') {
    for (const j of result as { status: string; type: string; source: string | null; computer: string | null }[])
      io.out(`${j.status}\t${j.type}\t${j.source ?? ''}\t${j.computer ?? ''}`);
    return;
  }
  const events = (result as { events?: { summary: string }[] }).events ?? [];
  for (const e of events) io.out(e.summary);
  io.out('Done.');
}
