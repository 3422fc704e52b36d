// GET /v1/jobs/:id: a job's progress and result; POST /v1/jobs/:id/cancel: stop it. A user sees (and stops)
// the jobs they started; a secret key, all of the business's.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { conflict, notFound } from '../http/errors';
import { idParam } from '../http/validate';
import { jobView } from './queue';

function visibleJob(c: Context<AppEnv>, id: string) {
  const principal = c.get('principal');
  const query = c.get('tenant').selectFrom('jobs').where('id', '=', id);
  return principal.kind === 'session' ? query.where('created_by', '=', principal.user.id) : query;
}

export const jobRoutes = new Hono<AppEnv>()
  .get('/:id', idParam('Job'), async (c) => {
    const row = await visibleJob(c, c.req.valid('param').id).selectAll().executeTakeFirst();
    if (!row) throw notFound('Job');
    return c.json(jobView(row), 200);
  })
  .post('/:id/cancel', idParam('Job'), async (c) => {
    const { id } = c.req.valid('param');
    const row = await visibleJob(c, id).select('status').executeTakeFirst();
    if (!row) throw notFound('Job');
    // A job not yet started is cancelled outright; a running one stops at its next step.
    const updated = await c
      .get('tenant')
      .updateTable('jobs')
      .set((eb) => ({
        cancel_requested_at: eb.fn.coalesce('cancel_requested_at', eb.val(c.get('now'))),
        status: eb
          .case()
          .when('status', '=', 'queued')
          .then(eb.val('cancelled' as const))
          .else(eb.ref('status'))
          .end(),
        updated_at: c.get('now'),
      }))
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('job_finished', `This job has already ended (${row.status}).`);
    return c.json(jobView(updated), 200);
  });
