// Mutation testing of the code that turns answers into public numbers (the collector's
// results) and of the checks a payload must pass (the schema's validation). Run with
// `npm run test:mutation`; it is slow, so it is not part of `npm test`.
//
// Why the TypeScript sources are mutated and the compiled tests run: a mutant must be
// tested by the very code it changes, reported at its place in the source we edit, and
// explained (`// Stryker disable next-line …: why`) beside that source. So Stryker mutates
// src/*.ts, then compiles the whole sandbox once with tsc -b, as the packages are built for
// real (every mutant is in that one build, switched on by the runner), and the node:test
// files run from dist/ with plain node. Loading the sources through tsx instead would
// need no build, but costs each test process over a second of transpiling, and Stryker
// starts thousands of them. The collector finds @participate/schema through node_modules,
// that is the schema's own dist/, which `npm run test:mutation` builds first.
//
// node:test has no Stryker runner of its own; the tap runner starts one node process per
// test file and reads the TAP it prints. One file is one "test" to Stryker, so coverage
// analysis picks, for each mutant, only the test files that reach it.

/** One or two workers: the machine's two cores are shared. Set STRYKER_CONCURRENCY=2 when it is free. */
const concurrency = Math.min(2, Math.max(1, Number(process.env.STRYKER_CONCURRENCY ?? 1) || 1));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: [
    'packages/collector/src/results/ranking/*.ts',
    'packages/collector/src/results/fft.ts',
    'packages/collector/src/results/fft-report.ts',
    'packages/collector/src/results/feedback-results.ts',
    'packages/collector/src/results/fruit-tree-results.ts',
    'packages/collector/src/results/ranking-results.ts',
    'packages/collector/src/results/disclosure*.ts',
    'packages/collector/src/results/disclosure*/**/*.ts',
    'packages/schema/src/validate.ts',
    'packages/schema/src/ranking-rules.ts',
    'packages/schema/src/fruit-tree-rules.ts',
    '!**/*.test.ts',
  ],
  testRunner: 'tap',
  tap: {
    testFiles: ['packages/collector/dist/results/**/*.test.js', 'packages/schema/dist/*.test.js'],
    nodeArgs: ['--test-reporter=tap'],
    forceBail: true,
  },
  // The sandbox needs only the two packages' sources, their manifests and tsconfigs.
  ignorePatterns: [
    '/*',
    '!/package.json',
    '!/tsconfig.base.json',
    '!/packages',
    '/packages/*',
    '!/packages/schema',
    '!/packages/collector',
    '/packages/*/dist',
    '/packages/collector/data',
  ],
  // Builds schema and collector (a project reference) as their own build scripts do;
  // payload.test.ts reads the JSON Schema that write-json-schema puts beside the module.
  buildCommand: 'npm run build --workspace packages/schema --workspace packages/collector',
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  concurrency,
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
