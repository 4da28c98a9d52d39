module.exports = { testEnvironment: 'node', transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] }, testMatch: ['<rootDir>/tests/**/*.test.ts'], testTimeout: 30000 };
