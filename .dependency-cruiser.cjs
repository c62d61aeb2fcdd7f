/**
 * Import rules checked by `npm run lint` (ADR 030). Each rule names the tier it protects;
 * an exception is listed one by one with the reason, so the list can only shrink.
 */

/** Test support: tests, benches, fixtures and the shared test kit are not production code. */
const TEST_SUPPORT = [
  '\\.test\\.tsx?$',
  '\\.bench\\.ts$',
  '\\.fixtures?\\.ts$',
  '-fixture\\.ts$',
  '/test-data\\.ts$',
  '^src/server/test/',
  '^bench/',
  '^e2e/',
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular-server',
      comment: 'No import circles among src/server files.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: {
        circular: true,
        pathNot: [
          // Known circle (measured 2026-12-06): the xlsx reader and its zip/cell helpers call each other.
          '^src/server/lib/sheets/(read|xlsx)\\.ts$',
        ],
      },
    },
    {
      name: 'no-demo-or-fixtures-in-production',
      comment:
        'Production code does not import the demo seeding (modules/demo/) or test fixtures. ' +
        'Entry points that run the demo on purpose are listed: the server in demo mode and the ' +
        'CLI commands `seed` and `generate`.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          ...TEST_SUPPORT,
          '^src/server/modules/demo/',
          '^src/server/main\\.ts$',
          '^src/cli/commands/(seed|generate)\\.ts$',
        ],
      },
      to: { path: ['^src/server/modules/demo/', '\\.fixtures?\\.ts$', '-fixture\\.ts$', '^src/server/test/'] },
    },
    {
      name: 'contracts-stand-alone',
      comment: 'src/contracts is shared by server, web and CLI: it imports neither server nor web.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { path: ['^src/server/', '^src/web/'] },
    },
    {
      name: 'lib-below-modules',
      comment: 'src/server/lib is the shared toolkit under every module: it does not import modules.',
      severity: 'error',
      // Tests under lib/ may drive a module end to end (export-formulas.test.ts writes a gradebook).
      from: { path: '^src/server/lib/', pathNot: TEST_SUPPORT },
      to: { path: '^src/server/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    cache: false,
  },
};
