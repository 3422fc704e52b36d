import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness';

const t = await useTestApp();
const biz = await t.newBusiness();
const token = biz.secretKey;

describe('categories', () => {
  it('lists the four system categories and manages custom ones', async () => {
    const list = await t.call('GET', '/v1/categories', { token });
    expect(
      list.body.items
        .filter((c: { system: boolean }) => c.system)
        .map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['New client', 'Regular', 'Requires booking confirmation', 'VIP']);
    const created = await t.call('POST', '/v1/categories', { token, body: { name: 'Bridal', color: '#aa22cc' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Bridal', color: '#aa22cc', system: false });
    expect((await t.call('POST', '/v1/categories', { token, body: { name: 'bridal', color: '#000000' } })).status).toBe(
      409,
    );
    expect((await t.call('POST', '/v1/categories', { token, body: { name: 'X', color: 'red' } })).status).toBe(422);
    const renamed = await t.call('PATCH', `/v1/categories/${created.body.id}`, {
      token,
      body: { name: 'Bridal party' },
    });
    expect(renamed.body.name).toBe('Bridal party');
    expect((await t.call('DELETE', `/v1/categories/${created.body.id}`, { token })).status).toBe(204);
    const vip = list.body.items.find((c: { name: string }) => c.name === 'VIP');
    const refused = await t.call('DELETE', `/v1/categories/${vip.id}`, { token });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'system_category']);
  });

  it('assigns categories to a client and refuses unknown ones', async () => {
    const vip = (await t.call('GET', '/v1/categories', { token })).body.items.find(
      (c: { name: string }) => c.name === 'VIP',
    );
    const client = await t.call('POST', '/v1/clients', {
      token,
      body: { first_name: 'Ida', phone: '07400 902000', category_ids: [vip.id] },
    });
    expect(client.body.categories).toEqual([
      { id: vip.id, name: 'VIP', color: vip.color, system_key: 'vip', assigned_by: 'manual' },
    ]);
    const bad = await t.call('PATCH', `/v1/clients/${client.body.id}`, {
      token,
      body: { category_ids: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect([bad.status, bad.body.error.details[0].field]).toEqual([422, 'category_ids']);
    const cleared = await t.call('PATCH', `/v1/clients/${client.body.id}`, { token, body: { category_ids: [] } });
    expect(cleared.body.categories).toEqual([]);
  });
});

describe('custom fields', () => {
  it('defines fields and validates client values against them', async () => {
    const select = await t.call('POST', '/v1/custom-fields', {
      token,
      body: { key: 'hair_type', label: 'Hair type', type: 'select', options: ['curly', 'straight'] },
    });
    expect(select.status).toBe(201);
    await t.call('POST', '/v1/custom-fields', {
      token,
      body: { key: 'shoe_size', label: 'Shoe size', type: 'number' },
    });
    expect(
      (await t.call('POST', '/v1/custom-fields', { token, body: { key: 'x', label: 'X', type: 'select' } })).status,
    ).toBe(422);
    expect(
      (await t.call('POST', '/v1/custom-fields', { token, body: { key: 'Bad Key', label: 'X', type: 'text' } })).status,
    ).toBe(422);
    expect((await t.call('GET', '/v1/custom-fields', { token })).body.total).toBe(2);

    const ok = await t.call('POST', '/v1/clients', {
      token,
      body: { first_name: 'Jo', phone: '07400 902001', custom_fields: { hair_type: 'curly', shoe_size: 38 } },
    });
    expect(ok.body.custom_fields).toEqual({ hair_type: 'curly', shoe_size: 38 });
    for (const [custom_fields, field] of [
      [{ hair_type: 'wavy' }, 'custom_fields.hair_type'],
      [{ shoe_size: 'big' }, 'custom_fields.shoe_size'],
      [{ eye_colour: 'blue' }, 'custom_fields.eye_colour'],
    ] as const) {
      const res = await t.call('PATCH', `/v1/clients/${ok.body.id}`, { token, body: { custom_fields } });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0].field).toBe(field);
    }
  });
});

describe('segments', () => {
  it('saves, lists and deletes a segment; refuses an invalid filter', async () => {
    const saved = await t.call('POST', '/v1/segments', {
      token,
      body: { name: 'Lapsed regulars', filter: { no_visit_for_days: 60, visits_min: 5 } },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: 'Lapsed regulars',
      query: null,
      filter: { no_visit_for_days: 60, visits_min: 5 },
    });
    expect((await t.call('GET', '/v1/segments', { token })).body.items).toHaveLength(1);
    const bad = await t.call('POST', '/v1/segments', { token, body: { name: 'Bad', filter: { visits_min: 'many' } } });
    expect([bad.status, bad.body.error.details[0].field]).toEqual([422, 'filter.visits_min']);
    expect((await t.call('DELETE', `/v1/segments/${saved.body.id}`, { token })).status).toBe(204);
  });

  it('is read-only for a receptionist', async () => {
    const session = await t.sessionFor(biz, 'receptionist');
    expect((await t.call('GET', '/v1/segments', { token: session })).status).toBe(200);
    expect((await t.call('POST', '/v1/segments', { token: session, body: { name: 'X', filter: {} } })).status).toBe(
      403,
    );
  });
});

describe('me and preferences', () => {
  it('tells a session who it is and what it may do', async () => {
    const me = await t.call('GET', '/v1/me', { token: biz.session });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: biz.ownerId, role: 'owner' });
    expect(me.body.business).toMatchObject({ id: biz.id, currency: 'GBP', country: 'GB' });
    expect(me.body.permissions).toContain('bulk_delete');
  });

  it('keeps preferences per user', async () => {
    const path = '/v1/me/preferences/client-table';
    expect((await t.call('GET', path, { token: biz.session })).body.value).toBeNull();
    const value = { columns: ['name', 'phone'], locked: ['name'] };
    expect((await t.call('PUT', path, { token: biz.session, body: { value } })).status).toBe(200);
    expect((await t.call('GET', path, { token: biz.session })).body.value).toEqual(value);
    expect((await t.call('PUT', path, { token: biz.session, body: { value: 'x'.repeat(20_000) } })).status).toBe(422);
    expect(
      (await t.call('PUT', '/v1/me/preferences/Bad Key!', { token: biz.session, body: { value: 1 } })).status,
    ).toBe(422);
    expect((await t.call('GET', path, { token })).status).toBe(403);
  });
});

describe('catalogue lists', () => {
  it('lists locations, staff and services of the business only', async () => {
    const other = await t.newBusiness();
    await t.db
      .insertInto('locations')
      .values({ business_id: other.id, name: 'Elsewhere', timezone: 'Europe/Paris' })
      .execute();
    await t.db
      .insertInto('locations')
      .values({ business_id: biz.id, name: 'Here', timezone: 'Europe/London' })
      .execute();
    const locations = await t.call('GET', '/v1/locations', { token });
    expect(locations.body.items.map((l: { name: string }) => l.name)).toEqual(['Here']);
    expect((await t.call('GET', '/v1/staff', { token })).body).toEqual({ items: [], total: 0 });
    expect((await t.call('GET', '/v1/services', { token })).body).toEqual({ items: [], total: 0 });
  });
});
