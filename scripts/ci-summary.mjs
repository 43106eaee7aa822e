#!/usr/bin/env node
// Totals the JSON reports of vitest and Playwright written during a CI run into one line,
// `N passed, N failed`. A runner that was expected but left no report counts as a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.ci/results';
let passed = 0;
let failed = 0;
let problems = 0;

const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.json')) : [];
const vitestReports = files.filter((file) => file.startsWith('vitest'));
const playwrightReports = files.filter((file) => file.startsWith('playwright'));

for (const file of files) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  if (file.startsWith('vitest')) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A suite that failed to load has no tests but is a failure.
    failed += (report.testResults ?? []).filter(
      (suite) => suite.status === 'failed' && suite.assertionResults?.length === 0,
    ).length;
  } else if (file.startsWith('playwright')) {
    passed += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    failed += report.stats?.unexpected ?? 0;
    failed += (report.errors ?? []).length;
  }
  console.log(`report ${file}`);
}
if (vitestReports.length === 0) {
  console.log('no vitest report was written');
  problems += 1;
}
if (playwrightReports.length === 0) {
  console.log('no Playwright report was written');
  problems += 1;
}
console.log(`${passed} passed, ${failed + problems} failed`);
process.exitCode = failed + problems > 0 ? 1 : 0;
