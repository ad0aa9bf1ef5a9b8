import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';
import { EXIT, main } from './main';
import { testApp } from '@dpm/bff/test-app';

function cli(seed: Parameters<typeof testApp>[0] = 'scenario-1') {
  const t = testApp(seed);
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    out: (l: string) => out.push(l),
    err: (l: string) => err.push(l),
    fetch: ((input: string | URL | Request, init?: RequestInit) =>
      t.app.request(String(input).replace('http://dpm.test', ''), init)) as typeof fetch,
    env: { DPM_URL: 'http://dpm.test' },
  };
  return { ...t, out, err, run: (...argv: string[]) => main(argv, io) };
}

describe('dpm argument parsing', () => {
  it("keeps DPM's option names, case-insensitively, with list values", () => {
    const p = parseArgs([
      'Start-DPMSwitchProtection',
      '-protectiongroup',
      'DS1 protection',
      '-DataSource',
      'C:\\ on PS1',
      'D:\\ on PS1',
      '--JSON',
    ]);
    expect(p.command).toBe('start-dpmswitchprotection');
    expect(p.option('protectiongroup')).toBe('DS1 protection');
    expect(p.list('datasource')).toEqual(['C:\\ on PS1', 'D:\\ on PS1']);
    expect(p.flags.has('json')).toBe(true);
    expect(parseArgs(['dpmsync', '-RESTOREDB', '-dbloc', '\\\\DS1\\Restore']).option('dbloc')).toBe('\\\\DS1\\Restore');
  });

  it('names what is wrong with the command line', () => {
    expect(() => parseArgs([])).toThrow(UsageError);
    expect(() => parseArgs(['dpmsync', '-DbLoc'])).toThrow('-DbLoc needs a value.');
    expect(() => parseArgs(['dpmsync', '-Frobnicate'])).toThrow('Unknown option -Frobnicate.');
  });
});

describe('dpm against the API', () => {
  it('Start-DPMSwitchProtection switches a data source on the secondary (seed 000)', async () => {
    const c = cli();
    const code = await c.run(
      'Start-DPMSwitchProtection',
      '-ProtectionGroup',
      'DS1 protection',
      '-Datasource',
      'C:\\ on PS1',
      '--server',
      'DS3',
    );
    expect(code).toBe(EXIT.ok);
    expect(c.store.estate.replicas['rep-DS3-DS1-PS1-C']).toMatchObject({
      switched: true,
      status: 'Replica is inconsistent',
    });
    expect(c.store.estate.computers['cmp-PS1']?.agent?.ownerId).toBe('srv-DS3');
    expect(c.out).toContain('Done.');
  });

  it("a refusal prints DPM's sentence and exits 1; --json prints it as JSON", async () => {
    const c = cli();
    expect(await c.run('dpmsync', '-Sync', '--server', 'DS1')).toBe(EXIT.refused);
    expect(c.err.join('\n')).toContain(
      'No restored database is waiting on DS1. Run DpmSync -RestoreDb first. (INVALID_STATE)',
    );
    expect(await c.run('dpmsync', '-RestoreDb', '-DbLoc', '\\\\DS1\\Restore', '--server', 'DS1', '--json')).toBe(
      EXIT.refused,
    );
    expect(JSON.parse(c.out.at(-1) ?? '{}')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('usage errors exit 2 and an unreachable console exits 3', async () => {
    const c = cli();
    expect(await c.run('dpmsync', '--server', 'DS1')).toBe(EXIT.usage);
    expect(await c.run('frobnicate')).toBe(EXIT.usage);
    const code = await main(['get-jobs', '--server', 'DS1'], {
      out: () => undefined,
      err: () => undefined,
      fetch: (() => Promise.reject(new Error('connection refused'))) as typeof fetch,
      env: {},
    });
    expect(code).toBe(EXIT.unreachable);
  });

  it("setdpmserver points a computer's agent at a DPM server", async () => {
    const c = cli();
    expect(await c.run('setdpmserver', '-dpmServerName', 'DS3', '--computer', 'PS1')).toBe(EXIT.ok);
    expect(c.store.estate.computers['cmp-PS1']?.agent?.dpmServerName).toBe('DS3');
    expect(await c.run('setdpmserver', '-dpmServerName', 'NOPE', '--computer', 'PS1')).toBe(EXIT.refused);
  });

  it('get-alerts and get-jobs list what the server shows', async () => {
    const c = cli();
    await c.run(
      'Start-DPMSwitchProtection',
      '-ProtectionGroup',
      'DS1 protection',
      '-Datasource',
      'C:\\ on PS1',
      '--server',
      'DS3',
    );
    expect(await c.run('get-alerts', '--server', 'DS3', '--json')).toBe(EXIT.ok);
    const alerts = JSON.parse(c.out.at(-1) ?? '[]') as { name: string }[];
    expect(alerts.map((a) => a.name)).toContain('Replica is inconsistent');
  });
});
