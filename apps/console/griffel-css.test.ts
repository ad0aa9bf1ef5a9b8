import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { griffelCss } from './griffel-css';

type Transform = (code: string, id: string) => { code: string } | null;
type Hook = { handler: (this: unknown) => void } | ((this: unknown) => void);

/** Runs the plugin's build hooks as Vite would: the modules' transforms, then the bundle's stylesheet. */
function build(modules: Record<string, string>) {
  const plugin: Plugin = griffelCss();
  const transform = plugin.transform as unknown as Transform;
  const out = Object.fromEntries(Object.entries(modules).map(([id, code]) => [id, transform(code, id)?.code ?? null]));
  const emitted: { name: string; source: string }[] = [];
  const context = {
    emitFile: (f: { name: string; source: string }) => (emitted.push(f), 'ref'),
    getFileName: () => 'assets/styles-abc.css',
  };
  const hook = plugin.generateBundle as unknown as Hook;
  (typeof hook === 'function' ? hook : hook.handler).call(context);
  const html = plugin.transformIndexHtml as unknown as { handler: () => unknown };
  return { out, css: emitted[0]?.source ?? '', tags: html.handler() };
}

const FLUENT = '/repo/node_modules/@fluentui/react-button/lib/useButtonStyles.styles.js';

describe('Griffel CSS extraction (griffel-css.ts)', () => {
  it('takes the rules out of compiled styles, keeps the class names, and orders the sheet as the runtime does', () => {
    const { out, css, tags } = build({
      [FLUENT]: [
        `import { __styles, __resetStyles, mergeClasses } from "@griffel/react";`,
        `const useBase = __resetStyles("r1", null, {`,
        `  r: [".r1{display:flex;}"],`,
        `  s: ["@media (forced-colors: active){.r1{color:CanvasText;}}"],`,
        `});`,
        `const useStyles = __styles({ root: { sj55zd: "fh" } }, {`,
        `  h: [".fh:hover{color:red;}"],`,
        `  d: [".fd{color:blue;}", [".fp{padding:0;}", { p: -1 }]],`,
        `  m: [["@media (min-width: 900px){.fw{margin:0;}}", { m: "(min-width: 900px)" }],`,
        `      ["@media (forced-colors: active){.fc{color:Highlight;}}", { m: "(forced-colors: active)" }]],`,
        `});`,
      ].join('\n'),
      '/repo/apps/console/src/Page.tsx': [
        `import { __styles } from '@fluentui/react-components';`,
        `const useStyles = __styles({ root: { a: "fd" } }, { d: [".fd{color:blue;}"] });`,
      ].join('\n'),
    });
    const fluent = out[FLUENT] ?? '';
    expect(fluent).toContain('import { __resetCSS as __dpm___resetCSS, __css as __dpm___css } from "@griffel/react";');
    expect(fluent).toContain('__dpm___resetCSS("r1", null)');
    expect(fluent).toContain('__dpm___css({ root: { sj55zd: "fh" } })');
    expect(fluent).not.toContain('{color:red;}');
    expect(out['/repo/apps/console/src/Page.tsx']).toContain(
      `import { __css as __dpm___css } from "@fluentui/react-components";`,
    );
    // Resets, then plain rules (a shorthand's priority first), hover, reset at-rules, then @media by condition.
    expect(css.split('\n')).toEqual([
      '.r1{display:flex;}',
      '.fp{padding:0;}',
      '.fd{color:blue;}',
      '.fh:hover{color:red;}',
      '@media (forced-colors: active){.r1{color:CanvasText;}}',
      '@media (forced-colors: active){.fc{color:Highlight;}}',
      '@media (min-width: 900px){.fw{margin:0;}}',
    ]);
    expect(tags).toEqual([
      { tag: 'link', attrs: { rel: 'stylesheet', href: '/assets/styles-abc.css' }, injectTo: 'head-prepend' },
    ]);
  });

  it('writes the same stylesheet whatever order the modules are compiled in', () => {
    const mod = (rule: string) =>
      `import { __styles } from "@griffel/react";\nconst u = __styles({}, { d: ["${rule}"] });`;
    const a = {
      '/repo/node_modules/a/x.js': mod('.fb{color:blue;}'),
      '/repo/node_modules/b/y.js': mod('.fa{margin:0;}'),
    };
    const b = Object.fromEntries(Object.entries(a).reverse());
    expect(build(a).css).toBe(build(b).css);
    expect(build(a).css).toBe('.fa{margin:0;}\n.fb{color:blue;}');
  });

  it('leaves to the runtime a style whose rules are not plain literals, and any other module', () => {
    const dynamic = `import { __styles } from "@griffel/react";\nconst u = __styles({ a: { b: "c" } }, { d: [rule] });`;
    const other = `import { __styles } from "./local";\nconst u = __styles({ a: { b: "c" } }, { d: [".c{x:y;}"] });`;
    const { out, css } = build({ [FLUENT]: dynamic, '/repo/node_modules/x/index.js': other });
    expect(out[FLUENT]).toBeNull();
    expect(out['/repo/node_modules/x/index.js']).toBeNull();
    expect(css).toBe('');
  });
});
