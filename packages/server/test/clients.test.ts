import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness';

const t = await useTestApp();
const biz = await t.newBusiness();
const token = biz.secretKey;

async function create(body: Record<string, unknown>) {
  return t.call('POST', '/v1/clients', { token, body });
}

describe('clients', () => {
  it('creates a client with every field present and the phone in E.164', async () => {
    const res = await create({
      first_name: 'Zoë',
      last_name: 'Šimková',
      phone: '07400 900123',
      email: 'Zoe@Example.com',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Zoë Šimková',
      phone: '+447400900123',
      phone_display: '+44 7400 900123',
      email: 'zoe@example.com',
      source: 'admin',
      visits_count: 0,
      total_sold: 0,
      balance: 0,
      categories: [],
      mobile_app: null,
      middle_name: null,
      birth_date: null,
    });
    expect(Object.values(res.body)).not.toContain(undefined);
  });

  it('finds the client by every spelling of the phone, accent-free name parts, email and card', async () => {
    await create({ first_name: 'José', last_name: 'Álvarez', phone: '+44 7400 900124', card_number: 'CARD-7781' });
    for (const q of ['+44 7400 900124', '07400900124', '7400 900 124', '900124', 'jose', 'ALVAR', 'lvare', 'CARD-77']) {
      const res = await t.call('GET', `/v1/clients?q=${encodeURIComponent(q)}`, { token });
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((c: { name: string }) => c.name),
        q,
      ).toEqual(['José Álvarez']);
    }
    const byEmail = await t.call('POST', '/v1/clients/search', { token, body: { query: 'zoe@ex' } });
    expect(byEmail.body.total).toBe(1);
  });

  it('treats LIKE wildcards in a query literally', async () => {
    const res = await t.call('GET', `/v1/clients?q=${encodeURIComponent('%')}`, { token });
    expect(res.body.total).toBe(0);
  });

  it('refuses a phone another client has with 409, naming the conflict', async () => {
    const res = await create({ first_name: 'Dup', phone: '+447400900123' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('phone_taken');
    expect(res.body.error.details.field).toBe('phone');
  });

  it('answers 422 with the field named and writes nothing for bad input', async () => {
    const before = (await t.call('GET', '/v1/clients', { token })).body.total;
    const cases: [Record<string, unknown>, string][] = [
      [{ first_name: 'A', phone: '12' }, 'phone'],
      [{ first_name: 'A', phone: '07400 9' }, 'phone'],
      [{ first_name: 'A', phone: '07400900999', email: 'not-an-email' }, 'email'],
      [{ first_name: 'A', phone: '07400900999', birth_date: '2020-02-30' }, 'birth_date'],
      [{ first_name: 'A', phone: '07400900999', discount: 101 }, 'discount'],
      [{ first_name: '', phone: '07400900999' }, 'first_name'],
      [{ phone: '07400900999' }, 'first_name'],
    ];
    for (const [body, field] of cases) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await create({ first_name: 'A', phone: '07400900999', hobby: 'x' })).status).toBe(422);
    expect((await t.call('POST', '/v1/clients', { token, body: 'not json' })).status).toBe(400);
    expect((await t.call('GET', '/v1/clients', { token })).body.total).toBe(before);
  });

  it('patches fields, keeps search in step and refuses bad values', async () => {
    const created = await create({ first_name: 'Pat', phone: '07400 900200' });
    const res = await t.call('PATCH', `/v1/clients/${created.body.id}`, {
      token,
      body: { last_name: 'Ödegaard', discount: 10, birth_date: '1990-02-28' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Pat Ödegaard', discount: 10, birth_date: '1990-02-28' });
    expect((await t.call('GET', '/v1/clients?q=odegaard', { token })).body.total).toBe(1);
    const bad = await t.call('PATCH', `/v1/clients/${created.body.id}`, { token, body: { importance: 9 } });
    expect(bad.status).toBe(422);
    const taken = await t.call('PATCH', `/v1/clients/${created.body.id}`, { token, body: { phone: '+447400900123' } });
    expect(taken.status).toBe(409);
  });

  it('sorts with nulls last in both directions, ties broken by id, and clamps the limit', async () => {
    await create({ first_name: 'Old', phone: '07400 900301', birth_date: '1950-01-01' });
    await create({ first_name: 'Young', phone: '07400 900302', birth_date: '2005-12-31' });
    const asc = await t.call('GET', '/v1/clients?sort=birth_date:asc&limit=1000', { token });
    const dates = asc.body.items.map((c: { birth_date: string | null }) => c.birth_date);
    expect(dates[0]).toBe('1950-01-01');
    expect(dates.at(-1)).toBeNull();
    const desc = await t.call('GET', '/v1/clients?sort=birth_date:desc', { token });
    expect(desc.body.items[0].birth_date).toBe('2005-12-31');
    expect(desc.body.items.at(-1).birth_date).toBeNull();
    const bad = await t.call('GET', '/v1/clients?sort=password:asc', { token });
    expect(bad.status).toBe(422);
    const paged = await t.call('GET', '/v1/clients?sort=name:asc&offset=1&limit=2', { token });
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBe(asc.body.total);
  });

  it('deletes a client', async () => {
    const created = await create({ first_name: 'Gone', phone: '07400 900400' });
    expect((await t.call('DELETE', `/v1/clients/${created.body.id}`, { token })).status).toBe(204);
    expect((await t.call('GET', `/v1/clients/${created.body.id}`, { token })).status).toBe(404);
    expect((await t.call('DELETE', `/v1/clients/${created.body.id}`, { token })).status).toBe(404);
  });
});

describe('list windows', () => {
  it('skips the count when asked, answering total null', async () => {
    const res = await t.call('POST', '/v1/clients/search', { token, body: { limit: 2, with_total: false } });
    expect(res.status).toBe(200);
    expect(res.body.total).toBeNull();
    expect(res.body.items).toHaveLength(2);
  });
});
