/**
 * The console renders what the server offers and asks the domain; it never decides by a DPM
 * status name or a role itself. The lint rule that keeps it so (eslint.config.js, consoleDecides)
 * is checked here on a probe, and the whole console is checked by `npm test`'s lint step.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

async function lint(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: `${root}apps/console/src/features/probe.tsx` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the console does not restate DPM rules', () => {
  it('refuses a comparison with a protection status, a job status, a server state or a role', async () => {
    const refused = await lint(
      [
        'declare const r: { status: string; state: string; role: string };',
        "export const a = r.status === 'Replica is inconsistent';",
        "export const b = r.state !== 'Online';",
        "export const c = r.role === 'Administrator';",
        "export function d(s: string) { switch (s) { case 'In progress': return 1; default: return 0; } }",
        "export const e = ['x'].includes('Imported');",
      ].join('\n'),
    );
    expect(refused).toHaveLength(5);
  });

  it('lets the console compare what is not a DPM state (keys, its own choices, catalogue ids)', async () => {
    const allowed = await lint(
      [
        'declare const e: { key: string }; declare const o: { id: string }; declare const g: string;',
        "export const a = e.key === 'Enter';",
        "export const b = o.id === 'protection.switch';",
        "export const c = g === 'Computer';",
      ].join('\n'),
    );
    expect(allowed).toEqual([]);
  });
});

describe('the console speaks to administrators, not to its sources', () => {
  it('shows no text that cites a seed document (comments may)', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)) files.push(p);
      }
    };
    walk(dir);
    const cited: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, '');
          if (/^\s*(\*|\/\*\*?)/.test(line) || /^\s*\{\/\*/.test(line)) return;
          if (/seed 0\d\d/i.test(code)) cited.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(cited).toEqual([]);
  });
});
