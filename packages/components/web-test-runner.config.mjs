import { apiServer, baseConfig, forward, json } from '../../scripts/web-test-runner.mjs';

/**
 * Serves the real API to the tests: `/v1/*` from a business seeded with 2,000 clients, `/bulk/v1/*` from one with
 * 1,000,000 bare clients (built on first use, ~20 s). `GET /test-session[?bulk][?expired]` answers `{ apiBase, session }`
 * with a session for a new owner user, so preferences written by one test stay out of the others.
 * `?role=receptionist&features=payments:false,files:false` mints one for a new user of that role with those features.
 */
function realApi() {
  let seeded;
  let bulk;
  const seededApi = () => {
    seeded ??= apiServer().then((m) => m.startSeededApi(2000));
    return seeded;
  };
  const bulkApi = () => {
    bulk ??= apiServer().then((m) => m.startBulkApi(1_000_000));
    return bulk;
  };
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
        const restricted = 'features' in ctx.query || 'role' in ctx.query;
        return json(ctx, {
          apiBase: ctx.request.origin + (isBulk ? '/bulk' : ''),
          session: await ('expired' in ctx.query
            ? api.expiredSession()
            : restricted
              ? restrictedSession(api, ctx.query.role, ctx.query.features)
              : api.mintSession()),
          clients: api.clients,
        });
      }
      if (ctx.path.startsWith('/bulk/v1/')) return forward(ctx, await bulkApi(), ctx.path.slice('/bulk'.length));
      if (ctx.path.startsWith('/v1/')) return forward(ctx, await seededApi(), ctx.path);
      return next();
    },
  };
}

let restrictedUsers = 0;

/** A session for a new user of `role` whose session switches off `features` (`payments:false,files:false`). */
async function restrictedSession(api, role = 'owner', features = '') {
  const call = async (path, body) => {
    const response = await api.fetch(
      new Request(`http://test.invalid${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${api.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
    if (response.status !== 201) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  const user = await call('/v1/users', {
    email: `restricted${++restrictedUsers}@test.example`,
    name: 'Restricted User',
    role,
  });
  const switches = Object.fromEntries(
    String(features)
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [name, value] = pair.split(':');
        return [name, value !== 'false'];
      }),
  );
  return (await call('/v1/component-sessions', { user_id: user.id, features: switches, ttl_minutes: 240 })).session;
}

const api = realApi();

const base = baseConfig(new URL('.', import.meta.url));

export default {
  ...base,
  plugins: [api.plugin, ...base.plugins],
  middleware: [api.middleware],
  // @tanstack/virtual-core reads process.env.NODE_ENV, which bundlers replace; the unbundled test page needs a stand-in.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html><body>
      <script>window.process = { env: { NODE_ENV: 'development' } };</script>
      <script type="module" src="${testFramework}"></script>
    </body></html>`,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 180000,
};
