/**
 * The house's dependency rules (DESIGN.md §2), checked in `npm test`:
 * shared/ is pure; use cases never touch adapters or SDKs; the deployed functions never
 * reach the local host; the app and the functions only meet through shared/.
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ imports nothing but zod and dayjs (and itself).',
      severity: 'error',
      from: { path: '^shared/src' },
      to: { pathNot: ['^shared/src', 'node_modules/(zod|dayjs)/', '^node_modules/vitest'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-no-app-or-functions',
      severity: 'error',
      from: { path: '^shared/src' },
      to: { path: ['^cloudfunctions', '^miniprogram'] },
    },
    {
      name: 'use-cases-no-adapters-or-sdks',
      comment: 'Use cases take ports; they never import an adapter, an SDK or the database driver.',
      severity: 'error',
      from: { path: '^cloudfunctions/src/use-cases' },
      to: { path: ['^cloudfunctions/src/adapters', '^cloudfunctions/dev', 'node_modules/(@cloudbase|better-sqlite3|wx-server-sdk)'] },
    },
    {
      name: 'ports-are-interfaces',
      severity: 'error',
      from: { path: '^cloudfunctions/src/ports' },
      to: { path: ['^cloudfunctions/src/(adapters|use-cases|platform|functions)', '^cloudfunctions/dev'] },
    },
    {
      name: 'platform-no-adapters',
      severity: 'error',
      from: { path: '^cloudfunctions/src/platform' },
      to: { path: ['^cloudfunctions/src/adapters', 'node_modules/(@cloudbase|better-sqlite3)'] },
    },
    {
      name: 'production-never-reaches-local-host',
      comment: 'What deploys (functions, platform, use cases, the CloudBase adapter) never imports the local host or the local adapters.',
      severity: 'error',
      from: { path: '^cloudfunctions/src/(functions|platform|use-cases|ports|adapters/cloudbase)', pathNot: '\\.test\\.ts$' },
      to: { path: ['^cloudfunctions/dev', '^cloudfunctions/src/adapters/local', 'node_modules/better-sqlite3'] },
    },
    {
      name: 'src-never-reaches-local-host',
      severity: 'error',
      from: { path: '^cloudfunctions/src', pathNot: '\\.test\\.ts$' },
      to: { path: '^cloudfunctions/dev' },
    },
    {
      name: 'app-and-functions-meet-only-in-shared',
      severity: 'error',
      from: { path: '^miniprogram/src' },
      to: { path: '^cloudfunctions' },
    },
    {
      name: 'functions-never-import-app',
      severity: 'error',
      from: { path: '^cloudfunctions' },
      to: { path: '^miniprogram' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['dist/', '\\.data/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.deps.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
