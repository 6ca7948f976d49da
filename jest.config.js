// Three projects: unit (pure and in-process), integration (real servers on loopback),
// e2e (whole processes / real SDKs / browser). `npm run test:all` runs all three.
const transform = { '^.+\\.(t|j)s$': ['@swc/jest'] };
// openid-client and its dependencies ship only ES modules; Jest loads CommonJS, so they are compiled too.
const transformIgnorePatterns = ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'];
const common = {
  transform,
  transformIgnorePatterns,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  rootDir: __dirname,
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/test/conformance/**/*.spec.ts',
        '<rootDir>/test/unit/**/*.spec.ts',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      // Real servers: tests and hooks that take 2-5 s here would fail Jest's 5 s default on a machine
      // half as fast, as CI machines sometimes are.
      testTimeout: 30_000,
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts', '<rootDir>/test/contracts/**/*.int-spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testTimeout: 30_000,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
  ],
};
