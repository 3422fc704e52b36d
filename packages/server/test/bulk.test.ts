// POST /v1/clients/bulk: selections, category changes at once, messages and deletes as jobs followed at
// GET /v1/jobs/:id, permissions and features, and the data log of each.
import { describe, expect, it } from 'vitest';
import { type TestBusiness, useTestApp } from './harness';

const t = await useTestApp({ jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 } });
const a = await t.newBusiness({ name: 'Salon Aurora' });
const b = await t.newBusiness({ name: 'Salon B' });

let phoneSeq = 0;
async function newClient(biz: TestBusiness, extra: Record<string, unknown> = {}) {
  phoneSeq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token: biz.secretKey,
    body: { first_name: 'Ann', phone: `07400 93${String(phoneSeq).padStart(4, '0')}`, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; phone: string; first_name: string };
}

const bulk = (body: unknown, token = a.session) => t.call('POST', '/v1/clients/bulk', { token, body });

const finished = (jobId: string, token = a.session) => t.jobEnded(jobId, token);

const categoriesOf = async (clientId: string) =>
  t.db
    .selectFrom('client_categories')
    .select(['category_id', 'assigned_by'])
    .where('client_id', '=', clientId)
    .execute();

const vip = await t.db
  .selectFrom('categories')
  .select('id')
  .where('business_id', '=', a.id)
  .where('system_key', '=', 'vip')
  .executeTakeFirstOrThrow();

describe('selections', () => {
  it('takes ids, or a filter and search minus except_ids, never reaching past what the caller sees', async () => {
    const mary = await newClient(a, { first_name: 'Marygold', email: 'marygold@example.com' });
    const maryAnn = await newClient(a, { first_name: 'Marygold', last_name: 'Ann' });
    const other = await newClient(b, { first_name: 'Marygold' });
    const byQuery = await bulk({
      action: 'add_category',
      selection: { query: 'marygold', except_ids: [maryAnn.id] },
      category_id: vip.id,
    });
    expect(byQuery.status).toBe(200);
    expect(byQuery.body).toMatchObject({ action: 'add_category', affected: 1, category: { id: vip.id } });
    expect(await categoriesOf(mary.id)).toEqual([{ category_id: vip.id, assigned_by: 'manual' }]);
    expect(await categoriesOf(maryAnn.id)).toEqual([]);
    // Another business's client id in the list is simply not selected.
    const byIds = await bulk({
      action: 'add_category',
      selection: { ids: [maryAnn.id, other.id] },
      category_id: vip.id,
    });
    expect(byIds.body.affected).toBe(1);
    expect(await categoriesOf(other.id)).toEqual([]);
  });

  it('refuses a selection mixing ids with a filter, and bad values, writing nothing', async () => {
    const client = await newClient(a);
    for (const selection of [
      { ids: [client.id], query: 'x' },
      { ids: [] },
      { ids: ['not-a-uuid'] },
      { filter: { gender: 'robot' } },
      { everything: true },
    ]) {
      const res = await bulk({ action: 'add_category', selection, category_id: vip.id });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const unknown = await bulk({ action: 'explode', selection: {} });
    expect(unknown.status).toBe(422);
    expect(await categoriesOf(client.id)).toEqual([]);
  });
});

describe('categories', () => {
  it('creates a new category with a colour and adds it; a duplicate name is a 409 naming the existing one', async () => {
    const client = await newClient(a, { first_name: 'Nadia' });
    const res = await bulk({
      action: 'add_category',
      selection: { ids: [client.id] },
      new_category: { name: 'Autumn promo', color: '#aa5500' },
    });
    expect(res.status).toBe(200);
    const created = await t.db
      .selectFrom('categories')
      .selectAll()
      .where('id', '=', res.body.category.id)
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({ business_id: a.id, name: 'Autumn promo', color: '#aa5500' });
    const again = await bulk({
      action: 'add_category',
      selection: { ids: [client.id] },
      new_category: { name: 'autumn PROMO', color: '#000000' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'category_exists', details: { category_id: created.id } });
    const neither = await bulk({ action: 'add_category', selection: { ids: [client.id] } });
    expect(neither.status).toBe(422);
    expect(neither.body.error.details[0].field).toBe('category_id');
  });

  it("makes a rule's category manual when staff add it, and removes a category from a selection", async () => {
    const client = await newClient(a);
    await t.db
      .insertInto('client_categories')
      .values({ business_id: a.id, client_id: client.id, category_id: vip.id, assigned_by: 'rule' })
      .execute();
    await bulk({ action: 'add_category', selection: { ids: [client.id] }, category_id: vip.id });
    expect(await categoriesOf(client.id)).toEqual([{ category_id: vip.id, assigned_by: 'manual' }]);
    const removed = await bulk({ action: 'remove_category', selection: { ids: [client.id] }, category_id: vip.id });
    expect(removed.body).toMatchObject({ action: 'remove_category', affected: 1 });
    expect(await categoriesOf(client.id)).toEqual([]);
  });

  it("answers 404 for another business's category", async () => {
    const client = await newClient(a);
    const theirs = await t.db
      .selectFrom('categories')
      .select('id')
      .where('business_id', '=', b.id)
      .executeTakeFirstOrThrow();
    const res = await bulk({ action: 'add_category', selection: { ids: [client.id] }, category_id: theirs.id });
    expect(res.status).toBe(404);
  });
});

describe('permissions', () => {
  it('needs the permission of each action, and a session feature switched off removes it', async () => {
    const client = await newClient(a);
    const receptionist = await t.sessionFor(a, 'receptionist');
    const selection = { ids: [client.id] };
    expect((await bulk({ action: 'delete', selection, confirm: 'DELETE' }, receptionist)).status).toBe(403);
    expect(
      (await bulk({ action: 'send_message', selection, channel: 'sms', body: 'Hi', legal_ack: true }, receptionist))
        .status,
    ).toBe(403);
    expect(
      (await bulk({ action: 'add_category', selection, new_category: { name: 'New', color: '#112233' } }, receptionist))
        .status,
    ).toBe(403);
    expect((await bulk({ action: 'add_category', selection, category_id: vip.id }, receptionist)).status).toBe(200);
    const noDelete = await t.sessionFor(a, 'owner', { bulk_delete: false });
    expect((await bulk({ action: 'delete', selection, confirm: 'DELETE' }, noDelete)).status).toBe(403);
    expect(await t.db.selectFrom('clients').select('id').where('id', '=', client.id).executeTakeFirst()).toBeTruthy();
  });
});

describe('bulk delete', () => {
  it('needs DELETE typed, then deletes the selection in a job with its files, counted in the data log', async () => {
    const doomed = [await newClient(a, { first_name: 'Zed' }), await newClient(a, { first_name: 'Zed' })];
    const kept = await newClient(a, { first_name: 'Zed' });
    const upload = new FormData();
    upload.set('file', new Blob(['hello'], { type: 'text/plain' }), 'note.txt');
    const file = await t.app.request(`/v1/clients/${doomed[0]?.id}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.session}` },
      body: upload,
    });
    expect(file.status).toBe(201);
    const selection = { query: 'zed', except_ids: [kept.id] };
    const unconfirmed = await bulk({ action: 'delete', selection, confirm: 'delete' });
    expect(unconfirmed.status).toBe(422);
    expect(unconfirmed.body.error.details[0]).toMatchObject({ field: 'confirm', message: 'Type DELETE to confirm.' });

    const res = await bulk({ action: 'delete', selection, confirm: 'DELETE' });
    expect(res.status).toBe(202);
    expect(res.body.job).toMatchObject({ kind: 'bulk_delete', status: 'queued', progress: 0 });
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({ status: 'done', progress: 1, result: { action: 'delete', deleted: 2, files: 1 } });
    const left = await t.db.selectFrom('clients').select('id').where('first_name', '=', 'Zed').execute();
    expect(left.map((row) => row.id)).toEqual([kept.id]);
    expect(
      await t.db
        .selectFrom('files')
        .select('id')
        .where('client_id', '=', doomed[0]?.id as string)
        .execute(),
    ).toEqual([]);
    const log = await t.call('GET', '/v1/data-log?action=bulk_delete', { token: a.session });
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      action: 'bulk_delete',
      row_count: 2,
      actor: expect.stringMatching(/^user:/),
    });
  });

  it('shows a job only to its business, and a user only their own jobs', async () => {
    const client = await newClient(a);
    const res = await bulk({ action: 'delete', selection: { ids: [client.id] }, confirm: 'DELETE' });
    await finished(res.body.job.id);
    expect((await t.call('GET', `/v1/jobs/${res.body.job.id}`, { token: b.secretKey })).status).toBe(404);
    expect((await t.call('GET', `/v1/jobs/${res.body.job.id}`, { token: await t.sessionFor(a, 'admin') })).status).toBe(
      404,
    );
    expect((await t.call('GET', `/v1/jobs/${res.body.job.id}`, { token: a.secretKey })).status).toBe(200);
  });
});

describe('bulk messages', () => {
  it('estimates recipients and the skipped by reason without sending anything', async () => {
    const tag = 'Estimo';
    await newClient(a, { first_name: tag, marketing_allowed: true });
    await newClient(a, { first_name: tag, marketing_allowed: false });
    const off = await newClient(a, { first_name: tag, marketing_allowed: true });
    await t.call('PUT', `/v1/clients/${off.id}/notification-settings`, {
      token: a.session,
      body: { settings: [{ type: 'marketing', channel: 'sms', enabled: false }] },
    });
    await newClient(a, { first_name: tag, marketing_allowed: true, email: 'estimo@example.com' });
    const sms = await bulk({
      action: 'send_message',
      selection: { query: tag },
      channel: 'sms',
      body: 'Hi',
      dry_run: true,
    });
    expect(sms.status).toBe(200);
    expect(sms.body).toEqual({
      action: 'send_message',
      dry_run: true,
      selected: 4,
      recipients: 2,
      skipped: { no_consent: 1, channel_off: 1, no_address: 0 },
    });
    const email = await bulk({
      action: 'send_message',
      selection: { query: tag },
      channel: 'email',
      subject: 'News',
      body: 'Hi',
      dry_run: true,
    });
    expect(email.body).toMatchObject({ recipients: 1, skipped: { no_consent: 1, channel_off: 0, no_address: 2 } });
    expect(await t.db.selectFrom('messages').select('id').where('kind', '=', 'bulk').execute()).toEqual([]);
  });

  it('needs legal_ack, known placeholders and an email subject before anything is queued', async () => {
    const selection = { query: 'nobody-at-all' };
    const noAck = await bulk({ action: 'send_message', selection, channel: 'sms', body: 'Hi' });
    expect(noAck.status).toBe(422);
    expect(noAck.body.error.details[0].field).toBe('legal_ack');
    const unknown = await bulk({
      action: 'send_message',
      selection,
      channel: 'sms',
      body: 'Hi {nmae}',
      legal_ack: true,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0]).toMatchObject({ field: 'body', message: expect.stringContaining('{nmae}') });
    const noSubject = await bulk({ action: 'send_message', selection, channel: 'email', body: 'Hi', legal_ack: true });
    expect(noSubject.status).toBe(422);
    expect(await t.db.selectFrom('jobs').select('id').where('kind', '=', 'bulk_send').execute()).toEqual([]);
  });

  it('sends to each recipient once with placeholders filled, records the skipped with their reason', async () => {
    const tag = 'Sendo';
    const yes = [
      await newClient(a, { first_name: tag, last_name: 'One', marketing_allowed: true, discount: 5 }),
      await newClient(a, { first_name: tag, last_name: 'Two', marketing_allowed: true }),
    ];
    const no = await newClient(a, { first_name: tag, last_name: 'Three', marketing_allowed: false });
    const res = await bulk({
      action: 'send_message',
      selection: { query: tag },
      channel: 'sms',
      body: 'Hi {first_name} {last_name}, {discount} off at {salon_name}',
      legal_ack: true,
    });
    expect(res.status).toBe(202);
    const job = await finished(res.body.job.id);
    expect(job.result).toMatchObject({
      action: 'send_message',
      sent: 2,
      failed: 0,
      skipped: { no_consent: 1, channel_off: 0, no_address: 0 },
    });
    const rows = await t.db
      .selectFrom('messages')
      .select(['client_id', 'status', 'body', 'error', 'kind', 'to_address'])
      .where('campaign_id', '=', job.result.campaign_id)
      .orderBy('body')
      .execute();
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.client_id === yes[0]?.id)).toMatchObject({
      status: 'sent',
      kind: 'bulk',
      body: 'Hi Sendo One, 5% off at Salon Aurora',
      to_address: yes[0]?.phone,
    });
    expect(rows.find((r) => r.client_id === no.id)).toMatchObject({
      status: 'skipped',
      error: 'The client has not agreed to marketing messages.',
    });
    const log = await t.call('GET', '/v1/data-log?action=bulk_message', { token: a.session });
    expect(log.body.items[0]).toMatchObject({ row_count: 2, details: { channel: 'sms', selected: 3 } });
  });
});

describe('data log', () => {
  it('filters by action and time, pages, and needs data_log_read', async () => {
    const all = await t.call('GET', '/v1/data-log?limit=2', { token: a.session });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThan(2);
    const future = await t.call('GET', '/v1/data-log?from=2999-01-01', { token: a.session });
    expect(future.body).toEqual({ items: [], total: 0 });
    expect((await t.call('GET', '/v1/data-log?action=DROP TABLE', { token: a.session })).status).toBe(422);
    expect((await t.call('GET', '/v1/data-log', { token: await t.sessionFor(a, 'receptionist') })).status).toBe(403);
    const theirs = await t.call('GET', '/v1/data-log', { token: b.secretKey });
    expect(theirs.body.items.every((item: { actor: string }) => item.actor)).toBe(true);
    expect(theirs.body.items.some((item: { action: string }) => item.action.startsWith('bulk_'))).toBe(false);
  });
});

describe('bulk export', () => {
  it('exports the selection in a job and emails the requester a working link', async () => {
    const tag = 'Exporta';
    await newClient(a, { first_name: tag, last_name: 'One' });
    await newClient(a, { first_name: tag, last_name: 'Two' });
    const bad = await bulk({ action: 'export', selection: { query: tag }, columns: ['name', 'shoe_size'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].field).toBe('columns.1');
    const noExport = await t.sessionFor(a, 'owner', { export: false });
    expect((await bulk({ action: 'export', selection: { query: tag } }, noExport)).status).toBe(403);

    const res = await bulk({ action: 'export', selection: { query: tag }, columns: ['name', 'phone'] });
    expect(res.status).toBe(202);
    const job = await finished(res.body.job.id);
    expect(job).toMatchObject({
      status: 'done',
      result: { action: 'export', rows: 2, emailed_to: expect.stringMatching(/^owner-/), email_status: 'sent' },
    });
    expect(job.result.url).toBeUndefined();
    const email = await t.db
      .selectFrom('messages')
      .selectAll()
      .where('business_id', '=', a.id)
      .where('kind', '=', 'export_link')
      .executeTakeFirstOrThrow();
    expect(email).toMatchObject({ channel: 'email', client_id: null, to_address: job.result.emailed_to });
    const link = new URL(/https?:\/\/\S+/.exec(email.body)?.[0] as string);
    const download = await t.app.request(`${link.pathname}${link.search}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('spreadsheetml');
    const log = await t.call('GET', '/v1/data-log?action=export', { token: a.session });
    expect(log.body.items[0]).toMatchObject({ action: 'export', row_count: 2 });
  });

  it('puts the link in the result when the secret key asks: there is nobody to email', async () => {
    await newClient(a, { first_name: 'Keyexport' });
    const res = await bulk({ action: 'export', selection: { query: 'Keyexport' } }, a.secretKey);
    const job = await finished(res.body.job.id, a.secretKey);
    expect(job.result).toMatchObject({
      rows: 1,
      url: expect.stringContaining(`/v1/exports/${job.result.export_id}/download?token=`),
    });
    const link = new URL(job.result.url);
    expect((await t.app.request(`${link.pathname}${link.search}`)).status).toBe(200);
  });
});
