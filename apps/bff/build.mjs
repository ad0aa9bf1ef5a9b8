// The server as one ES module, dist/server.mjs: the BFF and the workspace packages it uses
// (@dpm/db, @dpm/domain) compiled from TypeScript and bundled; every npm package stays an import
// of the file installed here, so native modules (better-sqlite3) and packages that read their own
// files (pdfmake's fonts, drizzle's migrator) run as installed. npm start runs the server from it:
// no TypeScript compiler in the running server (tsx costs it ~60 MB of memory and its start time).
//
// Built on the machine that runs it (npm start and npm test build it first): the imports are the
// absolute paths of this checkout's node_modules, and `import.meta.url` in a bundled module is its
// source file's address, so paths it resolves (the migrations, the console's files, package.json)
// are what they are when run from source.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** @type {import('esbuild').Plugin} */
const installedPackages = {
  name: 'installed-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@dpm/') || args.path.startsWith('node:') || args.pluginData?.resolving) {
        return undefined;
      }
      const found = await b.resolve(args.path, {
        resolveDir: args.resolveDir,
        kind: args.kind,
        importer: args.importer,
        pluginData: { resolving: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      return { path: found.path, external: true };
    });
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const address = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replaceAll('import.meta.url', address), loader: 'ts' };
    });
  },
};

await build({
  absWorkingDir: here,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [installedPackages],
});
