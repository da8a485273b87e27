// ESLint (flat config): TypeScript rules everywhere; React and hooks rules (what Taro's
// React config, eslint-config-taro/react, turns on) for the mini program in src/; and the
// import rule that keeps zod and contract values out of the mini program's bundle.
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-h5/', 'cloudfunctions/', 'data/', 'coverage/', '**/*.js', '!eslint.config.mjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks what is deliberately left unused (a destructured field taken out).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and the bench read replies and fixtures loosely; the code under test is typed.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...react.configs.flat.recommended,
    ...react.configs.flat['jsx-runtime'],
    languageOptions: {
      ...react.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser, wx: 'readonly' },
    },
    settings: { react: { version: '18.3' } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off', // TypeScript types the props
      // The mini program imports types from the contracts, never zod or a schema (tens of KB
      // in the weapp bundle); the zod-free word tables (roles, labels) are the exception.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'zod stays out of the mini program: import types from contracts/ instead.' }],
          patterns: [
            {
              group: ['**/contracts/*', '!**/contracts/roles', '!**/contracts/labels', '!**/contracts/vote-labels', '!**/contracts/minqing-labels', '!**/contracts/rules'],
              allowTypeImports: true,
              message: 'Only types from the contracts in src/ (their values bring zod into the bundle); words and rules: contracts/labels, roles, rules.',
            },
          ],
        },
      ],
    },
  },
);
