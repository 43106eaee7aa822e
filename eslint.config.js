import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': [
        'error',
        ...[
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
        ].map((name) => ({ name, message: 'Use the node: prefix for builtins.' })),
      ],
    },
  },
  {
    files: ['apps/review/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
