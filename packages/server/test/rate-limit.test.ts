// The public rate limit: per address and per business key, counted in the database so that two server
// processes (two apps on one database here) share one budget; 429 with Retry-After when spent.
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/http/logging';
import { useTestApp } from './harness';

let clock = new Date('2026-11-25T12:00:10Z');
const limit = 3;
const limits = { publicRateLimitPerMinute: limit, publicKeyRateLimitPerMinute: limit, trustProxy: true };
const t = await useTestApp({ now: () => clock, config: limits });
const biz = await t.newBusiness();
const other = await t.newBusiness();
// A second server process: another app on the same database.
const second = createApp({
  db: t.db,
  config: { ...loadConfig({}), ...limits },
  logger: createLogger('silent'),
  now: () => clock,
});

const config = (key: string, ip: string, app?: typeof second) => {
  const init = { headers: { 'X-Publishable-Key': key, 'X-Forwarded-For': `${ip}, 10.0.0.1` } };
  return app
    ? app.request('/v1/public/booking/config', init)
    : t.call('GET', '/v1/public/booking/config', init).then((r) => ({ status: r.status, headers: r.headers }));
};

describe('public rate limit', () => {
  it('counts an address across server processes and answers 429 with Retry-After, then lets it go next minute', async () => {
    expect((await config(biz.publishableKey, '203.0.113.7')).status).toBe(200);
    expect((await config(biz.publishableKey, '203.0.113.7', second)).status).toBe(200);
    expect((await config(other.publishableKey, '203.0.113.7')).status).toBe(200);
    const refused = await config(other.publishableKey, '203.0.113.7', second);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('50');
    // A browser on any site may read the refusal (and its Retry-After), so a widget can show the wait.
    const fromBrowser = await second.request('/v1/public/booking/config', {
      headers: {
        'X-Publishable-Key': other.publishableKey,
        'X-Forwarded-For': '203.0.113.7',
        Origin: 'https://x.example',
      },
    });
    expect(fromBrowser.status).toBe(429);
    expect(fromBrowser.headers.get('Access-Control-Allow-Origin')).toBe('https://x.example');
    expect(fromBrowser.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
    // Another address is not affected.
    expect((await config(other.publishableKey, '198.51.100.1')).status).toBe(200);

    clock = new Date('2026-11-25T12:01:00Z');
    expect((await config(biz.publishableKey, '203.0.113.7')).status).toBe(200);
    // Past windows are cleared once a new one starts.
    const windows = await t.db.selectFrom('rate_limit_counters').select('window_start').distinct().execute();
    expect(windows.map((w) => new Date(w.window_start).toISOString())).toEqual(['2026-11-25T12:01:00.000Z']);
  });

  it('limits a business key across addresses, and an unknown key still costs its address', async () => {
    clock = new Date('2026-11-25T12:02:00Z');
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3'])
      expect((await config(biz.publishableKey, ip)).status).toBe(200);
    const refused = await config(biz.publishableKey, '192.0.2.4');
    expect(refused.status).toBe(429);
    const body = await t.call('GET', '/v1/public/booking/config', {
      headers: { 'X-Publishable-Key': biz.publishableKey, 'X-Forwarded-For': '192.0.2.5' },
    });
    expect(body.body.error.code).toBe('rate_limited');

    for (let i = 0; i < limit; i++) expect((await config('pk_unknown', '192.0.2.9')).status).toBe(401);
    expect((await config(other.publishableKey, '192.0.2.9')).status).toBe(429);
  });
});
