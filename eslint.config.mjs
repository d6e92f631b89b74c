import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'storybook-static/**', 'packages/elements/src/i18n/generated/**', 'custom-elements.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  wc.configs['flat/best-practice'],
  {
    // lit-a11y ships only a legacy config; its rules are plain rule objects.
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Adapter methods may resolve with data or nothing (`Promise<T | void>`): hosts choose.
      '@typescript-eslint/no-invalid-void-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Elements register through AcctElement.define() in define.ts, not in the class module.
      'wc/guard-super-call': 'off',
      'wc/tag-name-matches-class': 'off',
    },
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    rules: {
      // Our legacy-only decorators are ~0.35 KB gzip smaller per element entry (issue 10).
      'no-restricted-imports': ['error', { paths: [{ name: 'lit/decorators.js', message: "Use property/state from base/decorators.js." }] }],
    },
  },
  {
    files: ['test/**/*.ts', 'stories/**/*.ts', '.storybook/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
      'no-restricted-properties': ['error', { object: 'it', property: 'only' }, { object: 'describe', property: 'only' }],
    },
  },
);
