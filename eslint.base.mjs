// The lint base the server (eslint.config.mjs) and the console (apps/admin-ui/eslint.config.mjs)
// share: type-aware TypeScript rules and the house rules; each config adds what is its own.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const sharedRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
  '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
  '@typescript-eslint/no-extraneous-class': 'off',
  eqeqeq: ['error', 'always', { null: 'ignore' }],
  curly: ['error', 'multi-line'],
  'object-shorthand': 'error',
  'no-console': 'error',
};

/** Recommended JavaScript and type-checked TypeScript configs plus the shared rules. */
export const sharedTypeScript = [
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  { files: ['**/*.ts'], rules: sharedRules },
];
