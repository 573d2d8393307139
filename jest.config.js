/** Test projects: pure units, the store on real databases, the bot and server over real HTTP. */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|cjs|mjs)$': swc },
  // PGlite's CommonJS build loads Node built-ins with import(), which
  // jest's vm cannot run: it is compiled to plain CommonJS for tests.
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/)'],
  moduleNameMapper: {
    // adaptivecards' package entry is ESM without "type": the UMD bundle works in Node.
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
  },
  clearMocks: true,
  // build/app is the staged deployment (npm run stage): a second package.json and vendor/ that
  // jest's module map would take for duplicates of the project's own.
  modulePathIgnorePatterns: ['<rootDir>/build/'],
};

module.exports = {
  testTimeout: 60000,
  // Once per run: the migrated PGlite template and this run's PostgreSQL schema prefix.
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.spec.ts', '<rootDir>/tests/bot/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'],
    },
  ],
};
