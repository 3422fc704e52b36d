// GET /v1/jobs/:id: a job's progress and result. A user sees the jobs they started; a secret key, all of
// the business's.
import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { notFound } from '../http/errors';
import { idParam } from '../http/validate';
import { jobView } from './queue';

export const jobRoutes = new Hono<AppEnv>().get('/:id', idParam('Job'), async (c) => {
  const principal = c.get('principal');
  let query = c.get('tenant').selectFrom('jobs').selectAll().where('id', '=', c.req.valid('param').id);
  if (principal.kind === 'session') query = query.where('created_by', '=', principal.user.id);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('Job');
  return c.json(jobView(row), 200);
});
