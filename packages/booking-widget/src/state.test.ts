import { expect } from '@open-wc/testing';
import type { BookingConfig } from './api.js';
import { addDays, dateInZone, formatTime, hourInZone, monthRange } from './format.js';
import {
  bookingRequest,
  chooseDate,
  chooseLocation,
  chooseStaff,
  chooseTime,
  contactErrors,
  contactField,
  editContact,
  eligibleStaff,
  IdempotencyKeys,
  MAX_SERVICES,
  newDraft,
  servicesAt,
  slotTimes,
  startDraft,
  stepDone,
  stepsFor,
  toggleService,
  totals,
} from './state.js';

const config: BookingConfig = {
  business: { name: 'Salon', phone: '+49 30 1', currency: 'EUR' },
  locations: [
    { id: 'mitte', name: 'Mitte', timezone: 'Europe/Berlin' },
    { id: 'xberg', name: 'Kreuzberg', timezone: 'Europe/Berlin' },
  ],
  services: [
    { id: 'cut', name: 'Haircut', duration_minutes: 45, price: 3000 },
    { id: 'colour', name: 'Colouring', duration_minutes: 90, price: 8550 },
    { id: 'beard', name: 'Beard trim', duration_minutes: 20, price: null },
  ],
  staff: [
    { id: 'ana', name: 'Ana', location_ids: ['mitte'], service_ids: ['cut', 'colour'] },
    { id: 'cleo', name: 'Cleo', location_ids: ['mitte'], service_ids: ['cut'] },
    { id: 'ben', name: 'Ben', location_ids: ['xberg'], service_ids: ['beard', 'cut'] },
  ],
};

describe('booking state', () => {
  it('has a location step only for several locations and none fixed', () => {
    expect(stepsFor(config, null)).to.deep.equal(['location', 'services', 'staff', 'time', 'details']);
    expect(stepsFor(config, 'mitte')).to.deep.equal(['services', 'staff', 'time', 'details']);
    const single = { ...config, locations: [config.locations[0]!] };
    expect(stepsFor(single, null)).to.deep.equal(['services', 'staff', 'time', 'details']);
    expect(startDraft(single, null).locationId).to.equal('mitte');
    expect(startDraft(config, null).locationId).to.equal(null);
  });

  it('offers the services and staff of the location, staff doing every chosen service', () => {
    expect(servicesAt(config, 'xberg').map((s) => s.id)).to.deep.equal(['cut', 'beard']);
    let draft = newDraft('mitte');
    draft = toggleService(config, draft, 'cut');
    expect(eligibleStaff(config, draft).map((s) => s.id)).to.deep.equal(['ana', 'cleo']);
    draft = toggleService(config, draft, 'colour');
    expect(eligibleStaff(config, draft).map((s) => s.id)).to.deep.equal(['ana']);
    expect(stepDone(config, draft, 'services')).to.equal(true);
    // Nobody at Mitte trims beards.
    expect(stepDone(config, toggleService(config, draft, 'beard'), 'services')).to.equal(false);
  });

  it('clears only the later choices a change invalidates', () => {
    let draft = newDraft('mitte');
    draft = toggleService(config, draft, 'cut');
    draft = chooseStaff(draft, 'cleo');
    draft = chooseTime(chooseDate(draft, '2026-12-01'), '2026-12-01T09:00:00.000Z');
    draft = editContact(draft, { name: 'Mia' });

    // Cleo doesn't colour: adding colouring drops her, and the time; the date and details stay.
    const more = toggleService(config, draft, 'colour');
    expect(more.staffId).to.equal(null);
    expect(more.startsAt).to.equal(null);
    expect(more.date).to.equal('2026-12-01');
    expect(more.contact.name).to.equal('Mia');

    expect(chooseStaff(draft, 'cleo')).to.equal(draft);
    expect(chooseStaff(draft, 'ana').startsAt).to.equal(null);
    expect(chooseDate(draft, '2026-12-01').startsAt).to.equal(draft.startsAt);
    expect(chooseDate(draft, '2026-12-02').startsAt).to.equal(null);

    // Moving to Kreuzberg keeps the haircut (Ben cuts there too) and forgets staff and time.
    const moved = chooseLocation(config, draft, 'xberg');
    expect(moved.serviceIds).to.deep.equal(['cut']);
    expect([moved.staffId, moved.date, moved.startsAt]).to.deep.equal([null, null, null]);
  });

  it('limits a booking to the services the API takes at once', () => {
    let draft = newDraft('mitte');
    const many = {
      ...config,
      services: Array.from({ length: 7 }, (_, i) => ({ ...config.services[0]!, id: `s${i}` })),
    };
    for (const service of many.services) draft = toggleService(many, draft, service.id);
    expect(draft.serviceIds.length).to.equal(MAX_SERVICES);
  });

  it('sums durations and prices; no total price when a service has none', () => {
    expect(totals(config, ['cut', 'colour'])).to.deep.equal({ minutes: 135, price: 11550 });
    expect(totals(config, ['cut', 'beard'])).to.deep.equal({ minutes: 65, price: null });
  });

  it('offers each time once for any staff, in order', () => {
    const slots = [
      { starts_at: '2026-12-01T09:15:00.000Z', staff_id: 'ana' },
      { starts_at: '2026-12-01T09:00:00.000Z', staff_id: 'cleo' },
      { starts_at: '2026-12-01T09:00:00.000Z', staff_id: 'ana' },
    ];
    expect(slotTimes(slots)).to.deep.equal(['2026-12-01T09:00:00.000Z', '2026-12-01T09:15:00.000Z']);
  });

  it('checks the contact details and maps the API’s field names', () => {
    const empty = newDraft().contact;
    expect(Object.keys(contactErrors(empty))).to.deep.equal(['name', 'phone', 'consent']);
    const filled = { ...empty, name: 'Mia', phone: '+44 (7400) 900-123', consent: true };
    expect(contactErrors(filled)).to.deep.equal({});
    expect(contactErrors({ ...filled, email: 'mia@' })).to.deep.equal({ email: true });
    expect(contactErrors({ ...filled, phone: 'call me' })).to.deep.equal({ phone: true });
    expect(contactField('client.phone')).to.equal('phone');
    expect(contactField('comment')).to.equal('comment');
    expect(contactField('starts_at')).to.equal(null);
  });

  it('builds the request: no staff_id for any staff, optional fields only when given', () => {
    let draft = toggleService(config, newDraft('mitte'), 'cut');
    draft = chooseTime(chooseDate(draft, '2026-12-01'), '2026-12-01T09:00:00.000Z');
    draft = editContact(draft, { name: ' Mia ', phone: '0151 1', consent: true });
    expect(bookingRequest(draft)).to.deep.equal({
      location_id: 'mitte',
      service_ids: ['cut'],
      starts_at: '2026-12-01T09:00:00.000Z',
      client: { name: 'Mia', phone: '0151 1' },
    });
    draft = editContact(chooseStaff(draft, 'ana'), { email: 'mia@example.com', marketing: true, comment: 'Hi' });
    draft = chooseTime(draft, '2026-12-01T09:00:00.000Z');
    expect(bookingRequest(draft)).to.deep.include({ staff_id: 'ana', comment: 'Hi' });
    expect(bookingRequest(draft).client).to.deep.equal({
      name: 'Mia',
      phone: '0151 1',
      email: 'mia@example.com',
      marketing_allowed: true,
    });
  });

  it('keeps one Idempotency-Key per request, and makes a new one when anything changes', () => {
    const keys = new IdempotencyKeys();
    const request = bookingRequest(chooseTime(toggleService(config, newDraft('mitte'), 'cut'), 'T'));
    const key = keys.keyFor(request);
    expect(keys.keyFor({ ...request })).to.equal(key);
    expect(keys.keyFor({ ...request, starts_at: 'U' })).to.not.equal(key);
  });
});

describe('dates and times in the location’s zone', () => {
  it('computes the salon’s date, hour and time whatever the visitor’s zone', () => {
    // 23:30 UTC on 31 December is 00:30 on New Year's Day in Berlin.
    const instant = '2026-12-31T23:30:00.000Z';
    expect(dateInZone(new Date(instant), 'Europe/Berlin')).to.equal('2027-01-01');
    expect(dateInZone(new Date(instant), 'America/New_York')).to.equal('2026-12-31');
    expect(hourInZone(instant, 'Europe/Berlin')).to.equal(0);
    expect(formatTime(instant, 'de', 'Europe/Berlin')).to.equal('0:30');
    expect(formatTime(instant, 'en-US', 'Asia/Tokyo')).to.equal('8:30 AM');
  });

  it('adds days across month ends and DST changes, and names the months shown', () => {
    expect(addDays('2026-10-24', 7)).to.equal('2026-10-31');
    expect(addDays('2026-12-29', 5)).to.equal('2027-01-03');
    expect(monthRange('2026-11-02', '2026-11-08', 'en')).to.equal('November 2026');
    expect(monthRange('2026-11-26', '2026-12-02', 'en').replace(/\s/g, ' ')).to.equal('Nov – Dec 2026');
  });
});
