import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const config = (currency) => ({
  business: { name: 'Salon Aurora', phone: '+4930123456', ...(currency ? { currency } : {}) },
  locations: [
    { id: 'loc_mitte', name: 'Mitte', timezone: 'Europe/Berlin' },
    { id: 'loc_kreuzberg', name: 'Kreuzberg', timezone: 'Europe/Berlin' },
  ],
  services: [
    { id: 'svc_cut', name: 'Haircut', duration_minutes: 45, price: 3000 },
    { id: 'svc_colour', name: 'Colouring', duration_minutes: 90, price: 8550 },
    { id: 'svc_beard', name: 'Beard trim', duration_minutes: 20, price: null },
  ],
  staff: [
    { id: 'st_ana', name: 'Ana', location_ids: ['loc_mitte'], service_ids: ['svc_cut', 'svc_colour'] },
    { id: 'st_ben', name: 'Ben', location_ids: ['loc_kreuzberg'], service_ids: ['svc_beard'] },
  ],
});

/**
 * Protocol fake of the public booking config endpoint (CONTRACT.md shape). Keys: `pk_test` (EUR), `pk_plain` (no
 * currency), `pk_slow` (answers after 300 ms); any other key gets the API's 401 error.
 */
async function bookingConfig(ctx, next) {
  if (ctx.path !== '/v1/public/booking/config') return next();
  const key = ctx.get('x-publishable-key');
  ctx.type = 'application/json';
  if (key === 'pk_slow') await new Promise((resolve) => setTimeout(resolve, 300));
  if (key === 'pk_test' || key === 'pk_slow') {
    ctx.body = JSON.stringify(config('EUR'));
  } else if (key === 'pk_plain') {
    ctx.body = JSON.stringify(config(null));
  } else {
    ctx.status = 401;
    ctx.body = JSON.stringify({ error: { code: 'invalid_key', message: 'Unknown publishable key.', details: null } });
  }
}

export default {
  files: 'src/**/*.test.ts',
  nodeResolve: true,
  // esbuild reads this file as is (no `extends`), so it repeats the decorator options of the root tsconfig.
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  middleware: [bookingConfig],
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
