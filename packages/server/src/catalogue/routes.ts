// The catalogue over HTTP: branches, services and staff. Reading needs clients_read (pickers everywhere
// show them); changing needs catalogue_manage.
import { Hono } from 'hono';
import { requirePermission } from '../auth/middleware';
import type { AppEnv } from '../http/env';
import { idParam, jsonBody } from '../http/validate';
import {
  createLocation,
  deleteLocation,
  getLocation,
  listLocations,
  locationBody,
  locationPatch,
  updateLocation,
} from './locations';
import {
  createService,
  deleteService,
  getService,
  listServices,
  serviceBody,
  servicePatch,
  updateService,
} from './services';
import { createStaff, deleteStaff, getStaff, listStaff, staffBody, staffPatch, updateStaff } from './staff';
import { addTimeOff, listTimeOff, removeTimeOff, timeOffBody, timeOffParams } from './time-off';

const read = requirePermission('clients_read');
const manage = requirePermission('catalogue_manage');

export const locationRoutes = new Hono<AppEnv>()
  .get('/', read, async (c) => c.json(await listLocations(c.get('tenant')), 200))
  .get('/:id', read, idParam('Location'), async (c) => {
    return c.json(await getLocation(c.get('tenant'), c.req.valid('param').id), 200);
  })
  .post('/', manage, jsonBody(locationBody), async (c) => {
    return c.json(await createLocation(c.get('tenant'), c.req.valid('json')), 201);
  })
  .patch('/:id', manage, idParam('Location'), jsonBody(locationPatch), async (c) => {
    return c.json(await updateLocation(c.get('tenant'), c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .delete('/:id', manage, idParam('Location'), async (c) => {
    await deleteLocation(c.get('tenant'), c.req.valid('param').id);
    return c.body(null, 204);
  });

// DELETE answers 204 when the record is gone, or 200 with it archived when appointments still name it.
export const serviceRoutes = new Hono<AppEnv>()
  .get('/', read, async (c) => c.json(await listServices(c.get('tenant')), 200))
  .get('/:id', read, idParam('Service'), async (c) => {
    return c.json(await getService(c.get('tenant'), c.req.valid('param').id), 200);
  })
  .post('/', manage, jsonBody(serviceBody), async (c) => {
    return c.json(await createService(c.get('tenant'), c.req.valid('json')), 201);
  })
  .patch('/:id', manage, idParam('Service'), jsonBody(servicePatch), async (c) => {
    return c.json(await updateService(c.get('tenant'), c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .delete('/:id', manage, idParam('Service'), async (c) => {
    const archived = await deleteService(c.get('tenant'), c.req.valid('param').id);
    return archived ? c.json(archived, 200) : c.body(null, 204);
  });

export const staffRoutes = new Hono<AppEnv>()
  .get('/', read, async (c) => c.json(await listStaff(c.get('tenant')), 200))
  .get('/:id', read, idParam('Staff member'), async (c) => {
    return c.json(await getStaff(c.get('tenant'), c.req.valid('param').id), 200);
  })
  .post('/', manage, jsonBody(staffBody), async (c) => {
    return c.json(await createStaff(c.get('tenant'), c.req.valid('json')), 201);
  })
  .patch('/:id', manage, idParam('Staff member'), jsonBody(staffPatch), async (c) => {
    return c.json(await updateStaff(c.get('tenant'), c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .delete('/:id', manage, idParam('Staff member'), async (c) => {
    const archived = await deleteStaff(c.get('tenant'), c.req.valid('param').id);
    return archived ? c.json(archived, 200) : c.body(null, 204);
  })
  .get('/:id/time-off', read, idParam('Staff member'), async (c) => {
    return c.json(await listTimeOff(c.get('tenant'), c.req.valid('param').id), 200);
  })
  .post('/:id/time-off', manage, idParam('Staff member'), jsonBody(timeOffBody), async (c) => {
    return c.json(await addTimeOff(c.get('tenant'), c.req.valid('param').id, c.req.valid('json')), 201);
  })
  .delete('/:id/time-off/:timeOffId', manage, timeOffParams, async (c) => {
    const { staffId, timeOffId } = c.req.valid('param');
    await removeTimeOff(c.get('tenant'), staffId, timeOffId);
    return c.body(null, 204);
  });
