import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'artifacts/**', '.tmp/**', 'cloudbaserc.json', 'miniprogram/babel.config.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // promises that nobody awaits or that land where a void callback is expected: typed linting
    files: ['**/*.{ts,tsx}'],
    // each package's own tsconfig (bench/ and scripts/ are type-checked with cloudfunctions/'s)
    languageOptions: {
      parserOptions: {
        project: ['shared/tsconfig.json', 'cloudfunctions/tsconfig.json', 'miniprogram/tsconfig.json', 'e2e/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['miniprogram/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // page paths are one rule in one place: services/routes.ts (built on shared/'s pages.ts)
      'no-restricted-properties': [
        'error',
        ...['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'].map((property) => ({
          object: 'Taro',
          property,
          message: 'Navigate with services/routes.ts (navigateTo, redirectTo, switchTab, goTo): page paths live there.',
        })),
      ],
    },
  },
  {
    files: ['miniprogram/src/services/routes.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
