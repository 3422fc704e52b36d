// /v1/appointments: reception's calendar, bookings and payments.
import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import { actorOf } from '../auth/principal';
import type { AppEnv } from '../http/env';
import { idParam, jsonBody, queryParams } from '../http/validate';
import { bookAppointment } from './book';
import { getAppointment, listAppointments } from './list';
import { addPayment } from './payments';
import { createBody, listQuery, paymentBody, updateBody } from './schema';
import { updateAppointment } from './update';

const read = requirePermission('appointments_read');
const write = requirePermission('appointments_write');

export const appointmentRoutes = new Hono<AppEnv>()
  .get('/', read, queryParams(listQuery), async (c) => {
    return c.json(await listAppointments(c.get('tenant'), c.req.valid('query')), 200);
  })
  .post('/', write, jsonBody(createBody), async (c) => {
    return c.json(await bookAppointment(c.get('tenant'), c.req.valid('json')), 201);
  })
  .get('/:id', read, idParam('Appointment'), async (c) => {
    return c.json(await getAppointment(c.get('tenant'), c.req.valid('param').id), 200);
  })
  .patch('/:id', write, idParam('Appointment'), jsonBody(updateBody), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await updateAppointment(c.get('tenant'), id, c.req.valid('json'), c.get('now')), 200);
  })
  .post(
    '/:id/payments',
    requirePermission('payments_write'),
    idParam('Appointment'),
    jsonBody(paymentBody),
    async (c) => {
      const context = { now: c.get('now'), userId: actorOf(c.get('principal')).user_id };
      return c.json(await addPayment(c.get('tenant'), c.req.valid('param').id, c.req.valid('json'), context), 201);
    },
  );
