import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

interface BabelResult {
  code?: string | null;
  map?: unknown;
}
interface Babel {
  transformAsync(code: string, options: Record<string, unknown>): Promise<BabelResult | null>;
}

const require = createRequire(import.meta.url);

/**
 * Griffel's ahead-of-time compilation of the console's makeStyles: each style object becomes the
 * class names and CSS rules it stands for (Fluent's own packages ship so already), computed here
 * rather than in the browser. The first page then carries neither the CSS compiler (stylis) nor
 * the right-to-left converter (rtl-css-js), and renders without compiling any style.
 *
 * It runs on the console's sources after TypeScript and JSX are removed, with @griffel/babel-preset
 * (the preset behind Griffel's webpack loader). A module it cannot compile is left as it is, and
 * its styles are still compiled in the browser as before: the build says which.
 */
export function griffelAot(): Plugin {
  const babel = require('@babel/core') as Babel;
  const preset = require.resolve('@griffel/babel-preset');
  return {
    name: 'dpm-griffel-aot',
    apply: 'build',
    enforce: 'post',
    async transform(code, id) {
      if (!id.includes('/apps/console/src/') || !/\.[jt]sx?$/.test(id) || !code.includes('makeStyles')) return null;
      try {
        const result = await babel.transformAsync(code, {
          filename: id,
          babelrc: false,
          configFile: false,
          presets: [[preset, {}]],
          sourceMaps: true,
        });
        if (!result?.code) return null;
        return { code: result.code, map: result.map as never };
      } catch (error) {
        this.warn(`styles of ${id} left to the browser: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      }
    },
  };
}
