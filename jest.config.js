/** Unit, integration and browser tests; the database is chosen by DATABASE_URL (SQLite when unset). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  // The Galera cluster tests need a running cluster: `npm run test:cluster` (jest.cluster.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/cluster/'],
  globalSetup: '<rootDir>/tests/globalSetup.ts',
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
};
