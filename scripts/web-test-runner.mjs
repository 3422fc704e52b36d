// What both browser packages' @web/test-runner configs share: Debian's Chromium, TypeScript through esbuild,
// and serving the real API (createApp from packages/server/test-support) to the page under test.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/** The test-support module of the server, loaded through tsx (the test scripts run WTR under `--import tsx`). */
export const apiServer = () => import(new URL('../packages/server/test-support/api-server.ts', import.meta.url).href);

export function baseConfig(packageUrl) {
  return {
    files: 'src/**/*.test.ts',
    nodeResolve: true,
    // esbuild reads the package tsconfig as is (no `extends`), so that file repeats the decorator options.
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('tsconfig.json', packageUrl)) }),
    ],
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
  };
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

/** Answers a dev-server request with `api.fetch` (a Hono app's fetch) as if the API served it at `path`. */
export async function forward(ctx, api, path) {
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

export function json(ctx, value) {
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(value);
}
