// `npm test`: everything, in the order a failure is cheapest to find. Every step runs even
// when an earlier one fails, so one run shows all that is wrong; the exit code is non-zero
// if any step failed.
import { spawnSync } from 'node:child_process';

const steps = [
  ['test runner self-test', 'node --test scripts/test.test.mjs'],
  ['build (schema, elements, collector)', 'npm run build --silent'],
  ['lint (ESLint + Prettier)', 'npm run lint --silent'],
  ['typecheck', 'npm run typecheck --silent'],
  ['schema tests', 'npm test --silent --workspace @participate/schema'],
  ['collector tests (real SQLite and PostgreSQL)', 'npm test --silent --workspace @participate/collector'],
  ['component tests (Chromium)', 'npx web-test-runner --config web-test-runner.config.mjs'],
  ['Storybook build', 'npm run build-storybook --silent'],
  ['Storybook smoke test (every story, axe)', 'node --test test/storybook-smoke.test.mjs'],
  ['end-to-end tests (demo + collector + Chromium)', 'node --test test/e2e/'],
];

const only = process.argv.slice(2);
const chosen = steps.filter(([name]) => only.length === 0 || only.some((word) => name.includes(word)));
if (chosen.length === 0) {
  // A mistyped filter must not pass as a green run of nothing.
  console.error(
    `No step matches ${only.map((word) => `"${word}"`).join(' or ')}; steps: ${steps.map(([name]) => name).join('; ')}`,
  );
  process.exit(2);
}
const results = [];
for (const [name, command] of chosen) {
  console.log(`\n▶ ${name}\n  $ ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  results.push({ name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\nSummary');
for (const { name, ok, seconds } of results)
  console.log(`  ${ok ? 'pass' : 'FAIL'}  ${name} (${seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
