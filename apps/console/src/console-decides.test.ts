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
        "declare const r: { status: string; state: string; role: string };",
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
        "declare const e: { key: string }; declare const o: { id: string }; declare const g: string;",
        "export const a = e.key === 'Enter';",
        "export const b = o.id === 'protection.switch';",
        "export const c = g === 'Computer';",
      ].join('\n'),
    );
    expect(allowed).toEqual([]);
  });
});
