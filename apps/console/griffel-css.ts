import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start?: number | null;
  end?: number | null;
  [key: string]: unknown;
}
interface Babel {
  parseSync(code: string, options: Record<string, unknown>): Node | null;
}

const require = createRequire(import.meta.url);

/** The modules a compiled style is imported from, and what each compiled call becomes. */
const SOURCES = new Set(['@griffel/react', '@fluentui/react-components']);
const EXTRACTED = { __styles: '__css', __resetStyles: '__resetCSS' } as const;
type Compiled = keyof typeof EXTRACTED;

/**
 * Griffel's buckets in the order its runtime keeps their <style> elements (@griffel/core
 * getStyleSheetForBucket): resets, plain rules, then :link :visited :focus-within :focus
 * :focus-visible :hover :active, at-rules, keyframes, @media and @container.
 */
const BUCKETS = ['r', 'd', 'l', 'v', 'w', 'f', 'i', 'h', 'a', 's', 'k', 't', 'm', 'c', 'x'];

type Entry = string | [string, { m?: string; x?: string; p?: number }];

/** A literal's value (objects, arrays, strings, numbers), or undefined when any part is not literal. */
function literal(node: Node): unknown {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumericLiteral':
      return node.value;
    case 'NullLiteral':
      return null;
    case 'TemplateLiteral': {
      const quasis = node.quasis as Node[];
      return (node.expressions as Node[]).length === 0 && quasis.length === 1
        ? (quasis[0]?.value as { cooked: string }).cooked
        : undefined;
    }
    case 'UnaryExpression': {
      const value = node.operator === '-' ? literal(node.argument as Node) : undefined;
      return typeof value === 'number' ? -value : undefined;
    }
    case 'ArrayExpression': {
      const out: unknown[] = [];
      for (const e of node.elements as (Node | null)[]) {
        const v = e === null ? undefined : literal(e);
        if (v === undefined) return undefined;
        out.push(v);
      }
      return out;
    }
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties as Node[]) {
        const key = p.key as Node;
        if (p.type !== 'ObjectProperty' || p.computed === true) return undefined;
        const name = key.type === 'Identifier' ? (key.name as string) : key.type === 'StringLiteral' ? key.value : null;
        const v = literal(p.value as Node);
        if (typeof name !== 'string' || v === undefined) return undefined;
        out[name] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

function* calls(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const n of node) yield* calls(n);
    return;
  }
  if (node === null || typeof node !== 'object' || typeof (node as Node).type !== 'string') return;
  const n = node as Node;
  if (n.type === 'CallExpression') yield n;
  for (const [key, child] of Object.entries(n)) {
    if (key !== 'loc' && key !== 'leadingComments' && key !== 'trailingComments' && typeof child === 'object')
      yield* calls(child);
  }
}

/**
 * Griffel's CSS extraction for the build: every style compiled ahead of time (Fluent's packages
 * ship so, and griffel-aot.ts compiles the console's) has its CSS rules taken out of the code and
 * written, once, into one stylesheet that index.html links; the code keeps the class names only
 * (__styles becomes __css, __resetStyles __resetCSS). The browser then parses the rules as CSS
 * with the page instead of inserting them one by one from JavaScript as each component first
 * renders, and the scripts carry no CSS text. A call whose rules are not plain literals is left to
 * the runtime, as before.
 */
export function griffelCss(): Plugin {
  const babel = require('@babel/core') as Babel;
  /** Rules by bucket, then by the @media or @container they are in and their priority, each once. */
  const rules = new Map<string, Set<string>>();
  const keep = (bucket: string, entry: Entry) => {
    const [rule, meta] = typeof entry === 'string' ? [entry, {}] : entry;
    const order = BUCKETS.indexOf(bucket);
    const condition = meta.m ?? meta.x ?? '';
    const priority = meta.p ?? 0;
    // Sorted as the runtime orders its <style> elements: bucket, condition, then priority (lowest first).
    const key = `${String(order).padStart(2, '0')}\u0000${condition}\u0000${String(priority + 100).padStart(4, '0')}`;
    let set = rules.get(key);
    if (!set) rules.set(key, (set = new Set()));
    set.add(rule);
  };
  const keepAll = (buckets: Record<string, Entry[]>) => {
    for (const [bucket, entries] of Object.entries(buckets)) for (const e of entries) keep(bucket, e);
  };
  let fileName = '';
  return {
    name: 'dpm-griffel-css',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      rules.clear();
      fileName = '';
    },
    transform(code, id) {
      if (!code.includes('__styles') && !code.includes('__resetStyles')) return null;
      if (!id.includes('/node_modules/') && !id.includes('/apps/console/src/')) return null;
      const ast = babel.parseSync(code, { sourceType: 'module', babelrc: false, configFile: false });
      if (!ast) return null;
      const body = ((ast.program as Node).body ?? []) as Node[];
      const local = new Map<string, { compiled: Compiled; source: string }>();
      for (const statement of body) {
        if (statement.type !== 'ImportDeclaration') continue;
        const source = (statement.source as Node).value as string;
        if (!SOURCES.has(source)) continue;
        for (const s of statement.specifiers as Node[]) {
          const imported = (s.imported as Node | undefined)?.name as string | undefined;
          if (s.type === 'ImportSpecifier' && (imported === '__styles' || imported === '__resetStyles'))
            local.set((s.local as Node).name as string, { compiled: imported, source });
        }
      }
      if (local.size === 0) return null;
      const edits: { start: number; end: number; text: string }[] = [];
      const imports = new Map<string, Set<Compiled>>();
      for (const call of calls(ast.program)) {
        const callee = call.callee as Node;
        const found = callee.type === 'Identifier' ? local.get(callee.name as string) : undefined;
        if (!found) continue;
        const args = call.arguments as Node[];
        const arity = found.compiled === '__styles' ? 2 : 3;
        const css = args.length === arity ? literal(args[arity - 1] as Node) : undefined;
        if (css === undefined) continue;
        if (Array.isArray(css)) keepAll({ r: css as Entry[] });
        else keepAll(css as Record<string, Entry[]>);
        const name = `__dpm_${EXTRACTED[found.compiled]}`;
        let names = imports.get(found.source);
        if (!names) imports.set(found.source, (names = new Set()));
        names.add(found.compiled);
        edits.push({ start: callee.start ?? 0, end: callee.end ?? 0, text: name });
        // The CSS argument goes, with the comma before it.
        edits.push({ start: (args[arity - 2] as Node).end ?? 0, end: (args[arity - 1] as Node).end ?? 0, text: '' });
      }
      if (edits.length === 0) return null;
      let out = code;
      for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
      const named = (n: Compiled) => `${EXTRACTED[n]} as __dpm_${EXTRACTED[n]}`;
      const header = [...imports]
        .map(([source, names]) => `import { ${[...names].map(named).join(', ')} } from ${JSON.stringify(source)};\n`)
        .join('');
      return { code: header + out, map: null };
    },
    // Before index.html is written (vite:build-html), which asks transformIndexHtml for the link.
    generateBundle: {
      order: 'pre',
      handler() {
        // Within one bucket, condition and priority the runtime's order is the order components first
        // render, which no build knows; sorted, the same sources always make the same file (and hash).
        const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        const css = [...rules]
          .sort(([a], [b]) => byCodeUnits(a, b))
          .flatMap(([, set]) => [...set].sort(byCodeUnits))
          .join('\n');
        const ref = this.emitFile({ type: 'asset', name: 'styles.css', source: css });
        fileName = this.getFileName(ref);
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler: () =>
        fileName === ''
          ? []
          : [{ tag: 'link', attrs: { rel: 'stylesheet', href: `/${fileName}` }, injectTo: 'head-prepend' }],
    },
  };
}
