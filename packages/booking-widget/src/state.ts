// The booking draft and the steps through it, as plain functions over immutable values: the element renders them,
// and they are unit-tested without a DOM. A choice that invalidates later ones clears those, and only those.
import type { BookingConfig, BookingRequest, BookingService, BookingStaff, Slot } from './api.js';

export type StepId = 'location' | 'services' | 'staff' | 'time' | 'details';

/** The server books at most this many services at once. */
export const MAX_SERVICES = 5;

export interface Contact {
  name: string;
  phone: string;
  email: string;
  comment: string;
  /** Agreed to the processing of their data for the booking: required. */
  consent: boolean;
  /** Asked for news and offers: sent as `client.marketing_allowed`. */
  marketing: boolean;
}

export type ContactField = 'name' | 'phone' | 'email' | 'comment' | 'consent';

export interface Draft {
  readonly locationId: string | null;
  readonly serviceIds: readonly string[];
  /** null: any staff member (the server picks one who is free). */
  readonly staffId: string | null;
  /** `YYYY-MM-DD` in the location's time zone. */
  readonly date: string | null;
  readonly startsAt: string | null;
  readonly contact: Contact;
}

export function newDraft(locationId: string | null = null): Draft {
  return {
    locationId,
    serviceIds: [],
    staffId: null,
    date: null,
    startsAt: null,
    contact: { name: '', phone: '', email: '', comment: '', consent: false, marketing: false },
  };
}

/** The steps in order: a location step only when the business has several and the host fixed none. */
export function stepsFor(config: BookingConfig, fixedLocationId: string | null): StepId[] {
  const steps: StepId[] = ['services', 'staff', 'time', 'details'];
  return !fixedLocationId && config.locations.length > 1 ? ['location', ...steps] : steps;
}

/** A draft for the configuration: the fixed location, or the only one. */
export function startDraft(config: BookingConfig, fixedLocationId: string | null): Draft {
  const only = config.locations.length === 1 ? (config.locations[0]?.id ?? null) : null;
  return newDraft(fixedLocationId || only);
}

/** The services someone at `locationId` offers; all services when no location is chosen. */
export function servicesAt(config: BookingConfig, locationId: string | null | undefined): BookingService[] {
  if (!locationId) return config.services;
  const offered = new Set(
    config.staff.filter((member) => member.location_ids.includes(locationId)).flatMap((member) => member.service_ids),
  );
  return config.services.filter((service) => offered.has(service.id));
}

/** Staff at the location who do every chosen service. */
export function eligibleStaff(config: BookingConfig, draft: Draft): BookingStaff[] {
  const { locationId, serviceIds } = draft;
  if (!locationId) return [];
  return config.staff.filter(
    (member) => member.location_ids.includes(locationId) && serviceIds.every((id) => member.service_ids.includes(id)),
  );
}

export function chooseLocation(config: BookingConfig, draft: Draft, locationId: string): Draft {
  if (draft.locationId === locationId) return draft;
  const offered = new Set(servicesAt(config, locationId).map((service) => service.id));
  return {
    ...draft,
    locationId,
    serviceIds: draft.serviceIds.filter((id) => offered.has(id)),
    staffId: null,
    date: null,
    startsAt: null,
  };
}

export function toggleService(config: BookingConfig, draft: Draft, serviceId: string): Draft {
  const chosen = draft.serviceIds.includes(serviceId);
  if (!chosen && draft.serviceIds.length >= MAX_SERVICES) return draft;
  const serviceIds = chosen ? draft.serviceIds.filter((id) => id !== serviceId) : [...draft.serviceIds, serviceId];
  const next = { ...draft, serviceIds, startsAt: null };
  // A chosen staff member who does not do the new set of services is no longer a choice.
  const keepsStaff = next.staffId === null || eligibleStaff(config, next).some((member) => member.id === next.staffId);
  return keepsStaff ? next : { ...next, staffId: null };
}

export function chooseStaff(draft: Draft, staffId: string | null): Draft {
  return draft.staffId === staffId ? draft : { ...draft, staffId, startsAt: null };
}

export function chooseDate(draft: Draft, date: string): Draft {
  return draft.date === date ? draft : { ...draft, date, startsAt: null };
}

export function chooseTime(draft: Draft, startsAt: string | null): Draft {
  return { ...draft, startsAt };
}

export function editContact(draft: Draft, patch: Partial<Contact>): Draft {
  return { ...draft, contact: { ...draft.contact, ...patch } };
}

/** Whether the visitor may go on from `step`. */
export function stepDone(config: BookingConfig, draft: Draft, step: StepId): boolean {
  switch (step) {
    case 'location':
      return draft.locationId !== null;
    case 'services':
      return draft.serviceIds.length > 0 && eligibleStaff(config, draft).length > 0;
    case 'staff':
      return draft.staffId === null || eligibleStaff(config, draft).some((member) => member.id === draft.staffId);
    case 'time':
      return draft.startsAt !== null;
    case 'details':
      return Object.keys(contactErrors(draft.contact)).length === 0;
  }
}

/** The chosen services' total duration and price (null when a chosen service has no price). */
export function totals(
  config: BookingConfig,
  serviceIds: readonly string[],
): { minutes: number; price: number | null } {
  let minutes = 0;
  let price: number | null = 0;
  for (const service of config.services) {
    if (!serviceIds.includes(service.id)) continue;
    minutes += service.duration_minutes;
    price = price === null || service.price === null ? null : price + service.price;
  }
  return { minutes, price };
}

/**
 * The times to offer. For one staff member, their starts; for any staff, each time once (the server gives it to a
 * free member), in order.
 */
export function slotTimes(slots: readonly Slot[]): string[] {
  return [...new Set(slots.map((slot) => slot.starts_at))].sort();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the visitor must fix before sending, by field (the server checks the phone number for real). */
export function contactErrors(contact: Contact): Partial<Record<ContactField, true>> {
  const errors: Partial<Record<ContactField, true>> = {};
  if (!contact.name.trim()) errors.name = true;
  const digits = contact.phone.replace(/\D/g, '').length;
  if (digits < 5 || digits > 17 || /[^\d\s()+./-]/.test(contact.phone)) errors.phone = true;
  if (contact.email.trim() && !EMAIL.test(contact.email.trim())) errors.email = true;
  if (contact.comment.length > 1000) errors.comment = true;
  if (!contact.consent) errors.consent = true;
  return errors;
}

/** The API's field names (`client.phone`) as the form's. */
export function contactField(apiField: string): ContactField | null {
  const field = apiField.replace(/^client\./, '');
  return field === 'name' || field === 'phone' || field === 'email' || field === 'comment' ? field : null;
}

/** The request for a complete draft. */
export function bookingRequest(draft: Draft): BookingRequest {
  const { contact } = draft;
  const email = contact.email.trim();
  const comment = contact.comment.trim();
  return {
    location_id: draft.locationId ?? '',
    service_ids: [...draft.serviceIds],
    ...(draft.staffId ? { staff_id: draft.staffId } : {}),
    starts_at: draft.startsAt ?? '',
    client: {
      name: contact.name.trim(),
      phone: contact.phone.trim(),
      ...(email ? { email } : {}),
      ...(contact.marketing ? { marketing_allowed: true } : {}),
    },
    ...(comment ? { comment } : {}),
  };
}

/**
 * One Idempotency-Key per set of choices: a retry of the same request (a double click, a retry after a network
 * error) reuses the key, so the server answers the first result instead of booking twice; any change makes a new one.
 */
export class IdempotencyKeys {
  private request = '';
  private key = '';

  keyFor(request: BookingRequest): string {
    const fingerprint = JSON.stringify(request);
    if (fingerprint !== this.request) {
      this.request = fingerprint;
      this.key = newKey();
    }
    return this.key;
  }
}

function newKey(): string {
  // randomUUID needs a secure context; a salon site on plain http still has getRandomValues.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
