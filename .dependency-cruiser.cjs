/**
 * Import rules checked by `npm run lint` (ADR 030, ADR 031). Each rule names the tier it protects;
 * an exception is listed one by one with the reason, so the list can only shrink.
 */

/**
 * Test support: tests, benches and the shared test kit (with the fixtures, one file per module in
 * src/server/test/fixtures/, ADR 031) are not production code.
 */
const TEST_SUPPORT = ['\\.test\\.tsx?$', '\\.bench\\.ts$', '^src/server/test/', '^bench/', '^e2e/'];


/**
 * The tiers of src/server/modules (ADR 031, drawn in docs/ARCHITECTURE.md), lowest first. A module
 * imports only modules listed before it: a lower tier, or earlier in its own tier. So a base module
 * cannot import a feature module, a feature module cannot import a reader, a workflow or the demo,
 * and no two modules can import each other, directly or round a longer circle. A new module is
 * placed here (the lint fails on an unlisted module's import of a module, and on imports into it
 * from a lower place).
 */
const TIERS = [
  // Base: who and where (org, people, users), the code lists and policies every feature reads.
  { tier: 'base', modules: ['health', 'codes', 'policies', 'people', 'org', 'users', 'auth', 'audit', 'notifications'] },
  // Features: one kind of record each, with its own routes, service and rules.
  {
    tier: 'feature',
    modules: [
      'standards',
      'qualifications',
      'ratings',
      'catalogue',
      'needs',
      'plans',
      'classes',
      'results',
      'nominations',
      'certificates',
      'feedback',
      'duplicated-training',
      'abroad',
      'postgraduate',
    ],
  },
  // Readers: reports, the dashboard, the to-do list and official documents read the features below
  // and write none of their records (documents keep only their own: templates and the decisions
  // issued, ADR 040).
  { tier: 'reader', modules: ['reports', 'dashboard', 'todo', 'documents'] },
  // Workflows: what spans several features (a class's life cycle; restoring reset fields, which
  // also uses the readers' report layouts), and the two modules that write or show several
  // features' records at once (imports, self-service).
  { tier: 'workflow', modules: ['workflows', 'imports', 'self-service'] },
];
// The demo seeding (src/server/demo/) sits outside modules/ and above every tier: it may import
// any module, and production may not import it (no-demo-or-fixtures-in-production).

const ORDER = TIERS.flatMap(({ tier, modules }) => modules.map((m) => ({ tier, m })));
const moduleDir = (m) => `^src/server/modules/${m}/`;

/** One rule per module: it may not import a module placed at or after it (other than itself). */
const tierRules = ORDER.map(({ tier, m }, i) => {
  const later = ORDER.slice(i + 1);
  return {
    name: `tiers/${m}`,
    comment:
      `modules/${m} (${tier}) imports only modules listed before it in TIERS (.dependency-cruiser.cjs): ` +
      `not ${later.map((l) => l.m).join(', ') || 'none'}.`,
    severity: 'error',
    from: { path: moduleDir(m), pathNot: TEST_SUPPORT },
    to: { path: later.length ? later.map((l) => moduleDir(l.m)) : '^$', pathNot: TEST_SUPPORT },
  };
});

/** A module folder not placed in TIERS cannot be checked: its imports of other modules fail. */
const unplaced = {
  name: 'tiers/unplaced-module',
  comment: 'Every folder of src/server/modules is placed in TIERS (.dependency-cruiser.cjs).',
  severity: 'error',
  from: {
    path: '^src/server/modules/([^/]+)/',
    pathNot: [...ORDER.map((o) => moduleDir(o.m)), ...TEST_SUPPORT],
  },
  to: { path: '^src/server/modules/', pathNot: '^src/server/modules/$1/' },
};

module.exports = {
  forbidden: [
    ...tierRules,
    unplaced,
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
        'Production code does not import the demo seeding (src/server/demo/) or test fixtures. ' +
        'Entry points that run the demo on purpose are listed: the server in demo mode and the ' +
        'CLI commands `seed` and `generate`.',
      severity: 'error',
      from: {
        path: '^src/',
        pathNot: [
          ...TEST_SUPPORT,
          '^src/server/demo/',
          '^src/server/main\\.ts$',
          '^src/cli/commands/(seed|generate)\\.ts$',
        ],
      },
      to: { path: ['^src/server/demo/', '^src/server/test/'] },
    },
    {
      name: 'fixtures-in-one-place',
      comment:
        'Test factories live in src/server/test/fixtures/<module>.ts (ADR 031), not in module folders ' +
        'under other names (*.fixture(s).ts, *-fixture.ts, test-data.ts).',
      severity: 'error',
      from: {},
      to: { path: ['\\.fixtures?\\.ts$', '-fixture\\.ts$', '/test-data\\.ts$'] },
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
