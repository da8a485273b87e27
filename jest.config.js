// Three kinds of test: unit (pure code), integration (handlers and the store against the
// local runtime on real SQLite), e2e (user stories in headless Chromium on the H5 build).
const tsJest = [
  'ts-jest',
  { tsconfig: { module: 'commonjs', jsx: 'react-jsx', isolatedModules: true }, diagnostics: false },
];
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

module.exports = {
  // Jest reads testTimeout from the global config only (a project's own testTimeout is ignored,
  // which left every test at 5 s): 30 s for all; a slower test names its own.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testTimeout: 30_000,
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/store/**/*.test.ts'],
    },
    {
      // The exactness tests again, on the cloud's semantics (test/integration/runtime.ts).
      ...common,
      displayName: 'cloud',
      testTimeout: 120_000,
      setupFiles: ['<rootDir>/test/integration/cloud-mode.setup.ts'],
      testMatch: ['<rootDir>/test/integration/perk-redeem.test.ts', '<rootDir>/test/integration/notice.test.ts', '<rootDir>/test/integration/vote-exactness*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testTimeout: 60_000,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      // The 适老化 check over every page state the tests visit (test/e2e/a11y/audit.ts).
      setupFilesAfterEnv: ['<rootDir>/test/e2e/a11y/setup.ts'],
    },
  ],
};
