import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';
import { fluentThemeStylesheet, inlineFluentTokens } from './fluent-tokens';
import { griffelAot } from './griffel-aot';
import { griffelCss } from './griffel-css';

/** The first work area (where / leads): its modules, one chunk with what they import (scripts/first-load-size.mjs). */
const FIRST_WORK_AREA = {
  chunk: 'work-area',
  test: /src[\\/](shell[\\/]Shell|features[\\/]monitoring[\\/](MonitoringPage|AlertsTab))\.tsx$/,
};

const bff = `http://127.0.0.1:${process.env.PORT ?? 8080}`;
/** The names a developer opens the dev server by. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

export default defineConfig({
  plugins: [react(), inlineFluentTokens(), fluentThemeStylesheet(), griffelAot(), griffelCss(), precompress()],
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: bff,
        changeOrigin: false,
        // The BFF takes signed-in changes only from its own origin (DPM_PUBLIC_URL, by default its
        // address). In development the console's pages come from this server instead, so their
        // requests (Origin: this server, on the port that took the connection) are presented to
        // the BFF with its own origin; a request from any other page keeps its Origin and is refused.
        configure: (proxy) => {
          proxy.on('proxyReq', (proxyReq, req) => {
            const origin = req.headers.origin;
            const port = req.socket.localPort;
            if (origin !== undefined && LOOPBACK.some((host) => origin === `http://${host}:${port}`))
              proxyReq.setHeader('origin', bff);
          });
        },
      },
    },
  },
  // The manifest says which files each page needs (scripts/first-load-size.mjs reads it).
  build: {
    outDir: 'dist',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 2000,
    // Every browser of the build's target that lacks <link rel="modulepreload"> (Firefox before 115)
    // still loads the modules, one import after another: no polyfill in the first page's code.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Two chunks for the first page: the sign-in page's code (all that index.html imports), then
        // the first work area's (the shell, Monitoring and its Alerts tab, with all they import
        // beyond it). One file each compresses better than the dozens of small shared chunks the
        // bundler would otherwise make; what other pages and the dialogs add stays in their own.
        codeSplitting: {
          groups: [
            { name: 'sign-in', tags: ['$initial'], priority: 2 },
            // Tabster's modal, group and deloser parts are referenced by its core but used only by
            // dialogs, popovers and trees: a chunk of their own keeps them out of the first work area.
            {
              name: 'focus-traps',
              test: /tabster[\\/]dist[\\/]esm[\\/](get[\\/]get)?(Modalizer|Groupper|Deloser)\.js$/,
              priority: 3,
              includeDependenciesRecursively: false,
            },
            { name: FIRST_WORK_AREA.chunk, test: FIRST_WORK_AREA.test, priority: 1 },
          ],
        },
      },
    },
  },
});
