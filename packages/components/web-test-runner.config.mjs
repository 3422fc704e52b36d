import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/**
 * Protocol fake of the API's session check for the provider's refresh test: 401 `session_expired` unless the
 * bearer token is `cs_fresh`, then 200 echoing the header.
 */
async function echoSession(ctx, next) {
  if (ctx.path !== '/v1/echo-session') return next();
  const authorization = ctx.get('authorization');
  ctx.type = 'application/json';
  if (authorization === 'Bearer cs_fresh') {
    ctx.status = 200;
    ctx.body = JSON.stringify({ authorization });
    return;
  }
  ctx.status = 401;
  ctx.body = JSON.stringify({ error: { code: 'session_expired', message: 'The session has expired.', details: null } });
}

export default {
  files: 'src/**/*.test.ts',
  nodeResolve: true,
  // esbuild reads this file as is (no `extends`), so it repeats the decorator options of the root tsconfig.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [echoSession],
  // Tests run Lit's development build on purpose (extra warnings); its banner about that is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      },
    }),
  ],
  testFramework: { config: { timeout: 5000 } },
};
