// Managing the catalogue: branches, services, staff with their week, and days off.
import { describe, expect, it } from 'vitest';
import { type CallResult, type TestBusiness, useTestApp } from './harness';

const t = await useTestApp();
const biz = await t.newBusiness();
const other = await t.newBusiness({ name: 'Other salon' });
const token = biz.secretKey;

const call = (method: string, path: string, body?: unknown, as = token) => t.call(method, path, { token: as, body });
const fieldsOf = (res: CallResult): string[] => res.body.error.details.map((d: { field: string }) => d.field);

async function created(path: string, body: unknown, business: TestBusiness = biz) {
  const res = await call('POST', path, body, business.secretKey);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const newLocation = (name: string, business?: TestBusiness) =>
  created('/v1/locations', { name, timezone: 'Europe/London' }, business);
const newService = (name: string, business?: TestBusiness) =>
  created('/v1/services', { name, duration_minutes: 30, price: 2500 }, business);

const count = (table: 'locations' | 'services' | 'staff' | 'staff_time_off') => t.rowCount(table, biz.id);

let booking = 0;
/** A past visit written straight to the tables, as the booking module would leave it. */
async function visit(at: { locationId: string; staffId: string; serviceId?: string }) {
  booking += 1;
  const client = await t.db
    .insertInto('clients')
    .values({
      business_id: biz.id,
      first_name: `History ${booking}`,
      phone: `+4474009${String(booking).padStart(5, '0')}`,
      created_location_id: at.locationId,
      location_ids: [at.locationId],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const startsAt = new Date(Date.UTC(2026, 0, 5, 9) + booking * 3_600_000);
  const appointment = await t.db
    .insertInto('appointments')
    .values({
      business_id: biz.id,
      location_id: at.locationId,
      staff_id: at.staffId,
      client_id: client.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 1_800_000),
      status: 'arrived',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (at.serviceId) {
    await t.db
      .insertInto('appointment_items')
      .values({
        business_id: biz.id,
        appointment_id: appointment.id,
        kind: 'service',
        service_id: at.serviceId,
        staff_id: at.staffId,
        name: 'Cut',
        price: 2500,
        amount: 2500,
      })
      .execute();
  }
  return appointment.id;
}

const sessionAs = (role: 'admin' | 'receptionist') => t.sessionFor(biz, role);

describe('locations', () => {
  it('creates, reads, updates and lists a location; the phone is stored E.164', async () => {
    const soho = await created('/v1/locations', { name: 'Soho', timezone: 'Europe/London', phone: '020 7946 0123' });
    expect(soho).toEqual({
      id: expect.any(String),
      name: 'Soho',
      timezone: 'Europe/London',
      address: null,
      phone: '+442079460123',
    });
    expect((await call('GET', `/v1/locations/${soho.id}`)).body).toEqual(soho);

    const moved = await call('PATCH', `/v1/locations/${soho.id}`, { address: ' 12 Greek Street ', phone: null });
    expect([moved.status, moved.body]).toEqual([200, { ...soho, address: '12 Greek Street', phone: null }]);
    const renamed = await call('PATCH', `/v1/locations/${soho.id}`, { name: 'Soho Square', address: '' });
    expect(renamed.body).toEqual({ ...soho, name: 'Soho Square', phone: null, address: null });

    const list = await call('GET', '/v1/locations');
    expect(list.body.items).toContainEqual(renamed.body);
    expect(list.body.total).toBe(list.body.items.length);
  });

  it('answers 422 naming the field, 400 for bad JSON, and writes nothing', async () => {
    const before = await count('locations');
    for (const [body, field] of [
      [{ name: 'X', timezone: 'Mars/Olympus' }, 'timezone'],
      [{ name: 'X', timezone: 'Europe/London', phone: '12' }, 'phone'],
      [{ timezone: 'Europe/London' }, 'name'],
      [{ name: '  ', timezone: 'Europe/London' }, 'name'],
      [{ name: 'X', timezone: 'Europe/London', email: 'x@example.com' }, 'email'],
    ] as const) {
      const res = await call('POST', '/v1/locations', body);
      expect([res.status, res.body.error.code, fieldsOf(res)]).toEqual([422, 'validation_failed', [field]]);
    }
    const malformed = await call('POST', '/v1/locations', '{"name": ');
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'invalid_body']);
    const location = await newLocation('Unchanged');
    const empty = await call('PATCH', `/v1/locations/${location.id}`, {});
    expect([empty.status, fieldsOf(empty)]).toEqual([422, ['(body)']]);
    expect(fieldsOf(await call('PATCH', `/v1/locations/${location.id}`, { phone: 'call us' }))).toEqual(['phone']);
    expect(await count('locations')).toBe(before + 1);
    expect((await call('GET', `/v1/locations/${location.id}`)).body).toEqual(location);
  });

  it('deletes a location nothing refers to', async () => {
    const location = await newLocation('Pop-up');
    const res = await call('DELETE', `/v1/locations/${location.id}`);
    expect([res.status, res.body]).toEqual([204, null]);
    expect((await call('GET', `/v1/locations/${location.id}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/locations/${location.id}`)).status).toBe(404);
  });

  it('refuses to delete a location that staff, users, clients or appointments refer to, changing nothing', async () => {
    const location = await newLocation('Busy branch');
    const staff = await created('/v1/staff', {
      name: 'Bea',
      location_ids: [location.id],
      working_hours: [{ location_id: location.id, weekday: 2, start: '10:00', end: '18:00' }],
    });
    await call('POST', '/v1/users', {
      email: 'branch@example.com',
      name: 'B',
      role: 'admin',
      location_ids: [location.id],
    });

    const byStaffAndUsers = await call('DELETE', `/v1/locations/${location.id}`);
    expect(byStaffAndUsers.status).toBe(409);
    expect(byStaffAndUsers.body.error).toMatchObject({
      code: 'location_in_use',
      details: { referenced_by: ['staff', 'users'] },
    });

    await visit({ locationId: location.id, staffId: staff.id });
    const all = await call('DELETE', `/v1/locations/${location.id}`);
    expect([all.status, all.body.error.details]).toEqual([
      409,
      { referenced_by: ['appointments', 'clients', 'staff', 'users'] },
    ]);
    expect((await call('GET', `/v1/locations/${location.id}`)).body).toEqual(location);
    expect((await call('GET', `/v1/staff/${staff.id}`)).body).toEqual(staff);
  });

  it('takes a deleted location off archived staff, with their hours there', async () => {
    const [closing, staying] = [await newLocation('Closing'), await newLocation('Staying')];
    const staff = await created('/v1/staff', {
      name: 'Former',
      location_ids: [closing.id, staying.id],
      working_hours: [
        { location_id: closing.id, weekday: 1, start: '09:00', end: '13:00' },
        { location_id: staying.id, weekday: 1, start: '14:00', end: '18:00' },
      ],
      active: false,
    });
    expect((await call('DELETE', `/v1/locations/${closing.id}`)).status).toBe(204);
    expect((await call('GET', `/v1/staff/${staff.id}`)).body).toEqual({
      ...staff,
      location_ids: [staying.id],
      working_hours: [{ location_id: staying.id, weekday: 1, start: '14:00', end: '18:00', breaks: [] }],
    });
  });
});

describe('services', () => {
  it('creates with defaults, reads, updates and lists services', async () => {
    const colour = await created('/v1/services', {
      name: 'Full colour',
      duration_minutes: 120,
      price: 9500,
      buffer_minutes: 15,
      online_booking: false,
      active: true,
    });
    expect(colour).toEqual({
      id: expect.any(String),
      name: 'Full colour',
      duration_minutes: 120,
      price: 9500,
      buffer_minutes: 15,
      online_booking: false,
      active: true,
    });
    const cut = await created('/v1/services', { name: 'Cut', duration_minutes: 45, price: 0 });
    expect(cut).toEqual({
      id: expect.any(String),
      name: 'Cut',
      duration_minutes: 45,
      price: 0,
      buffer_minutes: 0,
      online_booking: true,
      active: true,
    });
    expect((await call('GET', `/v1/services/${cut.id}`)).body).toEqual(cut);
    const repriced = await call('PATCH', `/v1/services/${cut.id}`, { price: 3000, duration_minutes: 720 });
    expect(repriced.body).toEqual({ ...cut, price: 3000, duration_minutes: 720 });
    const names = (await call('GET', '/v1/services')).body.items.map((s: { name: string }) => s.name);
    expect(names.indexOf('Cut')).toBeLessThan(names.indexOf('Full colour'));
  });

  it('validates every field and writes nothing', async () => {
    const before = await count('services');
    const valid = { name: 'Blow-dry', duration_minutes: 30, price: 2000 };
    for (const [change, field] of [
      [{ duration_minutes: 0 }, 'duration_minutes'],
      [{ duration_minutes: 32 }, 'duration_minutes'],
      [{ duration_minutes: 725 }, 'duration_minutes'],
      [{ duration_minutes: '30' }, 'duration_minutes'],
      [{ price: -1 }, 'price'],
      [{ price: 19.99 }, 'price'],
      [{ buffer_minutes: -5 }, 'buffer_minutes'],
      [{ buffer_minutes: 245 }, 'buffer_minutes'],
      [{ online_booking: 'yes' }, 'online_booking'],
      [{ active: null }, 'active'],
      [{ name: '' }, 'name'],
      [{ colour: 'red' }, 'colour'],
    ] as const) {
      const res = await call('POST', '/v1/services', { ...valid, ...change });
      expect([res.status, fieldsOf(res)], JSON.stringify(change)).toEqual([422, [field]]);
    }
    const missing = await call('POST', '/v1/services', { name: 'X' });
    expect(fieldsOf(missing).sort()).toEqual(['duration_minutes', 'price']);
    expect(await count('services')).toBe(before);
  });

  it('removes a never-booked service and archives a booked one; staff stop offering either', async () => {
    const location = await newLocation('Service branch');
    const [unused, booked, kept] = [await newService('Unused'), await newService('Booked'), await newService('Kept')];
    const staff = await created('/v1/staff', {
      name: 'Cara',
      location_ids: [location.id],
      service_ids: [unused.id, booked.id, kept.id],
    });
    const appointment = await visit({ locationId: location.id, staffId: staff.id, serviceId: booked.id });

    const removed = await call('DELETE', `/v1/services/${unused.id}`);
    expect([removed.status, removed.body]).toEqual([204, null]);
    expect((await call('GET', `/v1/services/${unused.id}`)).status).toBe(404);

    const archived = await call('DELETE', `/v1/services/${booked.id}`);
    expect([archived.status, archived.body]).toEqual([200, { ...booked, active: false }]);
    expect((await call('GET', `/v1/services/${booked.id}`)).body.active).toBe(false);
    const items = await t.db
      .selectFrom('appointment_items')
      .select('service_id')
      .where('appointment_id', '=', appointment)
      .execute();
    expect(items).toEqual([{ service_id: booked.id }]);
    expect((await call('DELETE', `/v1/services/${booked.id}`)).status).toBe(200);

    expect((await call('GET', `/v1/staff/${staff.id}`)).body.service_ids).toEqual([kept.id]);
  });
});

describe('staff', () => {
  const week = async () => {
    const [north, south] = [await newLocation('North'), await newLocation('South')];
    const cut = await newService('Staff cut');
    return { north: north.id as string, south: south.id as string, cut: cut.id as string };
  };

  it('creates a staff member with a week (returned in order) and reads, updates and lists them', async () => {
    const { north, south, cut } = await week();
    const dana = await created('/v1/staff', {
      name: 'Dana',
      position: 'Senior stylist',
      location_ids: [north, south, north],
      service_ids: [cut],
      working_hours: [
        { location_id: south, weekday: 3, start: '12:00', end: '20:00' },
        {
          location_id: north,
          weekday: 1,
          start: '09:00',
          end: '17:30',
          breaks: [
            { start: '15:00', end: '15:15' },
            { start: '12:30', end: '13:00' },
          ],
        },
        { location_id: south, weekday: 1, start: '18:00', end: '24:00' },
      ],
    });
    expect(dana).toEqual({
      id: expect.any(String),
      name: 'Dana',
      position: 'Senior stylist',
      location_ids: [north, south],
      service_ids: [cut],
      working_hours: [
        {
          location_id: north,
          weekday: 1,
          start: '09:00',
          end: '17:30',
          breaks: [
            { start: '12:30', end: '13:00' },
            { start: '15:00', end: '15:15' },
          ],
        },
        { location_id: south, weekday: 1, start: '18:00', end: '24:00', breaks: [] },
        { location_id: south, weekday: 3, start: '12:00', end: '20:00', breaks: [] },
      ],
      active: true,
    });
    expect((await call('GET', `/v1/staff/${dana.id}`)).body).toEqual(dana);
    expect((await call('GET', '/v1/staff')).body.items).toContainEqual(dana);

    const minimal = await created('/v1/staff', { name: 'Eli' });
    expect(minimal).toEqual({
      id: expect.any(String),
      name: 'Eli',
      position: null,
      location_ids: [],
      service_ids: [],
      working_hours: [],
      active: true,
    });

    const moved = await call('PATCH', `/v1/staff/${dana.id}`, {
      position: null,
      location_ids: [south],
      working_hours: [{ location_id: south, weekday: 5, start: '10:00', end: '14:00' }],
    });
    expect([moved.status, moved.body]).toEqual([
      200,
      {
        ...dana,
        position: null,
        location_ids: [south],
        working_hours: [{ location_id: south, weekday: 5, start: '10:00', end: '14:00', breaks: [] }],
      },
    ]);
  });

  it('validates working hours, naming the entry and field, and writes nothing', async () => {
    const { north, south } = await week();
    const day = { location_id: north, weekday: 2, start: '09:00', end: '17:00' };
    const before = await count('staff');
    for (const [working_hours, fields] of [
      [[{ ...day, start: '9:00' }], ['working_hours.0.start']],
      [[{ ...day, end: '17:60' }], ['working_hours.0.end']],
      [[{ ...day, end: '24:30' }], ['working_hours.0.end']],
      [[{ ...day, start: '17:00', end: '09:00' }], ['working_hours.0.end']],
      [[{ ...day, start: '09:00', end: '09:00' }], ['working_hours.0.end']],
      [[{ ...day, weekday: 0 }], ['working_hours.0.weekday']],
      [[{ ...day, weekday: 8 }], ['working_hours.0.weekday']],
      [[{ ...day, breaks: [{ start: '08:30', end: '09:30' }] }], ['working_hours.0.breaks.0']],
      [[{ ...day, breaks: [{ start: '16:30', end: '17:30' }] }], ['working_hours.0.breaks.0']],
      [[{ ...day, breaks: [{ start: '13:00', end: '12:00' }] }], ['working_hours.0.breaks.0.end']],
      [[{ ...day, breaks: [{ start: '12:00', end: '13' }] }], ['working_hours.0.breaks.0.end']],
      [
        [
          {
            ...day,
            breaks: [
              { start: '12:00', end: '13:00' },
              { start: '12:45', end: '13:15' },
            ],
          },
        ],
        ['working_hours.0.breaks.1'],
      ],
      [[day, { ...day, start: '16:00', end: '20:00' }], ['working_hours.1']],
      // One person cannot be at two branches at once.
      [
        [
          { ...day, location_id: south },
          { ...day, start: '12:00', end: '13:00' },
        ],
        ['working_hours.1'],
      ],
      [[{ ...day, room: 2 }], ['working_hours.0']],
    ] as const) {
      const res = await call('POST', '/v1/staff', { name: 'Bad', location_ids: [north, south], working_hours });
      expect([res.status, fieldsOf(res)], JSON.stringify(working_hours)).toEqual([422, fields]);
    }
    expect(await count('staff')).toBe(before);
  });

  it('accepts back-to-back shifts at two branches and the same hours on other weekdays', async () => {
    const { north, south } = await week();
    const res = await call('POST', '/v1/staff', {
      name: 'Fay',
      location_ids: [north, south],
      working_hours: [
        { location_id: north, weekday: 4, start: '09:00', end: '13:00' },
        { location_id: south, weekday: 4, start: '13:00', end: '18:00' },
        { location_id: south, weekday: 5, start: '09:00', end: '13:00' },
      ],
    });
    expect(res.status).toBe(201);
  });

  it('refuses hours at a branch not assigned, and unknown or foreign ids, naming the field', async () => {
    const { north, south, cut } = await week();
    const foreignLocation = await newLocation('Theirs', other);
    const foreignService = await newService('Theirs', other);
    const before = await count('staff');
    for (const [body, fields] of [
      [
        { location_ids: [north], working_hours: [{ location_id: south, weekday: 1, start: '09:00', end: '12:00' }] },
        ['working_hours.0.location_id'],
      ],
      [{ location_ids: [north, foreignLocation.id] }, ['location_ids']],
      [{ location_ids: ['00000000-0000-4000-8000-000000000000'] }, ['location_ids']],
      [{ service_ids: [cut, foreignService.id] }, ['service_ids']],
      [{ location_ids: ['north'] }, ['location_ids.0']],
    ] as const) {
      const res = await call('POST', '/v1/staff', { name: 'Gil', ...body });
      expect([res.status, fieldsOf(res)], JSON.stringify(body)).toEqual([422, fields]);
    }
    expect(await count('staff')).toBe(before);

    const gil = await created('/v1/staff', {
      name: 'Gil',
      location_ids: [north, south],
      working_hours: [{ location_id: south, weekday: 1, start: '09:00', end: '12:00' }],
    });
    // Hours and branches may change in separate requests; each must leave them consistent.
    const dropped = await call('PATCH', `/v1/staff/${gil.id}`, { location_ids: [north] });
    expect([dropped.status, fieldsOf(dropped)]).toEqual([422, ['working_hours.0.location_id']]);
    const foreign = await call('PATCH', `/v1/staff/${gil.id}`, { service_ids: [foreignService.id] });
    expect([foreign.status, fieldsOf(foreign)]).toEqual([422, ['service_ids']]);
    expect((await call('GET', `/v1/staff/${gil.id}`)).body).toEqual(gil);
    expect((await call('PATCH', `/v1/staff/${gil.id}`, { location_ids: [north], working_hours: [] })).status).toBe(200);
  });

  it("answers 404 for another business's staff member on every route", async () => {
    const theirs = await created('/v1/staff', { name: 'Not yours' }, other);
    for (const [method, path, body] of [
      ['GET', `/v1/staff/${theirs.id}`],
      ['PATCH', `/v1/staff/${theirs.id}`, { name: 'Mine' }],
      ['DELETE', `/v1/staff/${theirs.id}`],
      ['GET', `/v1/staff/${theirs.id}/time-off`],
      [
        'POST',
        `/v1/staff/${theirs.id}/time-off`,
        { starts_at: '2030-01-01T00:00:00Z', ends_at: '2030-01-02T00:00:00Z' },
      ],
    ] as const) {
      const res = await call(method, path, body);
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 404, 'not_found']);
    }
    expect((await call('GET', `/v1/staff/${theirs.id}`, undefined, other.secretKey)).body.name).toBe('Not yours');
  });

  it('removes a never-booked staff member with their time off, and archives a booked one', async () => {
    const { north } = await week();
    const unbooked = await created('/v1/staff', { name: 'Hal' });
    await created(`/v1/staff/${unbooked.id}/time-off`, {
      starts_at: '2030-02-01T00:00:00Z',
      ends_at: '2030-02-08T00:00:00Z',
    });
    const timeOffBefore = await count('staff_time_off');
    const removed = await call('DELETE', `/v1/staff/${unbooked.id}`);
    expect([removed.status, removed.body]).toEqual([204, null]);
    expect((await call('GET', `/v1/staff/${unbooked.id}`)).status).toBe(404);
    expect(await count('staff_time_off')).toBe(timeOffBefore - 1);

    const booked = await created('/v1/staff', { name: 'Ivy', location_ids: [north] });
    const appointment = await visit({ locationId: north, staffId: booked.id });
    const archived = await call('DELETE', `/v1/staff/${booked.id}`);
    expect([archived.status, archived.body]).toEqual([200, { ...booked, active: false }]);
    const kept = await t.db.selectFrom('appointments').select('staff_id').where('id', '=', appointment).execute();
    expect(kept).toEqual([{ staff_id: booked.id }]);
  });
});

describe('time off', () => {
  it('adds, lists and removes days off', async () => {
    const staff = await created('/v1/staff', { name: 'Jo' });
    const path = `/v1/staff/${staff.id}/time-off`;
    const holiday = await created(path, {
      starts_at: '2030-08-01T00:00:00+02:00',
      ends_at: '2030-08-15T00:00:00+02:00',
      reason: 'Holiday',
    });
    expect(holiday).toEqual({
      id: expect.any(String),
      staff_id: staff.id,
      starts_at: '2030-07-31T22:00:00.000Z',
      ends_at: '2030-08-14T22:00:00.000Z',
      reason: 'Holiday',
    });
    const dentist = await created(path, { starts_at: '2030-03-04T13:00:00Z', ends_at: '2030-03-04T15:00:00Z' });
    expect(dentist.reason).toBeNull();
    expect((await call('GET', path)).body).toEqual({ items: [dentist, holiday], total: 2 });

    expect((await call('DELETE', `${path}/${dentist.id}`)).status).toBe(204);
    expect((await call('DELETE', `${path}/${dentist.id}`)).status).toBe(404);
    expect((await call('DELETE', `${path}/not-an-id`)).status).toBe(404);
    // A time-off id only counts under its own staff member.
    const someoneElse = await created('/v1/staff', { name: 'Kit' });
    expect((await call('DELETE', `/v1/staff/${someoneElse.id}/time-off/${holiday.id}`)).status).toBe(404);
    expect((await call('GET', path)).body).toEqual({ items: [holiday], total: 1 });
  });

  it('validates times and writes nothing', async () => {
    const staff = await created('/v1/staff', { name: 'Lou' });
    const before = await count('staff_time_off');
    for (const [body, field] of [
      [{ starts_at: '2030-01-02T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 'ends_at'],
      [{ starts_at: '2030-01-01T00:00:00Z', ends_at: '2030-01-01T00:00:00Z' }, 'ends_at'],
      [{ starts_at: '2030-01-01T00:00:00', ends_at: '2030-01-02T00:00:00Z' }, 'starts_at'],
      [{ starts_at: '2030-01-01', ends_at: '2030-01-02T00:00:00Z' }, 'starts_at'],
      [{ starts_at: '2030-01-01T00:00:00Z' }, 'ends_at'],
      [{ starts_at: '2030-01-01T00:00:00Z', ends_at: '2030-01-02T00:00:00Z', note: 'x' }, 'note'],
    ] as const) {
      const res = await call('POST', `/v1/staff/${staff.id}/time-off`, body);
      expect([res.status, fieldsOf(res)], JSON.stringify(body)).toEqual([422, [field]]);
    }
    expect(await count('staff_time_off')).toBe(before);
  });
});

describe('permissions', () => {
  it('lets a receptionist read the catalogue but not change it', async () => {
    const desk = await sessionAs('receptionist');
    const location = await newLocation('Desk branch');
    const service = await newService('Desk service');
    const staff = await created('/v1/staff', { name: 'Desk staff' });
    for (const path of ['/v1/locations', '/v1/services', '/v1/staff', `/v1/staff/${staff.id}/time-off`]) {
      expect((await call('GET', path, undefined, desk)).status, path).toBe(200);
    }
    expect((await call('GET', `/v1/locations/${location.id}`, undefined, desk)).status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/v1/locations', { name: 'X', timezone: 'Europe/London' }],
      ['PATCH', `/v1/locations/${location.id}`, { name: 'X' }],
      ['DELETE', `/v1/locations/${location.id}`],
      ['POST', '/v1/services', { name: 'X', duration_minutes: 30, price: 1 }],
      ['PATCH', `/v1/services/${service.id}`, { price: 1 }],
      ['DELETE', `/v1/services/${service.id}`],
      ['POST', '/v1/staff', { name: 'X' }],
      ['PATCH', `/v1/staff/${staff.id}`, { name: 'X' }],
      ['DELETE', `/v1/staff/${staff.id}`],
      [
        'POST',
        `/v1/staff/${staff.id}/time-off`,
        { starts_at: '2030-01-01T00:00:00Z', ends_at: '2030-01-02T00:00:00Z' },
      ],
    ] as const) {
      const res = await call(method, path, body, desk);
      expect([method, path, res.status, res.body.error.code]).toEqual([method, path, 403, 'forbidden']);
    }
    expect((await call('GET', `/v1/staff/${staff.id}`)).body).toEqual(staff);

    const admin = await sessionAs('admin');
    expect(
      (await call('POST', '/v1/services', { name: 'By admin', duration_minutes: 5, price: 0 }, admin)).status,
    ).toBe(201);
  });
});
