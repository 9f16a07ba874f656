// One runner for every tier. NestJS 12 is ESM-only, so TypeScript is compiled as ESM
// (ts-jest useESM) and Node runs jest with --experimental-vm-modules (see package.json).
const tsEsm = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
};
const stripJsExtension = { '^(\\.{1,2}/.*)\\.js$': '$1' };

const nodeProject = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: tsEsm,
  moduleNameMapper: stripJsExtension,
  testMatch,
  ...extra,
});

export default {
  // Integration tests start the real app on a real database (and a browser): seconds, not milliseconds.
  testTimeout: 90_000,
  projects: [
    nodeProject('scoring', ['<rootDir>/libs/**/*.spec.ts']),
    nodeProject('api', ['<rootDir>/apps/api/src/**/*.spec.ts']),
    nodeProject('integration', ['<rootDir>/test/integration/**/*.spec.ts']),
    nodeProject('browser', ['<rootDir>/test/browser/**/*.spec.ts']),
  ],
};
