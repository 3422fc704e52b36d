// POST /v1/jobs/:id/cancel: a long bulk send stops where it stands; what went out stays sent, what did not
// is recorded as stopped, and the job ends `cancelled` with that result.
import { describe, expect, it } from 'vitest';
import { useTestApp } from './harness';

// Paced at 10 SMS a second, so a send to 20 clients lasts about two seconds.
const t = await useTestApp({ config: { smsRatePerSecond: 10 }, jobs: { pollingSeconds: 0.5, retryDelaySeconds: 1 } });
const a = await t.newBusiness();
const b = await t.newBusiness();

const ended = (id: string) => t.jobEnded(id, a.session);

describe('stopping a job', () => {
  it('stops a running bulk send: sent ones stay sent, the rest are recorded as stopped', async () => {
    for (let i = 0; i < 20; i++) {
      const res = await t.call('POST', '/v1/clients', {
        token: a.secretKey,
        body: { first_name: 'Stoppable', phone: `07400 94${String(i).padStart(4, '0')}`, marketing_allowed: true },
      });
      expect(res.status).toBe(201);
    }
    const started = await t.call('POST', '/v1/clients/bulk', {
      token: a.session,
      body: { action: 'send_message', selection: { query: 'stoppable' }, channel: 'sms', body: 'Hi', legal_ack: true },
    });
    expect(started.status).toBe(202);
    const id = started.body.job.id as string;
    const sent = () =>
      t.db.selectFrom('messages').select('id').where('business_id', '=', a.id).where('status', '=', 'sent').execute();
    while ((await sent()).length < 3) await new Promise((resolve) => setTimeout(resolve, 50));

    expect((await t.call('POST', `/v1/jobs/${id}/cancel`, { token: b.secretKey })).status).toBe(404);
    const cancel = await t.call('POST', `/v1/jobs/${id}/cancel`, { token: a.session });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('running');
    const final = await ended(id);
    expect(final.status).toBe('cancelled');
    const { sent: sentCount, stopped } = final.result as { sent: number; stopped: number };
    expect(sentCount).toBeGreaterThanOrEqual(3);
    expect(sentCount).toBeLessThan(20);
    expect(sentCount + stopped).toBe(20);
    const queued = await t.db
      .selectFrom('messages')
      .select('id')
      .where('business_id', '=', a.id)
      .where('status', 'in', ['queued', 'sending'])
      .execute();
    expect(queued).toEqual([]);
    expect((await sent()).length).toBe(sentCount);

    const again = await t.call('POST', `/v1/jobs/${id}/cancel`, { token: a.session });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('job_finished');
  });

  it('cancels a job that has not started at once, and it never runs', async () => {
    // Workers that poll every 30 s: once their first poll is over, a new job waits in the queue.
    const slow = await useTestApp({ jobs: { pollingSeconds: 30 } });
    const biz = await slow.newBusiness();
    await slow.jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const client = await slow.call('POST', '/v1/clients', {
      token: biz.secretKey,
      body: { first_name: 'Waiting', phone: '07400 949999' },
    });
    const res = await slow.call('POST', '/v1/clients/bulk', {
      token: biz.session,
      body: { action: 'delete', selection: { ids: [client.body.id] }, confirm: 'DELETE' },
    });
    const cancel = await slow.call('POST', `/v1/jobs/${res.body.job.id}/cancel`, { token: biz.session });
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('cancelled');
    // A restart polls at once: the worker takes the job and leaves it alone.
    await slow.jobs.stop();
    await slow.jobs.start();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const after = await slow.call('GET', `/v1/jobs/${res.body.job.id}`, { token: biz.session });
    expect(after.body.status).toBe('cancelled');
    const still = await slow.db.selectFrom('clients').select('id').where('id', '=', client.body.id).execute();
    expect(still).toHaveLength(1);

    // An import whose commit was stopped before it ran can be committed again.
    const form = new FormData();
    form.append('file', new Blob(['First name,Phone\nIvo,07400 948888\n']), 'one.csv');
    const uploaded = await slow.app.request('/v1/imports', {
      method: 'POST',
      headers: { Authorization: `Bearer ${biz.session}` },
      body: form,
    });
    const importId = ((await uploaded.json()) as { id: string }).id;
    const commit = await slow.call('POST', `/v1/imports/${importId}/commit`, { token: biz.session });
    expect(commit.status).toBe(202);
    await slow.call('POST', `/v1/jobs/${commit.body.job.id}/cancel`, { token: biz.session });
    const again = await slow.call('POST', `/v1/imports/${importId}/commit`, { token: biz.session });
    expect(again.status).toBe(202);
  });
});
