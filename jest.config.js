/** Unit, integration and browser tests; the database is chosen by DATABASE_URL (SQLite when unset). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/globalSetup.ts',
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
};
