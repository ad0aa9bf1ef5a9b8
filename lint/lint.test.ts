import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint rules that keep the layers apart and the promises handled, shown on sources that break
 * them (lint/fixtures/, which `eslint .` ignores). Each fixture says on its first line which file
 * of the repository it is linted as: the rules depend on where a file lives.
 */
const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'lint', 'fixtures');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The rule ids that fire on a fixture, each with its line, in order. */
async function findings(name: string): Promise<string[]> {
  const code = readFileSync(join(fixtures, name), 'utf8');
  const as = /^\/\/ lint as: (\S+)/.exec(code)?.[1];
  if (!as) throw new Error(`${name} does not say which file it is linted as`);
  const [result] = await eslint.lintText(code, { filePath: join(root, as) });
  return (result?.messages ?? []).map((m) => `${m.line} ${m.ruleId ?? m.message}`);
}

describe('lint fails', { timeout: 120_000 }, () => {
  it('on a floating promise, not on one awaited or marked void', async () => {
    expect(await findings('floating-promise.ts')).toEqual(['7 @typescript-eslint/no-floating-promises']);
  });

  it('on a promise passed where nothing waits for it, or tested as a condition', async () => {
    expect(await findings('misused-promise.ts')).toEqual([
      '5 @typescript-eslint/no-misused-promises',
      '8 @typescript-eslint/no-misused-promises',
    ]);
  });

  it('on a route that imports drizzle or better-sqlite3, not on one reading a view of @dpm/db', async () => {
    expect(await findings('route-imports-sql.ts')).toEqual([
      '2 @typescript-eslint/no-restricted-imports',
      '3 @typescript-eslint/no-restricted-imports',
    ]);
  });

  it("on the console importing the database or the BFF's code, not on the API's types", async () => {
    expect(await findings('console-imports-db.ts')).toEqual([
      '2 @typescript-eslint/no-restricted-imports',
      '3 @typescript-eslint/no-restricted-imports',
      '4 @typescript-eslint/no-restricted-imports',
    ]);
  });

  it('on a console style attribute that holds only fixed values, not on what is computed at run time', async () => {
    expect(await findings('console-inline-style.tsx')).toEqual([
      '6 no-restricted-syntax',
      '7 no-restricted-syntax',
      '8 no-restricted-syntax',
      '9 no-restricted-syntax',
      '17 no-restricted-syntax',
      '18 no-restricted-syntax',
    ]);
  });

  it("on the command line importing more than the API's types and hono/client", async () => {
    expect(await findings('cli-imports-server.ts')).toEqual([
      '4 @typescript-eslint/no-restricted-imports',
      '5 @typescript-eslint/no-restricted-imports',
      '6 @typescript-eslint/no-restricted-imports',
    ]);
  });

  it('on the domain importing I/O or the database, not on its own modules', async () => {
    expect(await findings('domain-imports-impure.ts')).toEqual(['2 no-restricted-imports', '3 no-restricted-imports']);
  });

  it('has a test above for every fixture', () => {
    expect(readdirSync(fixtures).sort()).toEqual([
      'cli-imports-server.ts',
      'console-imports-db.ts',
      'console-inline-style.tsx',
      'domain-imports-impure.ts',
      'floating-promise.ts',
      'misused-promise.ts',
      'route-imports-sql.ts',
    ]);
  });
});
