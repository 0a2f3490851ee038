// `npm test`: every check in one run, ending with one line that counts what ran: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${result.status === 0 ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return result.status === 0;
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, cmd, args) {
  if (run(label, cmd, args)) passed++;
  else {
    failed++;
    failures.push(label);
  }
}

/** A vitest run whose tests are counted one by one from its JSON report. */
function vitest(label, config, reportName) {
  const report = join(tmp, reportName);
  rmSync(report, { force: true });
  const ok = run(label, 'npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed++;
    failures.push(`${label}: no report`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // a file that fails to load counts no test: count it as a failure
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  failed += broken;
  if (!ok && r.numFailedTests === 0 && broken === 0) {
    failed++;
    failures.push(`${label}: runner failed`);
  }
  if (r.numFailedTests || broken) failures.push(`${label}: ${r.numFailedTests + broken} failed`);
}

check('typecheck shared', 'npx', ['tsc', '-p', 'shared', '--noEmit']);
check('typecheck cloudfunctions', 'npx', ['tsc', '-p', 'cloudfunctions', '--noEmit']);
check('typecheck miniprogram', 'npx', ['tsc', '-p', 'miniprogram', '--noEmit']);
check('typecheck browser tests', 'npx', ['tsc', '-p', 'e2e', '--noEmit']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('formatting (prettier --check)', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
check('dependency rules', 'npx', [
  'depcruise',
  'shared/src',
  'cloudfunctions/src',
  'cloudfunctions/dev',
  'miniprogram/src',
  '--config',
  '.dependency-cruiser.cjs',
]);
vitest('unit and integration tests (node), app hooks and components (app)', 'vitest.config.mts', 'vitest.json');
if (run('build H5 for the browser tests', 'npm', ['run', 'build:h5']))
  vitest('browser tests (Chromium)', 'vitest.e2e.config.mts', 'e2e.json');
else {
  failed++;
  failures.push('build H5');
}
// WeChat's own packaging module on the weapp build (built by the browser tests' weapp-build file)
check('WeChat code quality and package sizes (miniprogram-ci)', 'npx', ['tsx', 'scripts/wechat/quality.ts']);

console.log('');
if (failures.length) console.log(`failures: ${failures.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
