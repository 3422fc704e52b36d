// `pnpm test`: the server suite on PGlite and on PostgreSQL (when reachable), then the browser suites.
// Prints which ran, and ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test';
const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_PG;
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 5432), timeout: 2000 });
    const settle = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => settle(true));
    socket.once('error', () => settle(false));
    socket.once('timeout', () => settle(false));
  });
}

const results = [];
function run(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  results.push({ name, ok: status === 0 });
}

const { DATABASE_URL: _ignored, ...withoutUrl } = process.env;
console.log('\n=== server on PGlite (embedded) ===');
results.push({
  name: 'server on PGlite',
  ok:
    spawnSync('pnpm', ['--filter', './packages/server', 'exec', 'vitest', 'run'], {
      stdio: 'inherit',
      env: { ...withoutUrl, TEST_DB: 'pglite' },
    }).status === 0,
});

if (await reachable(postgresUrl)) {
  run('server on PostgreSQL', 'pnpm', ['--filter', './packages/server', 'exec', 'vitest', 'run'], {
    TEST_DB: 'postgres',
    DATABASE_URL: postgresUrl,
  });
} else {
  console.log(`\n=== server on PostgreSQL: SKIPPED, nothing listens at ${postgresUrl} (set TEST_DATABASE_URL) ===`);
}

if (existsSync(chrome)) {
  run('components in Chromium', 'pnpm', ['--filter', './packages/components', 'test'], { CHROME_PATH: chrome });
  run('booking widget in Chromium', 'pnpm', ['--filter', './packages/booking-widget', 'test'], { CHROME_PATH: chrome });
  // End to end: the real demo (server, pages, built bundles) driven by Chromium.
  run('build the bundles', 'pnpm', ['build']);
  run('end to end (demo + Chromium)', 'pnpm', ['--filter', './tests', 'test'], { CHROME_PATH: chrome });
} else {
  console.error(`\nChromium not found at ${chrome}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  results.push({ name: 'browser suites (no Chromium)', ok: false });
}

console.log('\n=== summary ===');
for (const { name, ok } of results) console.log(`${ok ? 'ok    ' : 'FAILED'} ${name}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
