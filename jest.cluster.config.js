/** The Galera cluster tests (`npm run test:cluster`): a running three-node cluster (.ci/start-galera.sh) and Redis. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/cluster/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/cluster/globalSetup.ts',
  testTimeout: 240000,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
};
