import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import {
  $,
  type Appointment,
  axeViolations,
  book,
  booking,
  heading,
  newPhone,
  part,
  parts,
  pickTime,
  proceed,
  slots,
  text,
  toTime,
  type,
  widget,
} from '../../test/booking.js';
import type { CbBookingWidget } from './booking-widget.component.js';

const APPOINTMENTS = '/v1/public/booking/appointments';

/** Counts `cb-booking-created` events. */
function createdEvents(el: CbBookingWidget): Appointment[] {
  const seen: Appointment[] = [];
  el.addEventListener('cb-booking-created', (event) => seen.push(event.detail.appointment));
  return seen;
}

/** Replaces window.fetch for booking requests while a test runs; other requests go to the real API. */
function interceptBookings(answer: (request: Request, real: typeof fetch) => Promise<Response>): {
  requests: Request[];
  restore: () => void;
} {
  const real = window.fetch;
  const requests: Request[] = [];
  window.fetch = (input, init) => {
    const request = new Request(input, init);
    if (!request.url.endsWith(APPOINTMENTS)) return real(input, init);
    requests.push(request.clone());
    return answer(request, real);
  };
  return { requests, restore: () => (window.fetch = real) };
}

describe('cb-booking-widget when a booking is refused or fails', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('refuses a blacklisted client typed in another format: neutral message, salon phone, cb-booking-refused', async () => {
    const el = await widget({ location: 'Mitte' });
    const created = createdEvents(el);
    await toTime(el, ['Haircut']);
    await pickTime(el);
    // The client is +4915112345678; the visitor types the national format.
    expect(booking.clients.blacklisted.phone).to.equal('+4915112345678');
    const refused = oneEvent(el, 'cb-booking-refused');
    await book(el, { phone: '0151 1234 5678' });
    const event = (await refused) as CustomEvent<{ code: string }>;
    expect(event.detail).to.deep.equal({ code: 'online_booking_disabled' });
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;

    expect(text(part(el, 'refusal'))).to.equal(
      `Online booking isn't available for you. Please contact the salon to book: ${booking.salonPhone}`,
    );
    const link = part(el, 'phone-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('tel:+4930123456');
    expect(created).to.deep.equal([]);
    expect(el.shadowRoot?.activeElement?.id).to.equal('step-heading');
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('when another visitor takes the time first, says so and goes back to fresh times', async () => {
    // Two widgets on one page reach the same time for Colouring (only Ana does it); the first one books it.
    const first = await widget({ location: 'Mitte' });
    const second = await widget({ location: 'Mitte' });
    await toTime(first, ['Colouring']);
    await toTime(second, ['Colouring']);
    const startsAt = await pickTime(first, 1);
    expect(await pickTime(second, 1)).to.equal(startsAt);
    const created = oneEvent(first, 'cb-booking-created');
    await book(first, { phone: newPhone() });
    await created;

    const lost = createdEvents(second);
    await book(second, { phone: newPhone() });
    await waitUntil(() => heading(second) === 'Pick a date and time', 'did not go back to the times');
    expect(text(part(second, 'message'))).to.equal(
      'Sorry, that time was just booked by someone else. Please choose another time.',
    );
    expect(part(second, 'message').getAttribute('role')).to.equal('alert');
    const fresh = await slots(second);
    expect(fresh.map((slot) => slot.dataset.startsAt)).to.not.include(startsAt);
    expect(fresh.some((slot) => slot.querySelector('input')?.checked)).to.equal(false);
    expect(lost).to.deep.equal([]);

    // Another time books fine; the contact details were kept.
    await pickTime(second, 0);
    expect($<HTMLInputElement>(second, '#field-name')?.value).to.equal('Test Visitor');
    const booked = oneEvent(second, 'cb-booking-created');
    await proceed(second);
    await booked;
  });

  it('says the booking is pending for a client in the confirmation category', async () => {
    const el = await widget({ location: 'Mitte' });
    await toTime(el, ['Haircut']);
    await pickTime(el);
    const created = oneEvent(el, 'cb-booking-created');
    await book(el, { phone: '+49 151 87654321' });
    const { appointment } = ((await created) as CustomEvent<{ appointment: Appointment }>).detail;
    expect(appointment.status).to.equal('pending');
    await el.updateComplete;
    expect(part(el, 'confirmation').dataset.status).to.equal('pending');
    expect(heading(el)).to.equal('Booking received');
    expect(text(part(el, 'confirmation'))).to.contain("We'll confirm your booking shortly.");
  });

  it('checks the fields before sending, and shows the server’s 422 next to the phone field', async () => {
    const el = await widget({ location: 'Mitte' });
    await toTime(el, ['Haircut']);
    await pickTime(el);

    await type(el, 'email', 'not-an-email');
    await proceed(el);
    const errors = () =>
      [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[aria-invalid=true]') ?? [])].map((input) => input.id);
    expect(errors()).to.deep.equal(['field-name', 'field-phone', 'field-email', 'field-consent']);
    expect(el.shadowRoot?.activeElement?.id).to.equal('field-name');
    await type(el, 'email', '');

    // A number the browser can't judge, the server can: an unknown country code.
    await book(el, { phone: '+999 12345678' });
    await waitUntil(() => errors().length > 0, 'no field error shown');
    expect(errors()).to.deep.equal(['field-phone']);
    const phone = $<HTMLInputElement>(el, '#field-phone');
    expect(phone?.getAttribute('aria-describedby')).to.equal('field-phone-hint field-phone-error');
    expect(text($(el, '#field-phone-error'))).to.equal('Please enter a valid phone number.');
    expect(el.shadowRoot?.activeElement).to.equal(phone);
    expect(await axeViolations(el)).to.deep.equal([]);

    // Fixing the field clears its error.
    await type(el, 'phone', newPhone());
    expect(errors()).to.deep.equal([]);
  });

  it('asks to wait when rate limited (429), with the seconds the API names', async () => {
    const el = await widget({ location: 'Mitte' });
    await toTime(el, ['Haircut']);
    await pickTime(el);
    restore = interceptBookings(async () =>
      Response.json(
        { error: { code: 'rate_limited', message: 'Too many requests; try again in 7 s.', details: null } },
        { status: 429, headers: { 'Retry-After': '7' } },
      ),
    ).restore;
    await book(el, { phone: newPhone() });
    await waitUntil(() => $(el, '[part~=message]') !== null, 'no message');
    expect(text(part(el, 'message'))).to.match(/^Too many attempts\. Please try again in [67] seconds\.$/);
    expect($<HTMLButtonElement>(el, 'button[type=submit]')?.disabled).to.equal(true);
  });

  it('offers a retry after a network error that reuses the Idempotency-Key, so nothing is booked twice', async () => {
    const el = await widget({ location: 'Mitte' });
    const created = createdEvents(el);
    await toTime(el, ['Haircut']);
    await pickTime(el);
    let calls = 0;
    const replayed: string[] = [];
    const intercepted = interceptBookings(async (request, real) => {
      const response = await real(request);
      replayed.push(response.headers.get('Idempotent-Replayed') ?? 'no');
      // The first answer is lost on the way back, after the server booked.
      if (++calls === 1) throw new TypeError('Failed to fetch');
      return response;
    });
    restore = intercepted.restore;

    await book(el, { phone: newPhone() });
    await waitUntil(() => $(el, '[part~=message]') !== null, 'no message');
    expect(text(part(el, 'message'))).to.contain("The salon's booking service could not be reached.");
    expect(heading(el)).to.equal('Your details');

    const booked = oneEvent(el, 'cb-booking-created');
    part(el, 'message').querySelector('button')?.click();
    await booked;
    const [firstKey, secondKey] = intercepted.requests.map((request) => request.headers.get('Idempotency-Key'));
    expect(firstKey).to.match(/^[0-9a-f-]{32,36}$/);
    expect(secondKey).to.equal(firstKey);
    expect(replayed).to.deep.equal(['no', 'true']);
    expect(created.length).to.equal(1);
  });

  it('marks the days when the week could not be loaded, and asks again on retry', async () => {
    const el = await widget({ location: 'Mitte' });
    const real = window.fetch;
    let offline = true;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (offline && url.includes('/booking/days?')) return Promise.reject(new TypeError('Failed to fetch'));
      return real(input, init);
    };
    restore = () => (window.fetch = real);
    await toTime(el, ['Haircut']);
    await waitUntil(() => $(el, '[part~=message]') !== null, 'no message');
    expect(text(part(el, 'message'))).to.contain('The free times could not be loaded.');
    expect(parts(el, 'day').map((day) => day.dataset.state)).to.deep.equal(Array(7).fill('error'));
    expect($(el, '.skeleton')).to.equal(null);

    offline = false;
    part(el, 'message').querySelector('button')?.click();
    await slots(el);
    expect($(el, '[part~=message]')).to.equal(null);
    expect(parts(el, 'day').every((day) => day.dataset.state === 'free' || day.dataset.state === 'empty')).to.equal(
      true,
    );
  });

  it('sends one request for a double click', async () => {
    const el = await widget({ location: 'Mitte' });
    await toTime(el, ['Haircut']);
    await pickTime(el);
    const intercepted = interceptBookings((request, real) => real(request));
    restore = intercepted.restore;
    await type(el, 'name', 'Double Click');
    await type(el, 'phone', newPhone());
    $<HTMLInputElement>(el, '#field-consent')?.click();
    await el.updateComplete;
    const button = $<HTMLButtonElement>(el, 'button[type=submit]');
    const created = oneEvent(el, 'cb-booking-created');
    button?.click();
    button?.click();
    await created;
    expect(intercepted.requests.length).to.equal(1);
  });
});
