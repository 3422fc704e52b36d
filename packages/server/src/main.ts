// The API on its own: `tsx src/main.ts`. The demo (demo/server.ts) adds its pages around the same app.
import { serve } from '@hono/node-server';
import { loadConfig } from './config';
import { openRuntime } from './runtime';

const config = loadConfig();
const { app, close, logger } = await openRuntime(config);
const server = serve({ fetch: app.fetch, port: config.port }, (info) =>
  logger.info(`API on http://localhost:${info.port}`),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void close().then(() => process.exit(0));
  });
}
