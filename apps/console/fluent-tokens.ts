import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** Fluent's `tokens` (each theme token's CSS variable, as in var(--colorNeutralForeground1)), read from the package. */
function fluentTokens(): Record<string, string> {
  const fromConsole = createRequire(import.meta.url);
  const fromComponents = createRequire(fromConsole.resolve('@fluentui/react-components'));
  const fromTheme = createRequire(fromComponents.resolve('@fluentui/react-theme'));
  return (fromTheme('@fluentui/tokens') as { tokens: Record<string, string> }).tokens;
}

/** A module that takes `tokens` from Fluent (its packages import it from react-theme, tokens from ./tokens.js). */
const TOKEN_SOURCES = String.raw`(@fluentui\/react-theme|@fluentui\/react-components|\.\.\/tokens\.js)`;
const IMPORTS_TOKENS = new RegExp(String.raw`import\s*\{[^}]*\btokens\b[^}]*\}\s*from\s*["']` + TOKEN_SOURCES + `["']`);
const MEMBER = /\btokens\.([A-Za-z][A-Za-z0-9]*)\b/g;

/**
 * Writes each `tokens.colorBrandBackground` of Fluent's styles (and the console's) as the string it
 * is, 'var(--colorBrandBackground)'. The `tokens` object, one entry per theme token (about 4 KB of
 * gzip), is then no longer read at run time and the build leaves it out of the first page's code.
 * Only the modules that import `tokens` from Fluent are rewritten, and only the names it has.
 */
export function inlineFluentTokens(): Plugin {
  const tokens = fluentTokens();
  return {
    name: 'dpm-inline-fluent-tokens',
    apply: 'build',
    transform(code, id) {
      if (!code.includes('tokens.') || !IMPORTS_TOKENS.test(code)) return null;
      if (!id.includes('/@fluentui/') && !id.includes('/apps/console/src/')) return null;
      let changed = false;
      const out = code.replace(MEMBER, (whole: string, name: string) => {
        const value = tokens[name];
        if (value === undefined) return whole;
        changed = true;
        return JSON.stringify(value);
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
