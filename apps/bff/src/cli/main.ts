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

function client(io: Io, base: string, token: string | undefined) {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await io.fetch(`${base}/api${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new Unreachable(`The DPM console at ${base} could not be reached: ${err instanceof Error ? err.message : String(err)}`);
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
    if (res.status >= 500 || !error) throw new Unreachable(`The DPM console answered ${res.status}${error?.message ? `: ${error.message}` : ''}.`);
    throw new Refusal(error.code ?? String(res.status), error.message ?? `Refused (${res.status}).`);
  };
  return { get: <T>(p: string) => call<T>('GET', p), post: <T>(p: string, b: unknown) => call<T>('POST', p, b) };
}

type Api = ReturnType<typeof client>;

async function serverId(api: Api, name: string | undefined): Promise<{ id: string; name: string }> {
  if (!name) throw new UsageError('Name the DPM server this runs on: --server <name> (or DPM_SERVER).');
  const servers = await api.get<{ id: string; name: string; fqdn: string }[]>('/servers');
  const wanted = name.toLowerCase();
  const found = servers.find((s) => s.name.toLowerCase() === wanted || s.fqdn.toLowerCase() === wanted);
  if (!found) throw new Refusal('NOT_FOUND', `No DPM server named ${name} exists in this estate.`);
  return found;
}

async function dpmsync(api: Api, p: Parsed, server: string | undefined): Promise<Json> {
  const modes = ['restoredb', 'sync', 'reallocatereplica', 'datacopied'].filter((m) => p.flags.has(m));
  if (modes.length !== 1) throw new UsageError('DpmSync takes one of -RestoreDb, -Sync, -ReallocateReplica or -DataCopied.');
  const s = await serverId(api, server);
  const path = `/servers/${encodeURIComponent(s.id)}/dpmsync`;
  switch (modes[0]) {
    case 'restoredb': {
      const dbLocation = p.option('dbloc');
      if (!dbLocation) throw new UsageError('DpmSync -RestoreDb needs -DbLoc <location of the recovered database>.');
      return api.post(`${path}/restore-db`, { dbLocation, instanceName: p.option('instancename') ?? null });
    }
    case 'sync':
      return api.post(`${path}/sync`, {});
    case 'reallocatereplica':
      return api.post(`${path}/reallocate-replica`, {});
    default:
      return api.post(`${path}/data-copied`, {});
  }
}

interface Offer {
  id: string;
  intents?: { intent: string; enabled: boolean }[];
}

interface Member {
  id: string;
  dataSource: string;
  computer: string;
  operations: Offer[];
}

/**
 * The direction Switch Disaster Protection takes for an object now, as the server offers it:
 * Start-DPMSwitchProtection switches to the secondary, and run again switches back. Where both
 * are possible (a group with switched and unswitched members) it switches to the secondary.
 */
function directionOf(operations: Offer[], operation: string): string | null {
  const intents = operations.find((o) => o.id === operation)?.intents ?? [];
  const enabled = intents.filter((i) => i.enabled).map((i) => i.intent);
  return enabled.includes('to-secondary') ? 'to-secondary' : (enabled[0] ?? null);
}

async function switchProtection(api: Api, p: Parsed, server: string | undefined): Promise<Json> {
  const groupName = p.option('protectiongroup');
  const sources = p.list('datasource');
  if (!groupName) throw new UsageError('Start-DPMSwitchProtection needs -ProtectionGroup <group>.');
  const s = await serverId(api, server);
  const path = `/servers/${encodeURIComponent(s.id)}/protection/switch`;
  const groups = await api.get<{ id: string; name: string; operations: Offer[] }[]>(`/servers/${encodeURIComponent(s.id)}/protection/groups`);
  const group = groups.find((g) => g.name.toLowerCase() === groupName.toLowerCase());
  if (!group) throw new Refusal('NOT_FOUND', `${s.name} has no protection group named ${groupName}.`);
  if (sources.length === 0) {
    // With no direction on offer the server says why (its refusal is the sentence DPM gives).
    return api.post(path, { groupId: group.id, direction: directionOf(group.operations, 'protection.switch-group') ?? 'to-secondary' });
  }
  const members = await api.get<{ items: Member[] }>(`/servers/${encodeURIComponent(s.id)}/protection/members?groupId=${encodeURIComponent(group.id)}&limit=500`);
  const chosen = sources.map((name) => {
    const wanted = name.toLowerCase();
    const matches = members.items.filter((m) => m.dataSource.toLowerCase() === wanted || `${m.dataSource} on ${m.computer}`.toLowerCase() === wanted);
    if (matches.length === 0) throw new Refusal('NOT_FOUND', `The protection group ${group.name} has no data source ${name}.`);
    if (matches.length > 1) throw new Refusal('AMBIGUOUS', `${name} names ${matches.length} data sources in ${group.name}; write it as "<data source> on <computer>".`);
    return matches[0] as Member;
  });
  const byDirection = new Map<string, string[]>();
  for (const m of chosen) {
    const direction = directionOf(m.operations, 'protection.switch') ?? 'to-secondary';
    byDirection.set(direction, [...(byDirection.get(direction) ?? []), m.id]);
  }
  let result: Json = {};
  for (const [direction, replicaIds] of byDirection) result = await api.post(path, { replicaIds, direction });
  return result;
}

async function setDpmServer(api: Api, p: Parsed, computer: string | undefined): Promise<Json> {
  const name = p.option('dpmservername');
  if (!name) throw new UsageError('SetDpmServer needs -dpmServerName <name>.');
  if (!computer) throw new UsageError('Name the protected computer this runs on: --computer <name> (or DPM_COMPUTER).');
  const servers = await api.get<{ id: string }[]>('/servers');
  let computerId: string | null = null;
  for (const s of servers) {
    const agents = await api.get<{ computerId: string; computer: string }[]>(`/servers/${encodeURIComponent(s.id)}/agents`);
    computerId = agents.find((a) => a.computer.toLowerCase() === computer.toLowerCase())?.computerId ?? null;
    if (computerId) break;
  }
  if (!computerId) throw new Refusal('NOT_FOUND', `${computer} has no DPM protection agent installed.`);
  return api.post(`/computers/${encodeURIComponent(computerId)}/set-dpm-server`, { dpmServerName: name });
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
        const s = await serverId(api, server);
        result = (await api.get<{ items: Json[] }>(`/servers/${encodeURIComponent(s.id)}/alerts?limit=500&inactive=${p.flags.has('all') ? 'true' : 'false'}`)).items;
        break;
      }
      case 'get-jobs': {
        const s = await serverId(api, server);
        result = (await api.get<{ items: Json[] }>(`/servers/${encodeURIComponent(s.id)}/jobs?limit=500`)).items;
        break;
      }
      default:
        throw new UsageError(`Unknown command "${p.command}". Commands: dpmsync, Start-DPMSwitchProtection, setdpmserver, get-alerts, get-jobs.`);
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
    for (const a of result as { severity: string; name: string; affectedArea: string; state: string }[]) io.out(`${a.severity}\t${a.state}\t${a.name}\t${a.affectedArea}`);
    return;
  }
  if (command === 'get-jobs') {
    for (const j of result as { status: string; type: string; source: string | null; computer: string | null }[]) io.out(`${j.status}\t${j.type}\t${j.source ?? ''}\t${j.computer ?? ''}`);
    return;
  }
  const events = (result as { events?: { summary: string }[] }).events ?? [];
  for (const e of events) io.out(e.summary);
  io.out('Done.');
}

