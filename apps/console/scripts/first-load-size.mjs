#!/usr/bin/env node
/**
 * The JavaScript a browser fetches to show the sign-in page and then the first work area
 * (Monitoring › Alerts, where / leads), compressed as the server sends it: read from the build's
 * manifest (dist/.vite/manifest.json) and the .br/.gz files written beside each asset.
 *
 *   node apps/console/scripts/first-load-size.mjs [--dist <dir>] [--json] [--files]
 *
 * Prints one line per page and the total; --json prints the same as one JSON object (for the
 * bench), --files adds each file. It measures, it does not judge: the budget is printed beside.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The budget of the issue that asked for this figure: 170 KB (kilobytes of 1,000 bytes) of gzip. */
export const BUDGET_GZIP_BYTES = 170_000;

/**
 * The pages of the first load, each by the modules of the build that it needs beyond the ones before it.
 * The build puts the first work area's modules in one chunk, named `chunk` (vite.config.ts): a
 * module that is not a chunk of its own is looked for there.
 */
export const FIRST_LOAD = [
  { page: 'sign-in page', modules: ['index.html'] },
  {
    page: 'first work area (Monitoring › Alerts)',
    modules: ['src/shell/Shell.tsx', 'src/features/monitoring/MonitoringPage.tsx'],
    chunk: 'work-area',
  },
];

function sizes(dist, file) {
  const path = join(dist, file);
  const raw = readFileSync(path);
  const read = (ext, make) => (existsSync(path + ext) ? readFileSync(path + ext).length : make(raw).length);
  return {
    file,
    raw: raw.length,
    gzip: read('.gz', (b) => gzipSync(b, { level: 9 })),
    brotli: read('.br', (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

/** Each page of the first load with the JS files it adds (static imports followed, each file counted once). */
export function firstLoad(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  const seen = new Set();
  const files = (key) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the build has no module ${key} (dist/.vite/manifest.json)`);
    const out = [];
    const visit = (k) => {
      const c = manifest[k];
      if (!c || seen.has(c.file)) return;
      seen.add(c.file);
      if (c.file.endsWith('.js')) out.push(c.file);
      for (const i of c.imports ?? []) visit(i);
    };
    visit(key);
    return out;
  };
  /** The manifest's key of a module's chunk: its own, or the named chunk the build put it in. */
  const keyOf = (module, chunk) => {
    if (manifest[module]) return module;
    const named = Object.keys(manifest).filter((k) => chunk && manifest[k].name === chunk && !manifest[k].src);
    if (named.length !== 1) throw new Error(`the build has no module ${module} (dist/.vite/manifest.json)`);
    return named[0];
  };
  const pages = FIRST_LOAD.map(({ page, modules, chunk }) => {
    const list = modules
      .map((m) => keyOf(m, chunk))
      .flatMap(files)
      .map((f) => sizes(dist, f));
    const sum = (k) => list.reduce((n, f) => n + f[k], 0);
    return { page, files: list, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  });
  const total = (k) => pages.reduce((n, p) => n + p[k], 0);
  // The stylesheets index.html links (griffel-css.ts: every style of the console, in one file).
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map((m) => sizes(dist, m[1]));
  const cssSum = (k) => css.reduce((n, f) => n + f[k], 0);
  return {
    css: { files: css, raw: cssSum('raw'), gzip: cssSum('gzip'), brotli: cssSum('brotli') },
    pages,
    total: {
      files: pages.reduce((n, p) => n + p.files.length, 0),
      raw: total('raw'),
      gzip: total('gzip'),
      brotli: total('brotli'),
    },
    budgetGzip: BUDGET_GZIP_BYTES,
  };
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const dist = at >= 0 ? resolve(args[at + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  const result = firstLoad(dist);
  if (args.includes('--json')) {
    console.log(JSON.stringify(result));
  } else {
    for (const p of result.pages) {
      console.log(
        `${p.page}: ${p.files.length} JS files, ${kb(p.raw)} raw, ${kb(p.gzip)} gzip, ${kb(p.brotli)} brotli`,
      );
      if (args.includes('--files'))
        for (const f of p.files)
          console.log(`    ${f.file}  ${kb(f.raw)} raw, ${kb(f.gzip)} gzip, ${kb(f.brotli)} brotli`);
    }
    const c = result.css;
    const cssSizes = `${kb(c.raw)} raw, ${kb(c.gzip)} gzip, ${kb(c.brotli)} brotli`;
    console.log(`stylesheet of every page: ${c.files.length} CSS files, ${cssSizes}`);
    const t = result.total;
    console.log(
      `first page's JS: ${t.files} files, ${kb(t.raw)} raw, ${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli ` +
        `(budget ${kb(result.budgetGzip)} gzip: ${t.gzip <= result.budgetGzip ? 'within' : 'over'})`,
    );
  }
}
