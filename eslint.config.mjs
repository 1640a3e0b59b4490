import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'coverage/', 'src/models/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_name` marks a value left out on purpose (a destructured field, an unused parameter of a callback).
      // Two loads stay require(): ltijs's internal modules (no types, tested directly) and the development platform,
      // loaded only when enabled (a production install has no development dependencies).
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^ltijs/dist/', '/developmentPlatform$'] }],
      // A value set once but read earlier by a closure (the LTI tool in the composition root) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  { files: ['test/**/*.ts', 'bench/**/*.ts'], languageOptions: { globals: { ...globals.jest } } },
  { files: ['public/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['**/*.js', '**/*.cjs'],
    ignores: ['public/**'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
