// Strict, type-aware lint. src/core is the pure domain: no framework, driver or I/O imports.
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { sharedTypeScript } from './eslint.base.mjs';

const forbiddenInCore = [
  '@nestjs/*',
  'typeorm',
  'typeorm-*',
  '@electric-sql/*',
  'pg',
  'pg-listen',
  'mongoose',
  'mongodb',
  'ioredis',
  'kafkajs',
  '@clickhouse/*',
  'ws',
  'fastify',
  '@fastify/*',
  'pino',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
  'dgram',
  'node:dgram',
];

// Database, queue, cache and analytics drivers live only in an adapter folder,
// src/infrastructure/<port>/<provider>/; everything else reaches them through the ports in src/core.
// A regex rather than a glob so that a relative path such as '../mongodb/x' is not taken for the package.
const driverImports = {
  regex:
    '^(pg|pg-listen|mongoose|mongodb|ioredis|kafkajs|typeorm|typeorm-[^/]+)(/.*)?$|^@clickhouse/|^@electric-sql/',
  message: 'Drivers belong in src/infrastructure/<port>/<provider>/; depend on a port from src/core instead.',
};

// The three roles run together or as separate processes, so none may depend on another; what they
// share goes to src/core (domain) or src/shared (framework helpers). Lower layers import no role.
const roleFolders = ['api', 'evaluation', 'analytics'];

// Which role folders each top-level folder of src/ must not import (src/core has its own, stricter list).
const forbiddenRoles = {
  // The pure core imports none of the outer folders either; matched by depth like the roles, so that
  // src/core/evaluation (the domain) is not mistaken for src/evaluation (the role).
  core: [...roleFolders, 'infrastructure', 'config', 'roles', 'shared'],
  api: ['evaluation', 'analytics'],
  evaluation: ['api', 'analytics'],
  analytics: ['api', 'evaluation'],
  shared: roleFolders,
  config: roleFolders,
  roles: roleFolders,
  infrastructure: roleFolders,
};

// no-restricted-imports sees the import text, not the resolved file, so a role folder is matched by its
// exact distance from src/: from src/api/x/y.ts, '../../evaluation/...' is the role but
// '../../core/evaluation' is the domain. One block per depth keeps that exact.
const maxDepth = 8; // src/ is 4 deep today
function boundaryBlocks() {
  const blocks = [];
  for (const [folder, roles] of Object.entries(forbiddenRoles)) {
    for (let depth = 1; depth <= maxDepth; depth++) {
      const dirs = Array.from({ length: depth - 1 }, () => '*').join('/');
      const file = `src/${folder}/${dirs ? `${dirs}/` : ''}*.ts`;
      // Adapter folders (src/infrastructure/<port>/<provider>/) are where drivers are allowed.
      const driversAllowed = folder === 'infrastructure' && depth >= 3;
      blocks.push({
        files: [file],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                {
                  regex: `^(\\.\\./){${depth}}(${roles.join('|')})(/|$)`,
                  message:
                    folder === 'core'
                      ? 'src/core is pure: it imports no role, infrastructure, config or shared folder.'
                      : `src/${folder} must not import the ${roles.join(', ')} role folder(s): move what is shared to src/core or src/shared.`,
                },
                ...(folder === 'core'
                  ? [
                      {
                        group: forbiddenInCore,
                        message: 'src/core is pure: no framework, driver or I/O imports.',
                      },
                    ]
                  : []),
                ...(driversAllowed ? [] : [driverImports]),
              ],
            },
          ],
        },
      });
    }
  }
  // The composition root (src/main.ts, src/app.*.ts) wires the roles together but uses no driver.
  blocks.push({
    files: ['src/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [driverImports] }] },
  });
  return blocks;
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'apps/**',
      'data/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...sharedTypeScript,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  ...boundaryBlocks(),
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core must not read process state; pass values in.' },
      ],
    },
  },
  {
    // One place reads the environment: src/config derives every setting from its tables, and the
    // composition root hands it process.env. docs/architecture.md names the table to touch.
    files: ['src/**/*.ts'],
    ignores: ['src/config/**', 'src/main.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from AppConfig (src/config).' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
