// `pnpm demo`: the API and the demo pages on one port, on the embedded database unless DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, openRuntime } from '@clientbase/server';
import { serve } from '@hono/node-server';
import { build } from 'esbuild';
import { type Context, Hono } from 'hono';
import { ensureDemoBusiness } from './bootstrap';
import { outboxPage } from './outbox';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const config = loadConfig();
const platformKey = config.platformKey ?? `platform_${randomBytes(18).toString('base64url')}`;
const demoClients = Number(process.env.DEMO_CLIENTS || 5000);

/** The React host page's script, bundled from demo/react/main.tsx on every start and served from memory. */
async function bundleReactPage(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'demo/react/main.tsx')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return (result.outputFiles[0] as { text: string }).text;
}
const reactBundle = bundleReactPage();

const runtime = await openRuntime({ ...config, platformKey, logLevel: process.env.LOG_LEVEL || 'warn' });
const credentials = await ensureDemoBusiness(runtime.handle.db, demoClients, console.log);

/** What a host's backend does: mint a short-lived session for its signed-in user with the secret key. */
async function mintSession(): Promise<{ session: string; expires_at: string }> {
  const response = await runtime.app.request('/v1/component-sessions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${credentials.secret_key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user_id: credentials.owner_id }),
  });
  if (response.status !== 201) throw new Error(`Could not mint a demo session: ${await response.text()}`);
  return response.json() as Promise<{ session: string; expires_at: string }>;
}

// The demo pages run under the strict policy the components promise to work with.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const assets: Record<string, string> = {
  'clientbase.js': join(root, 'packages/components/dist/clientbase.js'),
  'cb-booking-widget.js': join(root, 'packages/booking-widget/dist/cb-booking-widget.js'),
  'demo.css': join(root, 'demo/pages/demo.css'),
  'admin.js': join(root, 'demo/pages/admin.js'),
};

/** The demo business's location ids by name, for `{{LOCATION_ID:<name>}}` in a page (a studio's own booking button). */
async function locationIds(): Promise<Map<string, string>> {
  const rows = await runtime.handle.db
    .selectFrom('locations')
    .select(['id', 'name'])
    .where('business_id', '=', credentials.business_id)
    .execute();
  return new Map(rows.map((row) => [row.name, row.id]));
}

async function page(c: Context, name: string) {
  let html = (await readFile(join(root, 'demo/pages', name), 'utf8'))
    .replaceAll('{{API_BASE}}', new URL(c.req.url).origin)
    .replaceAll('{{PUBLISHABLE_KEY}}', credentials.publishable_key);
  if (html.includes('{{LOCATION_ID:')) {
    const ids = await locationIds();
    html = html.replace(/\{\{LOCATION_ID:([^}]+)\}\}/g, (_, location: string) => ids.get(location) ?? '');
  }
  return c.html(html, 200, { 'Content-Security-Policy': CSP });
}

const site = new Hono()
  .get('/', (c) => page(c, 'salon.html'))
  .get('/admin', (c) => page(c, 'admin.html'))
  .get('/react', (c) => page(c, 'react.html'))
  .get('/outbox', async (c) =>
    c.html(await outboxPage(runtime, credentials.business_id), 200, { 'Content-Security-Policy': CSP }),
  )
  .get('/demo/session', async (c) => c.json(await mintSession(), 200, { 'Cache-Control': 'no-store' }))
  .get('/assets/react.js', async (c) =>
    c.body(await reactBundle, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }),
  )
  .get('/assets/:name', async (c) => {
    const path = assets[c.req.param('name')];
    if (!path) return c.notFound();
    const type = path.endsWith('.css') ? 'text/css' : 'text/javascript';
    return c.body(await readFile(path), 200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-cache' });
  })
  .route('/', runtime.app);

await reactBundle;
const session = await mintSession();
const server = serve({ fetch: site.fetch, port: config.port }, (info) => {
  const base = `http://localhost:${info.port}`;
  console.log(`
Clientbase demo (${runtime.handle.driver === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})

  Salon site with the booking widget  ${base}/
  Admin client base                   ${base}/admin
  React host page                     ${base}/react
  Outbox (messages the demo recorded) ${base}/outbox
  API                                 ${base}/v1   (health: ${base}/health)

  Secret key       ${credentials.secret_key}
  Publishable key  ${credentials.publishable_key}
  Owner session    ${session.session}   (expires ${session.expires_at})
  Platform key     ${platformKey}${config.platformKey ? '' : '   (generated for this run; set PLATFORM_KEY to fix it)'}
`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void runtime.close().then(() => process.exit(0));
  });
}
