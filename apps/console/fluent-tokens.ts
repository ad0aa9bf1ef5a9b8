import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** A package of Fluent's theme (@fluentui/tokens), as @fluentui/react-components has it. */
function fluentPackage(name: string): unknown {
  const fromConsole = createRequire(import.meta.url);
  const fromComponents = createRequire(fromConsole.resolve('@fluentui/react-components'));
  const fromTheme = createRequire(fromComponents.resolve('@fluentui/react-theme'));
  return fromTheme(name);
}

/** Fluent's `tokens` (each theme token's CSS variable, as in var(--colorNeutralForeground1)), read from the package. */
function fluentTokens(): Record<string, string> {
  return (fluentPackage('@fluentui/tokens') as { tokens: Record<string, string> }).tokens;
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

/** The module that brings Fluent's light theme as a stylesheet (main.tsx imports it). */
const THEME_MODULE = 'virtual:fluent-theme.css';

/**
 * Fluent's light theme as CSS variables on the document's root, in the stylesheet, instead of the
 * theme object (about 4 KB of gzip in the first page's code) that FluentProvider would write into a
 * style element of its own at run time. Every element, the portals' too, inherits the variables.
 */
export function fluentThemeStylesheet(): Plugin {
  const resolved = `\0${THEME_MODULE}`;
  return {
    name: 'dpm-fluent-theme-stylesheet',
    resolveId: (id) => (id === THEME_MODULE ? resolved : null),
    load(id) {
      if (id !== resolved) return null;
      const { webLightTheme } = fluentPackage('@fluentui/tokens') as { webLightTheme: Record<string, string | number> };
      const variables = Object.entries(webLightTheme).map(([name, value]) => `  --${name}: ${value};`);
      return `:root {\n${variables.join('\n')}\n}\n`;
    },
  };
}
