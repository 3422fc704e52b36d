import { describe, expect, it } from 'vitest';
import { applyRules } from '../src/rules/engine';
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

const fieldsOf = (res: { body: { error: { details: { field: string }[] } } }) =>
  res.body.error.details.map((d) => d.field).sort();

describe('one 422 for every bad field', () => {
  it('names bad phones with the other bad fields at once, and writes nothing', async () => {
    const created = await create({ first_name: 'Many', phone: '07400 907001', email: 'many@example.com' });
    const id = created.body.id;
    const patch = await t.call('PATCH', `/v1/clients/${id}`, {
      token,
      body: { email: 'x', phone: '1', additional_phone: '12', discount: 101, first_name: 'Changed' },
    });
    expect([patch.status, patch.body.error.code]).toEqual([422, 'validation_failed']);
    expect(fieldsOf(patch)).toEqual(['additional_phone', 'discount', 'email', 'phone']);
    expect(patch.body.error.details.find((d: { field: string }) => d.field === 'phone').message).toMatch(
      /Not a possible phone number/,
    );
    const unchanged = await t.call('GET', `/v1/clients/${id}`, { token });
    expect(unchanged.body).toMatchObject({ first_name: 'Many', email: 'many@example.com', phone: '+447400907001' });

    const before = (await t.call('GET', '/v1/clients', { token })).body.total;
    const post = await create({ first_name: '', phone: '07400 9', email: 'nope', birth_date: '2020-02-30' });
    expect(fieldsOf(post)).toEqual(['birth_date', 'email', 'first_name', 'phone']);
    expect((await t.call('GET', '/v1/clients', { token })).body.total).toBe(before);
  });

  it('answers custom-field and unknown-category problems together, writing nothing', async () => {
    await t.call('POST', '/v1/custom-fields', { token, body: { key: 'shoe', label: 'Shoe size', type: 'number' } });
    const created = await create({ first_name: 'Refs', phone: '07400 907002' });
    const id = created.body.id;
    const res = await t.call('PATCH', `/v1/clients/${id}`, {
      token,
      body: {
        first_name: 'Changed',
        custom_fields: { shoe: 'big', hobby: 'x' },
        category_ids: ['6f1c1f0e-0000-4000-8000-000000000000'],
      },
    });
    expect(res.status).toBe(422);
    expect(fieldsOf(res)).toEqual(['category_ids', 'custom_fields.hobby', 'custom_fields.shoe']);
    const after = await t.call('GET', `/v1/clients/${id}`, { token });
    expect(after.body).toMatchObject({ first_name: 'Refs', custom_fields: {}, categories: [] });
  });

  it("reads phones in the business's country, stores E.164, and takes an empty second phone as none", async () => {
    const berlin = await t.newBusiness({ country: 'DE', currency: 'EUR', timezone: 'Europe/Berlin' });
    const res = await t.call('POST', '/v1/clients', {
      token: berlin.secretKey,
      body: { first_name: 'Jonas', phone: '0151 23456789', additional_phone: '+44 7400 907003' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ phone: '+4915123456789', additional_phone: '+447400907003' });
    const cleared = await t.call('PATCH', `/v1/clients/${res.body.id}`, {
      token: berlin.secretKey,
      body: { additional_phone: '' },
    });
    expect([cleared.status, cleared.body.additional_phone]).toEqual([200, null]);
    // The same digits are a German number there and not a possible British one here.
    const bad = await create({ first_name: 'Jonas', phone: '0151 23456789' });
    expect([bad.status, fieldsOf(bad)]).toEqual([422, ['phone']]);
  });
});

describe('categories assigned by rules', () => {
  const category = async (name: string) =>
    (await t.call('GET', '/v1/categories', { token })).body.items.find((c: { name: string }) => c.name === name)
      .id as string;
  const rows = (clientId: string) =>
    t.db
      .selectFrom('client_categories')
      .select(['category_id', 'assigned_by'])
      .where('client_id', '=', clientId)
      .orderBy('category_id')
      .execute();

  it('keeps a rule category with its rule when the card sends it back, and replaces the manual ones', async () => {
    const [vip, regular, newClient] = [await category('VIP'), await category('Regular'), await category('New client')];
    const created = await create({ first_name: 'Ruled', phone: '07400 907010' });
    const id = created.body.id;
    await t.db.updateTable('clients').set({ total_sold: 500_000 }).where('id', '=', id).execute();
    const rule = await t.call('POST', '/v1/category-rules', {
      token,
      body: { category_id: vip, metric: 'total_sold', operator: 'gte', threshold: 400_000 },
    });
    expect(rule.status).toBe(201);

    const read = await t.call('GET', `/v1/clients/${id}`, { token });
    expect(read.body.categories).toEqual([expect.objectContaining({ id: vip, assigned_by: 'rule' })]);
    // GET → PATCH with the same list changes nothing.
    const before = await rows(id);
    const same = await t.call('PATCH', `/v1/clients/${id}`, {
      token,
      body: { category_ids: read.body.categories.map((c: { id: string }) => c.id) },
    });
    expect(same.status).toBe(200);
    expect(await rows(id)).toEqual(before);

    const patched = await t.call('PATCH', `/v1/clients/${id}`, { token, body: { category_ids: [vip, regular] } });
    expect(patched.status).toBe(200);
    const chips = Object.fromEntries(
      patched.body.categories.map((c: { id: string; assigned_by: string }) => [c.id, c.assigned_by]),
    );
    expect(chips).toEqual({ [vip]: 'rule', [regular]: 'manual' });
    // The list answers the chips the same way.
    const listed = await t.call('GET', '/v1/clients?q=Ruled', { token });
    expect(listed.body.items[0].categories).toEqual(patched.body.categories);

    // The manual set is still replaced.
    const swapped = await t.call('PATCH', `/v1/clients/${id}`, { token, body: { category_ids: [vip, newClient] } });
    expect(
      swapped.body.categories.map((c: { id: string; assigned_by: string }) => [c.id, c.assigned_by]).sort(),
    ).toEqual(
      [
        [vip, 'rule'],
        [newClient, 'manual'],
      ].sort(),
    );

    // Once the rule no longer matches, its category goes; the manual one stays.
    await t.db.updateTable('clients').set({ total_sold: 0 }).where('id', '=', id).execute();
    await applyRules(biz.tenant, new Date(), [id]);
    const after = await t.call('GET', `/v1/clients/${id}`, { token });
    expect(after.body.categories.map((c: { id: string; assigned_by: string }) => [c.id, c.assigned_by])).toEqual([
      [newClient, 'manual'],
    ]);
  });
});
