import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/**
 * Protocol fake of the API's session check for the provider's refresh tests, under the api-base `/echo`:
 * `/echo/v1/echo-session` answers 401 `session_expired` unless the bearer token is `cs_fresh`, then 200 echoing the
 * header; `/echo/v1/me` answers an empty session description, so the provider's own /me call stays out of the count.
 */
async function echoSession(ctx, next) {
  if (ctx.path === '/echo/v1/me') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ user: null, business: null, permissions: [], features: {} });
    return;
  }
  if (ctx.path !== '/echo/v1/echo-session') return next();
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

// The real API (createApp on an in-memory PGlite), loaded through tsx: the test script runs WTR under `--import tsx`.
const apiModule = () => import(new URL('../server/test-support/api-server.ts', import.meta.url).href);

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/**
 * Serves the real API to the tests: `/v1/*` from a business seeded with 2,000 clients, `/bulk/v1/*` from one with
 * 1,000,000 bare clients (built on first use, ~20 s). `GET /test-session[?bulk]` answers `{ apiBase, session }`
 * with a session for a new owner user, so preferences written by one test stay out of the others.
 */
function realApi() {
  let seeded;
  let bulk;
  const seededApi = () => {
    seeded ??= apiModule().then((m) => m.startSeededApi(2000));
    return seeded;
  };
  const bulkApi = () => {
    bulk ??= apiModule().then((m) => m.startBulkApi(1_000_000));
    return bulk;
  };
  async function forward(ctx, api, path) {
    const url = new URL(path + ctx.search, ctx.request.origin);
    const headers = new Headers();
    for (const [name, value] of Object.entries(ctx.request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const method = ctx.method;
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(ctx.req);
    const response = await api.fetch(new Request(url, { method, headers, body }));
    ctx.status = response.status;
    response.headers.forEach((value, name) => {
      if (name !== 'content-length') ctx.set(name, value);
    });
    ctx.body = Buffer.from(await response.arrayBuffer());
  }
  const plugin = {
    name: 'clientbase-real-api',
    serverStart() {
      void seededApi();
    },
    async serverStop() {
      await (await seeded)?.close();
      if (bulk) await (await bulk).close();
    },
  };
  return {
    plugin,
    middleware: async (ctx, next) => {
      if (ctx.path === '/test-session') {
        const isBulk = 'bulk' in ctx.query;
        const api = await (isBulk ? bulkApi() : seededApi());
        ctx.type = 'application/json';
        ctx.set('Cache-Control', 'no-store');
        ctx.body = JSON.stringify({
          apiBase: ctx.request.origin + (isBulk ? '/bulk' : ''),
          session: await api.mintSession(),
          clients: api.clients,
        });
        return;
      }
      if (ctx.path.startsWith('/bulk/v1/')) return forward(ctx, await bulkApi(), ctx.path.slice('/bulk'.length));
      if (ctx.path.startsWith('/v1/')) return forward(ctx, await seededApi(), ctx.path);
      return next();
    },
  };
}

const api = realApi();

export default {
  files: 'src/**/*.test.ts',
  nodeResolve: true,
  // esbuild reads this file as is (no `extends`), so it repeats the decorator options of the root tsconfig.
  plugins: [
    api.plugin,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [echoSession, api.middleware],
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
  // @tanstack/virtual-core reads process.env.NODE_ENV, which bundlers replace; the unbundled test page needs a stand-in.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html><body>
      <script>window.process = { env: { NODE_ENV: 'development' } };</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
