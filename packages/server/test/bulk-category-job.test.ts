// A category change for more clients than BULK_INLINE_ROWS runs as a job the caller follows; what can be
// refused (an unknown category, a name already taken) is refused at once, before any job.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness';

const t = await useTestApp({ config: { bulkInlineRows: 2 }, jobs: { pollingSeconds: 0.5 } });
const a = await t.newBusiness();

const finished = (id: string) => t.jobEnded(id, a.session);

describe('a large category change', () => {
  it('runs as a job with the same result, and refuses what it can at once', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.call('POST', '/v1/clients', {
        token: a.secretKey,
        body: { first_name: 'Manyfold', phone: `07400 95${String(i).padStart(4, '0')}` },
      });
      expect(res.status).toBe(201);
    }
    const selection = { query: 'manyfold' };
    const added = await t.call('POST', '/v1/clients/bulk', {
      token: a.session,
      body: { action: 'add_category', selection, new_category: { name: 'Spring list', color: '#336699' } },
    });
    expect(added.status).toBe(202);
    expect(added.body.job.kind).toBe('bulk_category');
    const done = await finished(added.body.job.id);
    expect(done).toMatchObject({ status: 'done', result: { action: 'add_category', affected: 3 } });
    const category = done.result.category.id as string;

    const taken = await t.call('POST', '/v1/clients/bulk', {
      token: a.session,
      body: { action: 'add_category', selection, new_category: { name: 'spring LIST', color: '#000000' } },
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'category_exists']);
    const unknown = await t.call('POST', '/v1/clients/bulk', {
      token: a.session,
      body: { action: 'remove_category', selection, category_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(404);

    const removed = await t.call('POST', '/v1/clients/bulk', {
      token: a.session,
      body: { action: 'remove_category', selection, category_id: category },
    });
    expect(removed.status).toBe(202);
    expect(await finished(removed.body.job.id)).toMatchObject({
      status: 'done',
      result: { action: 'remove_category', affected: 3 },
    });
    const log = await t.call('GET', '/v1/data-log?action=bulk_add_category,bulk_remove_category', { token: a.session });
    expect(log.body.items.map((item: { row_count: number }) => item.row_count)).toEqual([3, 3]);
  });
});
