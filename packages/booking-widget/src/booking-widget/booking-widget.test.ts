import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getLocale } from '../localize.js';
import type { CbBookingWidget } from './booking-widget.component.js';
import './booking-widget.js';

// The real API (web-test-runner.config.mjs): a Berlin salon in euros and a Tokyo one in yen.
interface TestBooking {
  apiBase: string;
  keys: { euro: string; yen: string };
  locations: Record<string, string>;
  services: Record<string, string>;
}
const booking = (await (await fetch('/test-booking')).json()) as TestBooking;
const { apiBase } = booking;
const euro = booking.keys.euro;

function parts(el: CbBookingWidget, part: string): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~='${part}']`) ?? [])];
}

async function loaded(el: CbBookingWidget): Promise<CbBookingWidget> {
  await waitUntil(() => parts(el, 'header').length > 0 || parts(el, 'message').length > 0, 'widget did not load');
  return el;
}

/** Waits until @lit/localize has loaded `locale` and the widget has re-rendered in it. */
async function speaks(el: CbBookingWidget, locale: 'en' | 'de'): Promise<void> {
  await waitUntil(() => getLocale() === locale, `the ${locale} texts did not load`);
  await el.updateComplete;
}

describe('cb-booking-widget', () => {
  it('paints a skeleton while the configuration loads', async () => {
    // Checked right after the first render, before the request can have been answered (that takes a network turn).
    const el = document.createElement('cb-booking-widget');
    el.setAttribute('api-base', apiBase);
    el.setAttribute('publishable-key', euro);
    document.body.append(el);
    await el.updateComplete;
    const base = parts(el, 'base')[0];
    expect(base?.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot?.querySelectorAll('.skeleton-block').length).to.be.greaterThan(0);
    expect(el.shadowRoot?.querySelector('[role=status]')?.textContent).to.equal('Loading services…');
    await expect(el).to.be.accessible();

    await loaded(el);
    expect(base?.getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot?.querySelector('.skeleton')).to.equal(null);
    el.remove();
  });

  it('renders the salon and its services with durations and prices', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget api-base=${apiBase} publishable-key=${euro} locale="en-US"></cb-booking-widget>`,
      ),
    );
    await expect(el).to.be.accessible();
    expect(parts(el, 'header')[0]?.textContent).to.contain('Salon Aurora');
    const services = parts(el, 'service').map((button) => button.textContent?.replace(/\s+/g, ' ').trim());
    expect(services).to.deep.equal([
      'Beard trim 20 min · €15.00',
      'Colouring 1 hr 30 min · €85.50',
      'Haircut 45 min · €30.00',
    ]);
  });

  it('speaks German when asked, prices in the German format', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget api-base=${apiBase} publishable-key=${euro} locale="de-DE"></cb-booking-widget>`,
      ),
    );
    await speaks(el, 'de');
    expect(el.shadowRoot?.querySelector('.services-title')?.textContent).to.equal('Leistungen');
    const meta = parts(el, 'service')[2]?.querySelector('.service-meta')?.textContent ?? '';
    expect(meta.replace(/\s/g, ' ')).to.equal('45 Min. · 30,00 €');
  });

  it('re-renders its texts when the locale changes', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget api-base=${apiBase} publishable-key=${euro} locale="de" mode="button"></cb-booking-widget>`,
      ),
    );
    await speaks(el, 'de');
    expect(parts(el, 'button')[0]?.textContent?.trim()).to.equal('Termin buchen');
    expect(parts(el, 'close-button')[0]?.textContent).to.equal('Schließen');

    el.locale = 'en-GB';
    await speaks(el, 'en');
    expect(parts(el, 'button')[0]?.textContent?.trim()).to.equal('Book an appointment');
    expect(parts(el, 'close-button')[0]?.textContent).to.equal('Close');
    expect(el.shadowRoot?.querySelector('.services-title')?.textContent).to.equal('Services');
  });

  it('formats prices in the minor unit of the currency (yen has none)', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget api-base=${apiBase} publishable-key=${booking.keys.yen} locale="en"></cb-booking-widget>`,
      ),
    );
    expect(parts(el, 'header')[0]?.textContent).to.contain('Studio Sakura');
    expect(parts(el, 'service')[0]?.querySelector('.service-meta')?.textContent).to.equal('1 hr · ¥5,500');
  });

  it('lists only the services offered at location-id', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget
          api-base=${apiBase}
          publishable-key=${euro}
          location-id=${booking.locations.Kreuzberg}
        ></cb-booking-widget>`,
      ),
    );
    expect(parts(el, 'header')[0]?.textContent).to.contain('Kreuzberg');
    expect(parts(el, 'service').map((button) => button.dataset.serviceId)).to.deep.equal([
      booking.services['Beard trim'],
    ]);
  });

  it('toggles a service when it is pressed', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget api-base=${apiBase} publishable-key=${euro}></cb-booking-widget>`,
      ),
    );
    const haircut = parts(el, 'service')[2] as HTMLButtonElement;
    haircut.click();
    await el.updateComplete;
    expect(haircut.getAttribute('aria-pressed')).to.equal('true');
    haircut.click();
    await el.updateComplete;
    expect(haircut.getAttribute('aria-pressed')).to.equal('false');
  });

  it('shows a neutral, localized message when the key is refused', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget api-base=${apiBase} publishable-key="pk_unknownunknownunknown00" locale="de"></cb-booking-widget>`,
      ),
    );
    await speaks(el, 'de');
    const message = parts(el, 'message')[0];
    expect(message?.getAttribute('role')).to.equal('alert');
    expect(message?.textContent).to.contain('Online-Buchung ist gerade nicht verfügbar');
    await expect(el).to.be.accessible();
  });

  it('in button mode opens a dialog with focus inside, and Escape closes it', async () => {
    const el = await loaded(
      await fixture<CbBookingWidget>(
        html`<cb-booking-widget api-base=${apiBase} publishable-key=${euro} mode="button"></cb-booking-widget>`,
      ),
    );
    const dialog = parts(el, 'dialog')[0] as HTMLDialogElement;
    expect(dialog.open).to.equal(false);
    await expect(el).to.be.accessible();

    const trigger = parts(el, 'button')[0] as HTMLButtonElement;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    expect(dialog.open).to.equal(true);
    expect(dialog.contains(el.shadowRoot?.activeElement ?? null)).to.equal(true);
    expect(parts(el, 'service').length).to.equal(3);
    await expect(el).to.be.accessible();

    const closed = oneEvent(dialog, 'close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog.open).to.equal(false);
  });
});
