import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import globals from 'globals';

/**
 * The words that name a state or a role in DPM (packages/domain/src/model.ts and roles.ts): the
 * protection statuses, job statuses, server, service and agent states, tape statuses, alert states
 * and the console's roles. Compared against in the console, they would restate a rule there.
 */
const DECIDING_WORDS = [
  'OK',
  'Replica creation pending',
  'Manual replica creation pending',
  'Replica is inconsistent',
  'Replica inconsistent, verification in progress',
  'Replica is missing',
  'Replica is invalid',
  'Inactive replica available',
  'Scheduled',
  'In progress',
  'Completed',
  'Failed',
  'Canceled',
  'Online',
  'Not installed',
  'Running',
  'Offline',
  'Stopped',
  'Unreachable',
  'Incompatible',
  'Disabled',
  'Free',
  'Imported',
  'Unknown',
  'Suspect',
  'Cleaning',
  'Active',
  'Inactive',
  'Administrator',
  'Operator',
  'Reader',
];
const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = `/^(${DECIDING_WORDS.map(escape).join('|')})$/`;
const message =
  'The console does not decide by a DPM status or role: render the operations the server offers, or call the domain.';
export const consoleDecides = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > Literal[value=${WORD}]`, message },
  { selector: `SwitchCase > Literal.test[value=${WORD}]`, message },
  { selector: `CallExpression[callee.property.name='includes'] > Literal[value=${WORD}]`, message },
  { selector: "JSXAttribute[name.name='needs']", message },
];

/**
 * A value of a style that is known before the console runs: a literal, a negative number, a
 * template with nothing in it, or a choice between two of those (`selected ? 600 : 400`).
 */
const LITERAL = (at) => `[value.${at}.type='Literal']`;
const UNDEFINED = (at) => `[value.${at}.name='undefined']`;
const CHOICE = "[value.type='ConditionalExpression']";
const FIXED = [
  "[value.type='Literal']",
  "[value.type='UnaryExpression'][value.argument.type='Literal']",
  "[value.type='TemplateLiteral'][value.expressions.length=0]",
  `${CHOICE}${LITERAL('consequent')}${LITERAL('alternate')}`,
  `${CHOICE}${LITERAL('consequent')}${UNDEFINED('alternate')}`,
  `${CHOICE}${UNDEFINED('consequent')}${LITERAL('alternate')}`,
];
/**
 * The console styles through Fluent UI's makeStyles (tokens for spacing, colours and fonts): a
 * `style` attribute whose object holds only such values is refused. A style may stay inline for
 * what is computed as the console runs (a virtualized row's offset, a width the caller gives).
 */
export const inlineStyle = {
  selector:
    "JSXAttribute[name.name='style'] > JSXExpressionContainer > ObjectExpression" +
    `:not(:has(> SpreadElement)):not(:has(> Property:not(${FIXED.join(', ')})))`,
  message:
    'Static styles go in a makeStyles hook (@fluentui/react-components, with tokens), combined with ' +
    'mergeClasses; keep inline only what is computed at run time.',
};

/** Where lint/lint.test.ts lints its fixtures as (files that do not exist; typed on their own). */
const LINT_FIXTURE_FILES = [
  'apps/bff/src/lint-fixture.ts',
  'apps/bff/src/routes/lint-fixture.ts',
  'apps/cli/src/lint-fixture.ts',
  'packages/domain/src/lint-fixture.ts',
  'apps/console/src/lint-fixture.ts',
  'apps/console/src/lint-fixture.tsx',
  // The probe that apps/console/src/console-decides.test.ts lints.
  'apps/console/src/features/probe.tsx',
];
/**
 * Files linted with their types that no tsconfig includes. typescript-eslint keeps one project
 * service per process, so every block that reads types gives it the same list.
 */
const DEFAULT_PROJECT = ['vitest.config.ts', 'lint/*.ts', ...LINT_FIXTURE_FILES];
const CLI_CLIENT = "The command line is an HTTP client of the API (hono/client and the API's types).";
const DATABASE = ['@dpm/db', '@dpm/db/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/drizzle/meta/**',
      'data/**',
      '**/test-results/**',
      '**/playwright-report/**',
      // Sources that break the rules on purpose: lint/lint.test.ts lints them and expects each rule to fire.
      'lint/fixtures/**',
      // An unformatted source on purpose: lint/format.test.ts shows the formatter refusing it.
      'lint/format-fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Everything but the console, type-aware: a promise is awaited, returned or handed on with
    // `void` on purpose, and none is passed where a callback's result is ignored.
    files: ['**/*.ts'],
    ignores: ['apps/console/**'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: DEFAULT_PROJECT },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Routes validate, authorize, call one verb and map errors: SQL stays in packages/db.
    files: ['apps/bff/src/routes/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
              message: "Routes read through @dpm/db's repositories and views, never SQL of their own.",
            },
          ],
        },
      ],
    },
  },
  {
    // The dpm command line is a client of the HTTP API: it knows the API's types and nothing else.
    files: ['apps/cli/src/**/*.ts'],
    ignores: ['apps/cli/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@dpm/bff', '@dpm/bff/*'],
              allowTypeImports: true,
              message: "The command line imports only the API's types (import type).",
            },
            {
              group: [...DATABASE, '@dpm/domain', '@dpm/domain/*', 'hono/*', '!hono/client', '@hono/*'],
              message: CLI_CLIENT,
            },
          ],
          paths: [{ name: 'hono', message: CLI_CLIENT }],
        },
      ],
    },
  },
  {
    // The console reaches the estate through the API only: never the database nor the BFF's code.
    files: ['apps/console/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: DATABASE, message: 'The console reads the estate through the API, never the database.' },
            {
              group: ['@dpm/bff', '@dpm/bff/*'],
              allowTypeImports: true,
              message: "The console imports only the API's types (import type).",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is the functional core: no framework, database, file system, clock or randomness.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'drizzle-orm',
                'drizzle-orm/*',
                'better-sqlite3',
                'hono',
                'hono/*',
                '@hono/*',
                'react',
                'react-*',
                'node:*',
                'fs',
                'path',
                'crypto',
                'pino',
                '@dpm/db/*',
                '@dpm/bff/*',
              ],
              message: 'The domain package is pure: it imports no framework, database, I/O or clock.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain receives `now` from its caller.' },
        { object: 'Math', property: 'random', message: 'The domain receives ids from its caller.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain receives `now` from its caller.',
        },
        {
          selector: "CallExpression[callee.name='setTimeout'], CallExpression[callee.name='setInterval']",
          message: 'The domain does not schedule timers.',
        },
      ],
      'no-restricted-globals': ['error', 'crypto', 'performance', 'process'],
    },
  },
  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The console renders what the server offers (the domain's catalogue of operations) and asks
      // the domain's own functions; it never decides by a DPM status name or a role itself.
      'no-restricted-syntax': ['error', ...consoleDecides, inlineStyle],
    },
  },
  {
    // The console, read with its types: a promise is awaited, returned or marked `void` (a
    // refused command must not vanish), none is passed where a callback's result is ignored, and
    // TanStack Query is used as its plugin recommends (stable query keys, exhaustive deps).
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: DEFAULT_PROJECT },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@tanstack/query': pluginQuery },
    rules: {
      ...Object.assign({}, ...pluginQuery.configs['flat/recommended'].map((c) => c.rules ?? {})),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
);
