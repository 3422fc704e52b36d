import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import {
  $,
  type Appointment,
  axeViolations,
  back,
  book,
  booking,
  choose,
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
import { getLocale } from '../localize.js';
import type { CbBookingWidget } from './booking-widget.component.js';

/** Waits until @lit/localize has loaded `locale` and the widget has re-rendered in it. */
async function speaks(el: CbBookingWidget, locale: 'en' | 'de'): Promise<void> {
  await waitUntil(() => getLocale() === locale, `the ${locale} texts did not load`);
  await el.updateComplete;
}

const berlinTime = (instant: string, locale = 'en') =>
  new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(
    new Date(instant),
  );

describe('cb-booking-widget', () => {
  it('paints a skeleton shaped like the content while the configuration loads', async () => {
    const el = document.createElement('cb-booking-widget');
    el.setAttribute('api-base', booking.apiBase);
    el.setAttribute('publishable-key', booking.keys.euro);
    document.body.append(el);
    await el.updateComplete;
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot?.querySelectorAll('.shimmer.row').length).to.equal(3);
    expect([...(el.shadowRoot?.querySelectorAll('[role=status]') ?? [])].map(text)).to.include('Loading…');

    await waitUntil(() => part(el, 'base').getAttribute('aria-busy') === 'false', 'did not load');
    expect($(el, '.skeleton-frame')).to.equal(null);
    el.remove();
  });

  it('asks for the location first when the business has several and none is set', async () => {
    const el = await widget();
    expect(heading(el)).to.equal('Choose a location');
    expect(parts(el, 'location').map(text)).to.deep.equal(['Kreuzberg', 'Mitte']);
    expect($<HTMLButtonElement>(el, 'button[type=submit]')?.disabled).to.equal(true);

    await choose(el, 'location', 'Kreuzberg');
    await proceed(el);
    expect(heading(el)).to.equal('Choose services');
    expect(text(part(el, 'header'))).to.contain('Kreuzberg');
    // Only what someone at Kreuzberg does.
    expect(parts(el, 'service').map((item) => item.dataset.id)).to.deep.equal([booking.services['Beard trim']]);
  });

  it('lists the services of location-id with durations and prices, and no location step', async () => {
    const el = await widget({ location: 'Mitte', locale: 'en-US' });
    expect(heading(el)).to.equal('Choose services');
    expect(parts(el, 'step-indicator')[0]?.querySelectorAll('li').length).to.equal(4);
    expect(parts(el, 'service').map(text)).to.deep.equal(['Colouring 1 hr 30 min €85.50', 'Haircut 45 min €30.00']);
  });

  it('books a service with any staff member: confirmation shown and cb-booking-created fired', async () => {
    const el = await widget({ location: 'Mitte' });
    await choose(el, 'service', 'Haircut');
    expect(part(el, 'service', 'Haircut').getAttribute('part')).to.contain('selected');
    expect(text(part(el, 'footer'))).to.contain('€30.00 · 45 min');
    await proceed(el);

    expect(heading(el)).to.equal('Choose a staff member');
    // Ana and Cleo both cut hair at Mitte; Ben works at Kreuzberg.
    expect(parts(el, 'staff').map(text)).to.deep.equal([
      'Any staff member Whoever is free at the time you pick',
      'A Ana',
      'C Cleo',
    ]);
    expect(part(el, 'staff', 'Any').querySelector('input')?.checked).to.equal(true);
    await proceed(el);

    expect(heading(el)).to.equal('Pick a date and time');
    const times = await slots(el);
    // A time free for both Ana and Cleo is offered once.
    const starts = times.map((slot) => slot.dataset.startsAt);
    expect(new Set(starts).size).to.equal(starts.length);
    // Shown in the salon's time zone.
    expect(text(times[0])).to.equal(berlinTime(starts[0] as string));
    const chosenDay = parts(el, 'day').find((day) => day.querySelector('input')?.checked);
    expect(chosenDay?.dataset.state).to.equal('free');

    const startsAt = await pickTime(el);
    expect(heading(el)).to.equal('Your details');
    expect(text(part(el, 'summary'))).to.contain(`${berlinTime(startsAt)}`);
    expect(text(part(el, 'summary'))).to.contain('Any staff member');

    const created = oneEvent(el, 'cb-booking-created');
    await book(el, { name: 'Mia Example', phone: newPhone() });
    const event = (await created) as CustomEvent<{ appointment: Appointment }>;
    expect(event.bubbles && event.composed).to.equal(true);
    const { appointment } = event.detail;
    expect(appointment.status).to.equal('confirmed');
    expect(appointment.starts_at).to.equal(startsAt);
    expect(appointment.service_ids).to.deep.equal([booking.services.Haircut]);
    expect([booking.staff.Ana, booking.staff.Cleo]).to.include(appointment.staff_id);

    await el.updateComplete;
    expect(heading(el)).to.equal("You're booked!");
    expect(part(el, 'confirmation').dataset.status).to.equal('confirmed');
    const summary = text(part(el, 'summary'));
    expect(summary).to.contain('Haircut');
    expect(summary).to.contain(berlinTime(startsAt));
    expect(summary).to.contain('€30.00');
    expect($(el, '#step-heading')).to.equal(el.shadowRoot?.activeElement);

    // Another booking starts afresh, the visitor's contact details filled in.
    part(el, 'secondary', 'Book another').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Choose services');
    expect(parts(el, 'service').some((item) => item.querySelector('input')?.checked)).to.equal(false);
    await toTime(el, ['Haircut']);
    await pickTime(el);
    expect($<HTMLInputElement>(el, '#field-name')?.value).to.equal('Mia Example');
  });

  it('costs one /days request per shown week and one /slots request per chosen day, each asked once', async () => {
    const el = await widget({ location: 'Mitte' });
    // Counts the availability requests on their way to the real API; every answer is the API's own.
    const real = window.fetch;
    const asked: URL[] = [];
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      if (/\/booking\/(days|slots)$/.test(url.pathname)) asked.push(url);
      return real(input, init);
    };
    const count = (path: 'days' | 'slots') => asked.filter((url) => url.pathname.endsWith(path)).length;
    const days = () => parts(el, 'day');
    const chosen = () => days().find((day) => day.querySelector('input')?.checked)?.dataset.date;
    /** Waits until the strip shows the week from `first` with every day's state and the chosen day's times. */
    const shown = async (first: (dates: string[]) => boolean) => {
      await waitUntil(
        () => {
          const dates = days().map((day) => day.dataset.date as string);
          return (
            first(dates) && days().every((day) => day.dataset.state !== 'loading') && dates.includes(chosen() ?? '')
          );
        },
        'the week did not load',
        { timeout: 5000 },
      );
      return slots(el);
    };
    try {
      await toTime(el, ['Haircut']);
      await shown(() => true);
      const firstWeek = days().map((day) => day.dataset.date as string);
      expect(count('days')).to.equal(1);
      expect(count('slots')).to.equal(1);
      const [week] = asked.filter((url) => url.pathname.endsWith('days'));
      expect(week?.searchParams.get('from')).to.equal(firstWeek[0]);
      expect(week?.searchParams.get('days')).to.equal('7');
      expect(week?.searchParams.get('service_ids')).to.equal(booking.services.Haircut);
      expect(week?.searchParams.has('staff_id')).to.equal(false);
      // The strip's states are the /days answer; the first free day was chosen and only its times were asked for.
      expect(days().every((day) => ['free', 'empty'].includes(day.dataset.state as string))).to.equal(true);
      const first = days().find((day) => day.dataset.state === 'free')?.dataset.date;
      expect(chosen()).to.equal(first);
      const [times] = asked.filter((url) => url.pathname.endsWith('slots'));
      expect(times?.searchParams.get('date')).to.equal(first);

      // The next week: one more of each.
      const later = parts(el, 'week-button')[1] as HTMLButtonElement;
      later.click();
      await shown((dates) => dates[0] !== firstWeek[0]);
      expect(count('days')).to.equal(2);
      expect(count('slots')).to.equal(2);

      // Another day shows a skeleton while its times load: one request for that day alone.
      const other = days().find((day) => day.dataset.state === 'free' && day.dataset.date !== chosen());
      other?.querySelector('input')?.click();
      await el.updateComplete;
      expect(parts(el, 'slot')).to.deep.equal([]);
      expect(el.shadowRoot?.querySelectorAll('.skeleton .chip').length).to.equal(9);
      expect(text($(el, '.content [role=status]'))).to.equal('Loading free times…');
      await shown(() => true);
      expect(chosen()).to.equal(other?.dataset.date);
      expect(count('days')).to.equal(2);
      expect(count('slots')).to.equal(3);

      // Back to the first week, and on to a later step and back: all known, nothing asked again.
      (parts(el, 'week-button')[0] as HTMLButtonElement).click();
      await shown((dates) => dates[0] === firstWeek[0]);
      expect(chosen()).to.equal(first);
      await pickTime(el);
      await back(el);
      await shown((dates) => dates[0] === firstWeek[0]);
      expect(count('days')).to.equal(2);
      expect(count('slots')).to.equal(3);
    } finally {
      window.fetch = real;
    }
  });

  it('keeps every choice when going back and forth', async () => {
    const el = await widget({ location: 'Mitte' });
    await toTime(el, ['Colouring', 'Haircut'], 'Ana');
    const startsAt = await pickTime(el, 2);
    await type(el, 'name', 'Back And Forth');

    await back(el);
    expect(heading(el)).to.equal('Pick a date and time');
    await slots(el);
    expect(parts(el, 'slot').find((slot) => slot.querySelector('input')?.checked)?.dataset.startsAt).to.equal(startsAt);
    await back(el);
    expect(part(el, 'staff', 'Ana').querySelector('input')?.checked).to.equal(true);
    await back(el);
    expect(parts(el, 'service').filter((item) => item.querySelector('input')?.checked).length).to.equal(2);
    expect(text(part(el, 'footer'))).to.contain('€115.50 · 2 hr 15 min');

    await proceed(el);
    await proceed(el);
    await slots(el);
    expect(parts(el, 'slot').find((slot) => slot.querySelector('input')?.checked)?.dataset.startsAt).to.equal(startsAt);
    await proceed(el);
    expect($<HTMLInputElement>(el, '#field-name')?.value).to.equal('Back And Forth');
    expect(text(part(el, 'summary'))).to.contain('Ana');
  });

  it('is driven by the keyboard: Space chooses, Enter goes on, focus lands on the step heading', async () => {
    const el = await widget({ location: 'Mitte' });
    part(el, 'service', 'Haircut').querySelector('input')?.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(part(el, 'service', 'Haircut').querySelector('input')?.checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Choose a staff member');
    expect(el.shadowRoot?.activeElement?.id).to.equal('step-heading');
    expect(text($(el, '[role=status]'))).to.equal('Step 2 of 4: Choose a staff member');

    // Arrow keys move through a radio group; Enter on a text field submits.
    part(el, 'staff', 'Any').querySelector('input')?.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(part(el, 'staff', 'Ana').querySelector('input')?.checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Pick a date and time');
    await pickTime(el);
    $<HTMLInputElement>(el, '#field-name')?.focus();
    await sendKeys({ type: 'Kim' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // Enter tried to book: the missing fields are named and focus moves to the first.
    expect(el.shadowRoot?.activeElement?.id).to.equal('field-phone');
    expect(text(part(el, 'message'))).to.equal('Please check the highlighted fields.');
  });

  it('speaks German when asked: texts, prices, dates', async () => {
    const el = await widget({ location: 'Mitte', locale: 'de-DE' });
    await speaks(el, 'de');
    expect(heading(el)).to.equal('Leistungen wählen');
    expect(text(part(el, 'service', 'Haircut').querySelector('.option-meta'))).to.equal('45 Min.');
    expect(text(part(el, 'service', 'Haircut').querySelector('.option-end')).replace(/\s/g, ' ')).to.equal('30,00 €');
    await choose(el, 'service', 'Haircut');
    expect(text($(el, 'button[type=submit]'))).to.equal('Weiter');
    await proceed(el);
    expect(text(part(el, 'staff', 'Beliebig'))).to.contain('Beliebiger Mitarbeiter');
    await proceed(el);
    expect(heading(el)).to.equal('Datum und Uhrzeit wählen');
    const weekdays = parts(el, 'day').map((day) => text(day.querySelector('.day-weekday')));
    const german = ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'];
    expect(weekdays.every((day) => german.includes(day.replace('.', '')))).to.equal(true);
    await pickTime(el);
    expect(text($(el, 'label[for=field-phone]'))).to.equal('Telefon');
    expect(text($(el, 'button[type=submit]'))).to.equal('Jetzt buchen');
  });

  it('re-renders its texts when the locale changes', async () => {
    const el = await widget({ location: 'Mitte', locale: 'de', mode: 'button' });
    await speaks(el, 'de');
    expect(text(part(el, 'trigger'))).to.equal('Termin buchen');
    expect(text(part(el, 'close-button'))).to.equal('Schließen');

    el.locale = 'en-GB';
    await speaks(el, 'en');
    expect(text(part(el, 'trigger'))).to.equal('Book an appointment');
    expect(text(part(el, 'close-button'))).to.equal('Close');
    expect(heading(el)).to.equal('Choose services');
  });

  it('formats prices in the minor unit of the currency (yen has none)', async () => {
    const el = await widget({ key: booking.keys.yen });
    expect(text(part(el, 'header'))).to.contain('Studio Sakura');
    // One location: no location step.
    expect(heading(el)).to.equal('Choose services');
    expect(text(part(el, 'service').querySelector('.option-end'))).to.equal('¥5,500');
  });

  it('shows a neutral, localized message when the key is refused', async () => {
    const el = await widget({ key: 'pk_unknownunknownunknown00', locale: 'de' });
    await speaks(el, 'de');
    expect(part(el, 'message').getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'message'))).to.contain('Online-Buchung ist gerade nicht verfügbar');
    expect(text(part(el, 'header'))).to.equal('Termin buchen');
  });

  it('in button mode opens a modal dialog labelled by its heading; Escape closes it and focus returns', async () => {
    const el = await widget({ location: 'Mitte', mode: 'button' });
    const dialog = part(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(false);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('title');
    expect(text($(el, '#title'))).to.equal('Salon Aurora');

    const trigger = part(el, 'trigger');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.contains(el.shadowRoot?.activeElement ?? null)).to.equal(true);
    expect(parts(el, 'service').length).to.equal(2);
    expect(await axeViolations(el)).to.deep.equal([]);

    const closed = oneEvent(dialog, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(trigger);

    // A click on the backdrop closes it too; the choices made stay for the next opening.
    trigger.click();
    await el.updateComplete;
    part(el, 'service', 'Haircut').querySelector('input')?.click();
    await sendMouse({ type: 'click', position: [4, 4] });
    await waitUntil(() => !dialog.open, 'the backdrop did not close the dialog');
    trigger.click();
    await el.updateComplete;
    expect(part(el, 'service', 'Haircut').querySelector('input')?.checked).to.equal(true);
    dialog.close();
  });
});
