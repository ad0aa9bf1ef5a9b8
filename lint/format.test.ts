import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` runs `prettier --check .` before lint: an unformatted source fails it. Shown here on
 * a fixture (lint/format-fixtures/unformatted.ts, which the check itself ignores), formatted with the
 * repository's own settings as the file it says it stands for.
 */
const root = resolve(import.meta.dirname, '..');

async function checkAs(fixture: string): Promise<{ formatted: boolean; text: string; as: string }> {
  const code = readFileSync(join(root, 'lint', 'format-fixtures', fixture), 'utf8');
  const as = /^\/\/ format as: (\S+)/.exec(code)?.[1];
  if (!as) throw new Error(`${fixture} does not say which file it stands for`);
  const filepath = join(root, as);
  const options = { ...(await prettier.resolveConfig(filepath)), filepath };
  return { formatted: await prettier.check(code, options), text: await prettier.format(code, options), as };
}

describe('the formatter', () => {
  it('refuses an unformatted source and accepts it once formatted, with the repository settings', async () => {
    const { formatted, text, as } = await checkAs('unformatted.ts');
    expect(formatted).toBe(false);
    expect(text).toBe(
      '// format as: apps/bff/src/example.ts\n' +
        'export const offered = (names: string[]) => names.map((n) => ({ name: n, enabled: true }));\n',
    );
    const options = { ...(await prettier.resolveConfig(join(root, as))), filepath: join(root, as) };
    expect(await prettier.check(text, options)).toBe(true);
  });

  it('checks every source folder: none is ignored', async () => {
    const ignore = readFileSync(join(root, '.prettierignore'), 'utf8').split('\n');
    for (const folder of ['apps/', 'packages/', 'e2e/', 'scripts/', 'lint/']) {
      expect(ignore.some((line) => line.trim() === folder || line.trim() === `${folder}*`)).toBe(false);
    }
    const info = await prettier.getFileInfo(join(root, 'apps/bff/src/app.ts'), {
      ignorePath: join(root, '.prettierignore'),
    });
    expect(info.ignored).toBe(false);
  });
});
