// Tests run TypeScript through swc (which, unlike esbuild, emits the decorator metadata type-graphql needs).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/platform', '<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/clients/web/test', '<rootDir>/test'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.tsx?$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@kg/platform$': '<rootDir>/platform/src/index.ts',
    '^@kg/platform/(.*)$': '<rootDir>/platform/src/$1',
    '^@kg/subgraph-(.*)$': '<rootDir>/subgraphs/$1/src/index.ts',
    '^@kg/gateway$': '<rootDir>/gateway/src/index.ts',
  },
  testTimeout: 60000,
};
