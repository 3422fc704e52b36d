// Helpers for the widget's browser tests: the real API's test catalogue (web-test-runner.config.mjs), driving the
// widget through its steps the way a visitor does, and axe-core.
import 'axe-core/axe.min.js';
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { AxeResults } from 'axe-core';
import type { Appointment } from '../src/api.js';
import type { CbBookingWidget } from '../src/booking-widget/booking-widget.component.js';
import '../src/booking-widget/booking-widget.js';

export interface TestBooking {
  apiBase: string;
  keys: { euro: string; yen: string };
  locations: Record<string, string>;
  services: Record<string, string>;
  staff: Record<string, string>;
  salonPhone: string;
  clients: { blacklisted: { phone: string }; needsConfirmation: { phone: string } };
}

export const booking = (await (await fetch('/test-booking')).json()) as TestBooking;

/** A widget on the euro salon (two locations); `location` fixes one by name. */
export async function widget(
  options: { location?: string; locale?: string; mode?: 'inline' | 'button'; key?: string } = {},
): Promise<CbBookingWidget> {
  const locationId = options.location ? booking.locations[options.location] : undefined;
  const el = await fixture<CbBookingWidget>(html`<cb-booking-widget
    api-base=${booking.apiBase}
    publishable-key=${options.key ?? booking.keys.euro}
    location-id=${locationId ?? ''}
    locale=${options.locale ?? 'en'}
    mode=${options.mode ?? 'inline'}
  ></cb-booking-widget>`);
  await waitUntil(() => $(el, '[part~=base]')?.getAttribute('aria-busy') === 'false', 'widget did not load');
  await el.updateComplete;
  return el;
}

export function parts(el: CbBookingWidget, part: string): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~='${part}']`) ?? [])];
}

export function part(el: CbBookingWidget, part: string, text?: string): HTMLElement {
  const found = parts(el, part).find((item) => text === undefined || item.textContent?.includes(text));
  if (!found) throw new Error(`No part ${part}${text ? ` with "${text}"` : ''}`);
  return found;
}

export const $ = <T extends Element = HTMLElement>(el: CbBookingWidget, selector: string): T | null =>
  el.shadowRoot?.querySelector<T>(selector) ?? null;

export const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

export const heading = (el: CbBookingWidget) => text($(el, '#step-heading'));

/** Clicks a card (its native input) and waits for the render. */
export async function choose(el: CbBookingWidget, partName: string, label?: string): Promise<void> {
  part(el, partName, label).querySelector('input')?.click();
  await el.updateComplete;
}

/** Presses the main button (Continue / Book now) and waits for the render. */
export async function proceed(el: CbBookingWidget): Promise<void> {
  const button = $<HTMLButtonElement>(el, 'button[type=submit]');
  if (!button || button.disabled) throw new Error(`The main button is disabled on "${heading(el)}"`);
  button.click();
  await el.updateComplete;
}

export async function back(el: CbBookingWidget): Promise<void> {
  part(el, 'back-button').click();
  await el.updateComplete;
}

/** Waits until the chosen day's times are shown; returns the slot elements. */
export async function slots(el: CbBookingWidget): Promise<HTMLElement[]> {
  await waitUntil(() => parts(el, 'slot').length > 0, 'no free times were shown', { timeout: 5000 });
  return parts(el, 'slot');
}

/** From the services step to the time step of a location-fixed widget, any staff unless named. */
export async function toTime(el: CbBookingWidget, services: string[], staff?: string): Promise<void> {
  for (const service of services) await choose(el, 'service', service);
  await proceed(el);
  if (staff) await choose(el, 'staff', staff);
  await proceed(el);
}

/** Chooses the `index`th free time and goes on to the details step; returns its start. */
export async function pickTime(el: CbBookingWidget, index = 0): Promise<string> {
  const slot = (await slots(el))[index] as HTMLElement;
  slot.querySelector('input')?.click();
  await el.updateComplete;
  await proceed(el);
  return slot.dataset.startsAt as string;
}

export async function type(el: CbBookingWidget, field: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#field-${field}`);
  if (!input) throw new Error(`No field ${field}`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Fills the details (consent given) and presses Book now. */
export async function book(el: CbBookingWidget, contact: { name?: string; phone: string }): Promise<void> {
  await type(el, 'name', contact.name ?? 'Test Visitor');
  await type(el, 'phone', contact.phone);
  const consent = $<HTMLInputElement>(el, '#field-consent');
  if (consent && !consent.checked) consent.click();
  await el.updateComplete;
  await proceed(el);
}

/** A phone no client of the test salon has: every booking in the suite is a new visitor unless a test wants one. */
let phones = 0;
export const newPhone = () => `+49 151 ${String(20_000_000 + (Date.now() % 1_000_000) * 10 + ++phones).slice(-8)}`;

/** Books `startsAt` straight through the API, as another visitor would. */
export async function bookDirectly(request: Record<string, unknown>): Promise<Response> {
  return fetch(`${booking.apiBase}/v1/public/booking/appointments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Publishable-Key': booking.keys.euro },
    body: JSON.stringify(request),
  });
}

export type { Appointment };

declare global {
  interface Window {
    axe: typeof import('axe-core');
  }
}

/** axe-core's violations in the widget, as readable lines (empty when clean). */
export async function axeViolations(el: Element): Promise<string[]> {
  // Colours measured halfway through a transition (a button turning enabled) are not the ones a visitor reads.
  const transitions = (el.shadowRoot?.getAnimations() ?? []).filter((animation) => animation instanceof CSSTransition);
  await Promise.all(transitions.map((transition) => transition.finished.catch(() => undefined)));
  const results: AxeResults = await window.axe.run(el, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`).join(', ')})`,
  );
}
