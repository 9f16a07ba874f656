// One runner for every tier. NestJS 12 is ESM-only, so TypeScript is compiled as ESM
// (ts-jest useESM) and Node runs jest with --experimental-vm-modules (see package.json).
import angularPresets from 'jest-preset-angular/presets/index.js';

const tsEsm = {
  '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.spec.json' }],
};
const stripJsExtension = { '^(\\.{1,2}/.*)\\.js$': '$1' };
// The workspace libraries, from their TypeScript sources (no build needed to test).
const workspaceLibs = { '^@decalogo/(scoring|access)$': '<rootDir>/libs/$1/src/index.ts' };

const nodeProject = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: tsEsm,
  moduleNameMapper: { ...workspaceLibs, ...stripJsExtension },
  testMatch,
  ...extra,
});

// The web app's component and logic tests: Angular compiled just in time as ESM (the same
// Node flag), in jsdom, without zone.js like the app itself.
const webProject = {
  ...angularPresets.createEsmPreset({ tsconfig: '<rootDir>/apps/web/tsconfig.spec.json' }),
  displayName: 'web',
  rootDir: '.',
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  setupFilesAfterEnv: ['<rootDir>/apps/web/src/test-setup.ts'],
  moduleNameMapper: {
    tslib: 'tslib/tslib.es6.js',
    ...workspaceLibs,
    ...stripJsExtension,
  },
  testMatch: ['<rootDir>/apps/web/src/**/*.spec.ts'],
};

export default {
  // Integration tests start the real app on a real database (and a browser): seconds, not milliseconds.
  testTimeout: 90_000,
  projects: [
    nodeProject('scoring', ['<rootDir>/libs/**/*.spec.ts']),
    nodeProject('api', ['<rootDir>/apps/api/src/**/*.spec.ts']),
    nodeProject('integration', ['<rootDir>/test/integration/**/*.spec.ts']),
    nodeProject('browser', ['<rootDir>/test/browser/**/*.spec.ts']),
    webProject,
  ],
};
