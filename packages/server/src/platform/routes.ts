import { Hono } from 'hono';
import { z } from 'zod';
import { createBusinessBody } from '../business/schema';
import { businessView, createBusiness } from '../business/service';
import type { AppDeps, AppEnv } from '../http/env';
import { jsonBody, queryParams } from '../http/validate';

const listQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((n) => Math.min(n, 500))
    .default(50),
});

export const platformRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/businesses', jsonBody(createBusinessBody), async (c) => {
      const created = await createBusiness(deps.db, c.req.valid('json'));
      return c.json({ ...created, business: businessView(created.business) }, 201);
    })
    .get('/businesses', queryParams(listQuery), async (c) => {
      const { offset, limit } = c.req.valid('query');
      const [rows, count] = await Promise.all([
        deps.db
          .selectFrom('businesses')
          .selectAll()
          .orderBy('created_at')
          .orderBy('id')
          .offset(offset)
          .limit(limit)
          .execute(),
        deps.db
          .selectFrom('businesses')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      return c.json({ items: rows.map(businessView), total: Number(count.n) }, 200);
    });
