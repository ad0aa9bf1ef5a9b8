export class UsageError extends Error {}

const VALUED = new Set([
  'dbloc',
  'instancename',
  'protectiongroup',
  'dpmservername',
  'url',
  'server',
  'computer',
  'token',
]);
const LISTS = new Set(['datasource']);
const FLAGS = new Set(['restoredb', 'sync', 'reallocatereplica', 'datacopied', 'json', 'all']);

export interface Parsed {
  command: string;
  flags: Set<string>;
  option: (name: string) => string | undefined;
  list: (name: string) => string[];
}

/**
 * DPM's command-line style: `-Name value`, `--name value`, switches like `-Sync`, and list
 * options (`-Datasource a b c`) that take every value up to the next option. Names are
 * case-insensitive; the command is the first word.
 */
export function parseArgs(argv: readonly string[]): Parsed {
  const [first, ...rest] = argv;
  if (!first || first.startsWith('-'))
    throw new UsageError(
      'Usage: dpm <dpmsync | Start-DPMSwitchProtection | setdpmserver | get-alerts | get-jobs> [options] [--json]',
    );
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i += 1) {
    const token = rest[i] as string;
    if (!token.startsWith('-')) throw new UsageError(`Unexpected "${token}": values follow the option they belong to.`);
    const [rawName, inline] = token.replace(/^-{1,2}/, '').split('=', 2) as [string, string | undefined];
    const name = rawName.toLowerCase();
    if (FLAGS.has(name)) {
      flags.add(name);
    } else if (VALUED.has(name)) {
      const value = inline ?? rest[i + 1];
      if (value === undefined || (inline === undefined && value.startsWith('-')))
        throw new UsageError(`-${rawName} needs a value.`);
      values.set(name, value);
      if (inline === undefined) i += 1;
    } else if (LISTS.has(name)) {
      const items = inline !== undefined ? [inline] : [];
      while (inline === undefined && i + 1 < rest.length && !(rest[i + 1] as string).startsWith('-'))
        items.push(rest[(i += 1)] as string);
      if (items.length === 0) throw new UsageError(`-${rawName} needs at least one value.`);
      lists.set(name, [
        ...(lists.get(name) ?? []),
        ...items.flatMap((v) =>
          v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean),
        ),
      ]);
    } else {
      throw new UsageError(`Unknown option -${rawName}.`);
    }
  }
  return {
    command: first.toLowerCase(),
    flags,
    option: (n) => values.get(n),
    list: (n) => lists.get(n) ?? [],
  };
}
