// Type-aware lint for the console: the base it shares with the server (../../eslint.base.mjs) plus
// angular-eslint's rules for components and templates. The root config ignores apps/.
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { sharedTypeScript } from '../../eslint.base.mjs';

// Attributes that carry code, not prose (Material inputs, test hooks, icon names).
const I18N_IGNORED_ATTRIBUTES = [
  'accept',
  'align',
  'appearance',
  'aria-labelledby',
  'aria-live',
  'matBadgeColor',
  'matColumnDef',
  'matTooltipPosition',
  'mode',
  'orientation',
  'rel',
  'scope',
  'subscriptSizing',
  'testId',
  // HTML's own switch (yes/no) marking data that is not to be translated (docs/console.md#languages).
  'translate',
  'xPosition',
  'yPosition',
  'data-testid',
];

export default tseslint.config(
  { ignores: ['dist/**', '.angular/**', 'out-tsc/**', 'src/app/api/generated/**', 'scripts/**', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    extends: [...sharedTypeScript, ...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.app.json', './tsconfig.spec.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'ff', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'ff', style: 'camelCase' },
      ],
      // Angular's static validators (Validators.required) are meant to be passed around unbound.
      '@typescript-eslint/unbound-method': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['**/*.html'],
    ignores: ['src/index.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
    rules: {
      // Every user-visible text is marked for translation (English and Simplified Chinese ship);
      // `npm run i18n:check` then proves each marked text has a translation.
      '@angular-eslint/template/i18n': [
        'error',
        {
          checkId: false,
          ignoreTags: ['mat-icon', 'code', 'pre'],
          ignoreAttributes: I18N_IGNORED_ATTRIBUTES,
        },
      ],
    },
  },
  {
    files: ['src/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
