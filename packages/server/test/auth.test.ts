import { describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/tokens';
import { PLATFORM_KEY, useTestApp } from './harness';

const t = await useTestApp();
const a = await t.newBusiness({ name: 'Salon A' });
const b = await t.newBusiness({ name: 'Salon B' });

describe('health and basics', () => {
  it('answers /health and tags every response with a request id', async () => {
    const res = await t.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await t.call('GET', '/v1/nothing-here', { token: a.secretKey });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('platform', () => {
  it('creates a business with its keys, shown once, and system categories', async () => {
    const res = await t.call('POST', '/v1/platform/businesses', {
      token: PLATFORM_KEY,
      body: { name: 'Chain', country: 'de', currency: 'eur', timezone: 'Europe/Berlin' },
    });
    expect(res.status).toBe(201);
    expect(res.body.secret_key).toMatch(/^sk_/);
    expect(res.body.publishable_key).toMatch(/^pk_/);
    expect(res.body.business).toMatchObject({
      name: 'Chain',
      country: 'DE',
      currency: 'EUR',
      shared_client_base: true,
    });
    const stored = await t.db
      .selectFrom('api_keys')
      .select('key_hash')
      .where('business_id', '=', res.body.business.id)
      .execute();
    expect(stored.map((k) => k.key_hash)).not.toContain(res.body.secret_key);
    const categories = await t.db
      .selectFrom('categories')
      .select('system_key')
      .where('business_id', '=', res.body.business.id)
      .execute();
    expect(categories.map((c) => c.system_key).sort()).toEqual([
      'new_client',
      'regular',
      'requires_confirmation',
      'vip',
    ]);
    const list = await t.call('GET', '/v1/platform/businesses', { token: PLATFORM_KEY });
    expect(list.body.total).toBeGreaterThanOrEqual(3);
  });

  it('refuses a missing or wrong platform key, and secret keys', async () => {
    for (const token of [undefined, 'nope', a.secretKey]) {
      const res = await t.call('GET', '/v1/platform/businesses', { token });
      expect(res.status).toBe(401);
    }
  });

  it('validates the body and writes nothing on bad input', async () => {
    const before = await t.call('GET', '/v1/platform/businesses', { token: PLATFORM_KEY });
    const bad = await t.call('POST', '/v1/platform/businesses', {
      token: PLATFORM_KEY,
      body: { name: 'X', country: 'Germany', currency: 'EUR', timezone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['country', 'timezone']);
    const malformed = await t.call('POST', '/v1/platform/businesses', { token: PLATFORM_KEY, body: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_body');
    const unknownField = await t.call('POST', '/v1/platform/businesses', {
      token: PLATFORM_KEY,
      body: { name: 'X', country: 'DE', currency: 'EUR', timezone: 'Europe/Berlin', plan: 'gold' },
    });
    expect(unknownField.status).toBe(422);
    const after = await t.call('GET', '/v1/platform/businesses', { token: PLATFORM_KEY });
    expect(after.body.total).toBe(before.body.total);
  });
});

describe('credentials', () => {
  it('answers 401 for a missing, malformed, unknown or expired credential', async () => {
    expect((await t.call('GET', '/v1/business')).body.error.code).toBe('missing_credential');
    const malformed = await t.call('GET', '/v1/business', { headers: { Authorization: 'Token abc' } });
    expect([malformed.status, malformed.body.error.code]).toEqual([401, 'malformed_credential']);
    const notOurs = await t.call('GET', '/v1/business', { token: 'xx_0123456789012345678901234' });
    expect([notOurs.status, notOurs.body.error.code]).toEqual([401, 'malformed_credential']);
    const unknown = await t.call('GET', '/v1/business', { token: `sk_${'a'.repeat(32)}` });
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'invalid_credential']);
    const unknownSession = await t.call('GET', '/v1/business', { token: `cs_${'a'.repeat(32)}` });
    expect(unknownSession.status).toBe(401);

    const session = await t.sessionFor(a, 'admin');
    expect((await t.call('GET', '/v1/clients', { token: session })).status).toBe(200);
    await t.db
      .updateTable('component_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', hashToken(session))
      .execute();
    const expired = await t.call('GET', '/v1/clients', { token: session });
    expect([expired.status, expired.body.error.code]).toEqual([401, 'session_expired']);
  });

  it('mints sessions that expire and never stores them in clear text', async () => {
    const res = await t.call('POST', '/v1/component-sessions', { token: a.secretKey, body: { user_id: a.ownerId } });
    expect(res.status).toBe(201);
    expect(res.body.session).toMatch(/^cs_/);
    const minutes = (Date.parse(res.body.expires_at) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    const rows = await t.db.selectFrom('component_sessions').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(res.body.session);
  });

  it('only a secret key mints sessions and creates users; another business user is unknown', async () => {
    const session = await t.sessionFor(a, 'owner');
    expect(
      (await t.call('POST', '/v1/component-sessions', { token: session, body: { user_id: a.ownerId } })).status,
    ).toBe(403);
    expect(
      (
        await t.call('POST', '/v1/users', {
          token: session,
          body: { email: 'x@example.com', name: 'X', role: 'admin' },
        })
      ).status,
    ).toBe(403);
    const foreign = await t.call('POST', '/v1/component-sessions', {
      token: a.secretKey,
      body: { user_id: b.ownerId },
    });
    expect(foreign.status).toBe(422);
  });

  it('a publishable key reaches only /v1/public/*', async () => {
    for (const [method, path] of [
      ['GET', '/v1/business'],
      ['GET', '/v1/clients'],
      ['POST', '/v1/clients/search'],
      ['GET', '/v1/users'],
      ['POST', '/v1/component-sessions'],
    ] as const) {
      const res = await t.call(method, path, { token: a.publishableKey, body: method === 'POST' ? {} : undefined });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await t.call('GET', '/v1/platform/businesses', { token: a.publishableKey })).status).toBe(401);
    const config = await t.call('GET', '/v1/public/booking/config', {
      headers: { 'X-Publishable-Key': a.publishableKey },
    });
    expect(config.status).toBe(200);
    expect(config.body.business.name).toBe('Salon A');
    expect((await t.call('GET', `/v1/public/booking/config?key=${a.publishableKey}`)).status).toBe(200);
    expect(
      (await t.call('GET', '/v1/public/booking/config', { headers: { 'X-Publishable-Key': a.secretKey } })).status,
    ).toBe(401);
    expect((await t.call('GET', '/v1/public/booking/config')).status).toBe(401);
  });
});

describe('permissions', () => {
  it('answers 403 when the role lacks the permission', async () => {
    const receptionist = await t.sessionFor(a, 'receptionist');
    const client = await t.call('POST', '/v1/clients', {
      token: receptionist,
      body: { first_name: 'Ann', phone: '07400 900001' },
    });
    expect(client.status).toBe(201);
    const del = await t.call('DELETE', `/v1/clients/${client.body.id}`, { token: receptionist });
    expect([del.status, del.body.error.code]).toEqual([403, 'forbidden']);
    expect((await t.call('PATCH', '/v1/business', { token: receptionist, body: { name: 'Mine' } })).status).toBe(403);
    expect((await t.call('GET', `/v1/clients/${client.body.id}`, { token: receptionist })).status).toBe(200);
  });

  it('answers 403 when the session switched the feature off, even for an owner', async () => {
    const narrowed = await t.sessionFor(a, 'owner', { delete_clients: false });
    const client = await t.call('POST', '/v1/clients', {
      token: narrowed,
      body: { first_name: 'Bo', phone: '07400 900002' },
    });
    expect((await t.call('DELETE', `/v1/clients/${client.body.id}`, { token: narrowed })).status).toBe(403);
    const full = await t.sessionFor(a, 'owner');
    expect((await t.call('DELETE', `/v1/clients/${client.body.id}`, { token: full })).status).toBe(204);
  });

  it('refuses unknown session features', async () => {
    const res = await t.call('POST', '/v1/component-sessions', {
      token: a.secretKey,
      body: { user_id: a.ownerId, features: { superpowers: true } },
    });
    expect(res.status).toBe(422);
  });
});

describe('tenant isolation', () => {
  it('answers 404 for another business id on every route with an id', async () => {
    const client = await t.call('POST', '/v1/clients', {
      token: a.secretKey,
      body: { first_name: 'Iso', phone: '07400 900003' },
    });
    const category = await t.call('POST', '/v1/categories', {
      token: a.secretKey,
      body: { name: 'Iso', color: '#123456' },
    });
    const field = await t.call('POST', '/v1/custom-fields', {
      token: a.secretKey,
      body: { key: 'iso', label: 'Iso', type: 'text' },
    });
    const segment = await t.call('POST', '/v1/segments', { token: a.secretKey, body: { name: 'Iso', filter: {} } });
    const rule = await t.call('POST', '/v1/category-rules', {
      token: a.secretKey,
      body: { metric: 'visits_count', operator: 'gte', threshold: 99, discount: 1 },
    });
    const location = await t.call('POST', '/v1/locations', {
      token: a.secretKey,
      body: { name: 'Iso', timezone: 'Europe/London' },
    });
    const service = await t.call('POST', '/v1/services', {
      token: a.secretKey,
      body: { name: 'Iso', duration_minutes: 30, price: 0 },
    });
    const staff = await t.call('POST', '/v1/staff', {
      token: a.secretKey,
      body: { name: 'Iso', location_ids: [location.body.id], service_ids: [service.body.id] },
    });
    const appointment = await t.call('POST', '/v1/appointments', {
      token: a.secretKey,
      body: {
        client_id: client.body.id,
        location_id: location.body.id,
        staff_id: staff.body.id,
        service_ids: [service.body.id],
        starts_at: '2030-01-02T10:00:00Z',
      },
    });
    const form = new FormData();
    form.append('file', new Blob(['Iso notes']), 'iso.txt');
    const file = await t.app.request(`/v1/clients/${client.body.id}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.secretKey}` },
      body: form,
    });
    expect(file.status).toBe(201);
    const loyaltyCard = await t.call('POST', `/v1/clients/${client.body.id}/loyalty-cards`, {
      token: a.secretKey,
      body: { kind: 'loyalty' },
    });
    const exportJob = await a.tenant.insertInto('jobs', { kind: 'export' }).returning('id').executeTakeFirstOrThrow();
    const exported = await a.tenant
      .insertInto('exports', { job_id: exportJob.id, expires_at: new Date(Date.now() + 3_600_000) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const imported = await a.tenant
      .insertInto('imports', { file_name: 'iso.csv', storage_key: `${a.id}/${'0'.repeat(32)}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    // One of business A's real ids per resource; a new route with :id must add its resource here.
    const idsOfA: Record<string, string> = {
      files: ((await file.json()) as { id: string }).id,
      users: a.ownerId,
      clients: client.body.id,
      categories: category.body.id,
      'custom-fields': field.body.id,
      segments: segment.body.id,
      'category-rules': rule.body.id,
      locations: location.body.id,
      services: service.body.id,
      staff: staff.body.id,
      appointments: appointment.body.id,
      'loyalty-cards': loyaltyCard.body.id,
      exports: exported.id,
      jobs: exportJob.id,
      imports: imported.id,
    };
    // A valid body per resource, so the answer is about the id and not the body.
    const bodies: Record<string, unknown> = {
      users: { name: 'x' },
      clients: { first_name: 'x' },
      categories: { name: 'x' },
      'custom-fields': { label: 'x' },
      'category-rules': { threshold: 1 },
      locations: { name: 'x' },
      services: { name: 'x' },
      staff: { name: 'x' },
      appointments: { comment: 'x' },
      // A sub-resource whose body differs from its parent's, keyed by route path.
      '/v1/staff/:id/time-off': { starts_at: '2030-01-01T09:00:00Z', ends_at: '2030-01-01T17:00:00Z' },
      '/v1/appointments/:id/payments': { method: 'cash', amount: 1 },
      '/v1/clients/:id/account/transactions': { kind: 'top_up', amount: 1 },
      '/v1/clients/:id/messages': { channel: 'sms', body: 'x' },
      '/v1/clients/:id/messages/preview': { channel: 'sms', body: 'x' },
      '/v1/clients/:id/loyalty-cards': { kind: 'gift_card' },
      '/v1/clients/:id/e-card': { send_via: 'sms' },
      '/v1/clients/:id/push-subscriptions': {
        endpoint: 'https://push.example/device',
        keys: {
          p256dh: 'BN_gPx7AAn87Bp0-zFm7qOZglveRa_fdo25i9YqgzZnwCymTD9cNLhMxKNT1-oymNfaNvIp7k00n3ORC0t7-dJk',
          auth: 'AAAAAAAAAAAAAAAAAAAAAA',
        },
      },
      '/v1/clients/:id/notification-settings': { settings: [{ type: 'reminder', channel: 'sms', enabled: false }] },
      '/v1/loyalty-cards/:id/transactions': { kind: 'accrue', amount: 1 },
      '/v1/imports/:id/mapping': { mapping: {} },
    };
    const routes = t.app.routes.filter((r) => r.path.includes('/:id') && r.method !== 'ALL');
    expect(routes.length).toBeGreaterThan(3);
    // The card's e-card read (clients_read; no body) is enumerated like the rest.
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('GET /v1/clients/:id/e-card');
    for (const route of routes) {
      const resource = route.path.split('/')[2] ?? '';
      const id = idsOfA[resource];
      expect(id, `no id of business A for ${route.path}`).toBeDefined();
      const path = route.path.replace(':id', id as string);
      const body = ['POST', 'PATCH', 'PUT'].includes(route.method)
        ? (bodies[route.path] ?? bodies[resource])
        : undefined;
      const res = await t.call(route.method, path, { token: b.secretKey, body });
      expect([route.method, path, res.status]).toEqual([route.method, path, 404]);
      const garbage = await t.call(route.method, route.path.replace(':id', 'not-an-id'), { token: b.secretKey, body });
      expect(garbage.status).toBe(404);
    }
    expect((await t.call('GET', `/v1/clients/${client.body.id}`, { token: a.secretKey })).status).toBe(200);
  });

  it('lists only the caller business clients', async () => {
    await t.call('POST', '/v1/clients', { token: b.secretKey, body: { first_name: 'OnlyB', phone: '07400 900004' } });
    const list = await t.call('GET', '/v1/clients?q=OnlyB', { token: a.secretKey });
    expect(list.body).toEqual({ items: [], total: 0 });
    expect((await t.call('GET', '/v1/clients?q=OnlyB', { token: b.secretKey })).body.total).toBe(1);
  });
});

describe('CORS and limits', () => {
  it('grants CORS only to the business allowed origins', async () => {
    const preflight = await t.call('OPTIONS', '/v1/clients', {
      headers: { Origin: 'https://salon.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    const allowed = await t.call('GET', '/v1/clients', {
      token: a.session,
      headers: { Origin: 'https://salon.example' },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://salon.example');
    const other = await t.call('GET', '/v1/clients', { token: a.session, headers: { Origin: 'https://evil.example' } });
    expect([other.status, other.body.error.code]).toEqual([403, 'origin_not_allowed']);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const publicOther = await t.call('GET', '/v1/public/booking/config', {
      headers: { 'X-Publishable-Key': a.publishableKey, Origin: 'https://evil.example' },
    });
    expect(publicOther.status).toBe(403);
    const browserSecret = await t.call('GET', '/v1/clients', {
      token: a.secretKey,
      headers: { Origin: 'https://salon.example' },
    });
    expect(browserSecret.status).toBe(403);
  });

  it('updates allowed origins with wildcard ports through PATCH /v1/business', async () => {
    const res = await t.call('PATCH', '/v1/business', {
      token: b.secretKey,
      body: { allowed_origins: ['http://localhost:*'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.allowed_origins).toEqual(['http://localhost:*']);
    const ok = await t.call('GET', '/v1/public/booking/config', {
      headers: { 'X-Publishable-Key': b.publishableKey, Origin: 'http://localhost:5173' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const bad = await t.call('PATCH', '/v1/business', {
      token: b.secretKey,
      body: { allowed_origins: ['javascript:alert(1)'] },
    });
    expect(bad.status).toBe(422);
    const empty = await t.call('PATCH', '/v1/business', { token: b.secretKey, body: {} });
    expect(empty.status).toBe(422);
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await t.call('POST', '/v1/clients', {
      token: a.secretKey,
      body: { first_name: 'x'.repeat(1024 * 1024 + 10), phone: '07400 900005' },
    });
    expect([res.status, res.body.error.code]).toEqual([413, 'payload_too_large']);
  });
});
