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
  'OK', 'Replica creation pending', 'Manual replica creation pending', 'Replica is inconsistent', 'Replica inconsistent, verification in progress',
  'Replica is missing', 'Replica is invalid', 'Inactive replica available',
  'Scheduled', 'In progress', 'Completed', 'Failed', 'Canceled',
  'Online', 'Not installed', 'Running', 'Offline', 'Stopped', 'Unreachable', 'Incompatible', 'Disabled',
  'Free', 'Imported', 'Unknown', 'Suspect', 'Cleaning', 'Active', 'Inactive',
  'Administrator', 'Operator', 'Reader',
];
const escape = (w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD = `/^(${DECIDING_WORDS.map(escape).join('|')})$/`;
const message = 'The console does not decide by a DPM status or role: render the operations the server offers, or call the domain.';
export const consoleDecides = [
  { selector: `BinaryExpression[operator=/^[!=]==?$/] > Literal[value=${WORD}]`, message },
  { selector: `SwitchCase > Literal.test[value=${WORD}]`, message },
  { selector: `CallExpression[callee.property.name='includes'] > Literal[value=${WORD}]`, message },
  { selector: "JSXAttribute[name.name='needs']", message },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/drizzle/meta/**', 'data/**', '**/test-results/**', '**/playwright-report/**'] },
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
    // The domain is the functional core: no framework, database, file system, clock or randomness.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3', 'hono', 'hono/*', '@hono/*', 'react', 'react-*', 'node:*', 'fs', 'path', 'crypto', 'pino', '@dpm/db/*', '@dpm/bff/*'], message: 'The domain package is pure: it imports no framework, database, I/O or clock.' },
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
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The domain receives `now` from its caller.' },
        { selector: "CallExpression[callee.name='setTimeout'], CallExpression[callee.name='setInterval']", message: 'The domain does not schedule timers.' },
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
      'no-restricted-syntax': ['error', ...consoleDecides],
    },
  },
  {
    // The console, read with its types: a promise is awaited, returned or marked `void` (a
    // refused command must not vanish), none is passed where a callback's result is ignored, and
    // TanStack Query is used as its plugin recommends (stable query keys, exhaustive deps).
    files: ['apps/console/src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        // The probe that console-decides.test.ts lints exists only in that test.
        projectService: { allowDefaultProject: ['apps/console/src/features/probe.tsx'] },
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
