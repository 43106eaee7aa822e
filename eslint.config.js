import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const BUILTINS = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'url',
  'worker_threads',
  'child_process',
  'util',
  'stream',
  'zlib',
].map((name) => ({ name, message: 'Use the node: prefix for builtins.' }));

// DESIGN.md's arrows, one way only: apps -> ingest -> clean/dedup/store/diff -> document, plus
// apps/cli -> apps/review (the server entry behind `corpuskit serve`). Each workspace lists the
// corpuskit packages it may import; every other one is an error, statically or through import().
// Tests, benches and evals may also import their own package by name and @corpuskit/testkit
// (private, never published); shipped code may not.
const PACKAGES = ['document', 'clean', 'dedup', 'store', 'diff', 'ingest', 'review', 'cli', 'testkit'];
const MAY_IMPORT = {
  'packages/document': [],
  'packages/clean': ['document'],
  'packages/dedup': ['document'],
  'packages/store': ['document'],
  'packages/diff': ['document'],
  'packages/ingest': ['document', 'clean', 'dedup', 'store', 'diff'],
  'packages/testkit': ['document'],
  'apps/review': ['document', 'clean', 'dedup', 'store', 'diff', 'ingest'],
  'apps/cli': ['document', 'clean', 'dedup', 'store', 'diff', 'ingest', 'review'],
};
const TOOLING_FILES = ['**/*.test.ts', '**/*.test.tsx', '**/test-utils.ts', 'bench/**', 'eval/**', 'e2e/**'];
const boundaryRules = (dir, allowed) => {
  const forbidden = PACKAGES.filter((name) => !allowed.includes(name));
  const why = `${dir} may import only ${allowed.map((name) => `@corpuskit/${name}`).join(', ') || 'no corpuskit package'} (DESIGN.md: apps -> ingest -> clean/dedup/store/diff -> document)`;
  const names = forbidden.join('|');
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: BUILTINS,
        patterns: [
          { regex: `^@corpuskit/(${names})(/|$)`, message: why },
          {
            regex: `^(\\.\\./)+(packages|apps|${PACKAGES.join('|')})/(src|server|dist)/`,
            message: 'Import another workspace package by its name, not by a path into it.',
          },
        ],
      },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: `ImportExpression > Literal[value=/^@corpuskit\\/(${names})(\\/|$)/]`, message: why },
    ],
  };
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      'corpus/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', ...BUILTINS],
    },
  },
  ...Object.entries(MAY_IMPORT).flatMap(([dir, allowed]) => [
    { files: [`${dir}/**`], rules: boundaryRules(dir, allowed) },
    {
      files: TOOLING_FILES.map((glob) => `${dir}/${glob}`),
      rules: boundaryRules(dir, [...allowed, dir.split('/')[1], 'testkit']),
    },
  ]),
  {
    files: ['apps/review/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
