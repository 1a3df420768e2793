#!/usr/bin/env node
// Runs the test suites (unit, web, integration, e2e, browser) with Vitest against real services,
// then prints one closing line "N passed, N failed, N skipped" and exits non-zero on any
// failure or when no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL = ['unit', 'web', 'integration', 'e2e', 'browser'];
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build') || process.env.SKIP_BUILD === '1';
const projects = args.filter((a) => !a.startsWith('--'));
const selected = projects.length ? projects : ALL;
for (const p of selected) if (!ALL.includes(p)) throw new Error(`unknown suite ${p}; choose from ${ALL.join(', ')}`);

function step(title, command, commandArgs, env = {}) {
  console.log(`\n== ${title}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

// e2e and browser suites run the built programs, as production does.
if (!skipBuild && selected.some((p) => p !== 'unit' && p !== 'web')) {
  if (step('build', 'npm', ['run', 'build']) !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;
for (const project of selected) {
  const out = join(resultsDir, `vitest-${project}.json`);
  rmSync(out, { force: true });
  const status = step(
    `suite ${project}`,
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    {
      PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  );
  if (!existsSync(out)) {
    console.log(`suite ${project}: no report written (exit ${status})`);
    failedRuns += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  const failed = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`suite ${project}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  if (status !== 0 || passed === 0) failedRuns += 1;
}

if (process.env.TEST_ALL_STARTED)
  console.log(`\nall checks and suites took ${Math.round(Date.now() / 1000 - Number(process.env.TEST_ALL_STARTED))} s`);
const ok = failedRuns === 0 && totals.failed === 0 && totals.passed > 0;
// A suite that crashed without failing a test still counts as a failure in the closing line.
const failed = totals.failed + (totals.failed === 0 && !ok ? 1 : 0);
console.log(`\n${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
process.exit(ok ? 0 : 1);
