import { apiServer, baseConfig, forward, json } from '../../scripts/web-test-runner.mjs';

// The real API with two small salons (createApp on an in-memory PGlite). `GET /test-booking` tells the tests the
// publishable keys and catalogue ids; `/v1/*` is answered by the app itself.
let booking;
const bookingApi = () => {
  booking ??= apiServer().then((m) => m.startBookingApi());
  return booking;
};

async function realApi(ctx, next) {
  if (ctx.path === '/test-booking') {
    const api = await bookingApi();
    const { keys, locations, services, staff, salonPhone, clients } = api;
    return json(ctx, { apiBase: ctx.request.origin, keys, locations, services, staff, salonPhone, clients });
  }
  if (ctx.path.startsWith('/v1/')) return forward(ctx, await bookingApi(), ctx.path);
  return next();
}

const base = baseConfig(new URL('.', import.meta.url));

export default {
  ...base,
  middleware: [realApi],
  plugins: [
    ...base.plugins,
    {
      name: 'clientbase-booking-api',
      serverStart: () => void bookingApi(),
      serverStop: async () => (await booking)?.close(),
    },
  ],
  testFramework: { config: { timeout: 10000 } },
};
