// A typed client for the four public booking endpoints (docs/api.md, "Bookings"). The publishable key travels in
// `X-Publishable-Key`; no cookies are sent. Every failure is an ApiError with the API's error code.

/** `GET /v1/public/booking/config`. */
export interface BookingConfig {
  business: { name: string; phone: string | null; currency?: string | null };
  locations: BookingLocation[];
  services: BookingService[];
  staff: BookingStaff[];
}

export interface BookingLocation {
  id: string;
  name: string;
  timezone: string;
  address?: string | null;
  phone?: string | null;
}

export interface BookingService {
  id: string;
  name: string;
  duration_minutes: number;
  /** Minor units of the business currency; null when the salon shows no price. */
  price: number | null;
}

export interface BookingStaff {
  id: string;
  name: string;
  location_ids: string[];
  service_ids: string[];
}

/** One free start: a time free for several staff members appears once per member. */
export interface Slot {
  starts_at: string;
  staff_id: string;
}

/** What free times depend on: the location, the services and the staff member. */
export interface SlotChoice {
  location_id: string;
  service_ids: readonly string[];
  /** Omitted: any staff member who does all the services at the location. */
  staff_id?: string | null;
}

/** `GET /v1/public/booking/slots`: one day's free starts. */
export interface SlotQuery extends SlotChoice {
  /** `YYYY-MM-DD` in the location's time zone. */
  date: string;
}

/** `GET /v1/public/booking/days`: how many free starts each of `days` dates from `from` has. */
export interface DaysQuery extends SlotChoice {
  /** `YYYY-MM-DD` in the location's time zone. */
  from: string;
  /** 1–31; 7 when omitted. */
  days?: number;
}

/** One date and its number of free starts (0: nothing free, or not bookable). */
export interface FreeDay {
  date: string;
  free: number;
}

/** `POST /v1/public/booking/appointments`. */
export interface BookingRequest {
  location_id: string;
  service_ids: string[];
  /** Omitted: the server gives the time to a free staff member. */
  staff_id?: string;
  starts_at: string;
  client: { name: string; phone: string; email?: string; marketing_allowed?: boolean };
  comment?: string;
}

export interface Appointment {
  id: string;
  /** `pending` when the salon confirms online bookings of this client by hand. */
  status: 'pending' | 'confirmed' | 'arrived' | 'no_show' | 'cancelled';
  starts_at: string;
  ends_at: string;
  location_id: string;
  staff_id: string;
  service_ids: string[];
  client_id: string;
  [field: string]: unknown;
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A failed call. `code` is the API's error code (`slot_taken`, `validation_failed`, …), or `network_error` (status 0)
 * and `invalid_response`. `details` lists the invalid fields of a 422; `retryAfter` is the seconds a 429 asks to wait.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

export interface BookingClient {
  config(signal?: AbortSignal): Promise<BookingConfig>;
  slots(query: SlotQuery, signal?: AbortSignal): Promise<Slot[]>;
  /** The free starts per date of a date range in one request (a week strip). */
  days(query: DaysQuery, signal?: AbortSignal): Promise<FreeDay[]>;
  /** `idempotencyKey`: the same key for a retry of the same request, so it never books twice. */
  book(request: BookingRequest, idempotencyKey: string): Promise<Appointment>;
}

export function bookingClient(apiBase: string, publishableKey: string): BookingClient {
  const root = `${apiBase.replace(/\/+$/, '')}/v1/public/booking/`;

  async function call<T>(path: string, init: RequestInit, valid: (body: unknown) => boolean): Promise<T> {
    let response: Response;
    try {
      response = await fetch(root + path, {
        ...init,
        credentials: 'omit',
        headers: { Accept: 'application/json', 'X-Publishable-Key': publishableKey, ...init.headers },
      });
    } catch (cause) {
      if (init.signal?.aborted) throw cause;
      throw new ApiError(0, 'network_error', 'The booking service could not be reached.');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
      const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
      throw new ApiError(
        response.status,
        typeof error?.code === 'string' ? error.code : `http_${response.status}`,
        typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`,
        Array.isArray(error?.details) ? (error.details as FieldError[]) : [],
        retryAfter > 0 ? retryAfter : null,
      );
    }
    if (!valid(body)) throw new ApiError(response.status, 'invalid_response', 'The answer is malformed.');
    return body as T;
  }

  /** A GET of the choice plus `extra`, answering `{ [name]: T[] }`. */
  async function list<T>(
    name: 'slots' | 'days',
    choice: SlotChoice,
    extra: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<T[]> {
    const params = new URLSearchParams({
      location_id: choice.location_id,
      service_ids: choice.service_ids.join(','),
      ...extra,
    });
    if (choice.staff_id) params.set('staff_id', choice.staff_id);
    const body = await call<Record<string, T[]>>(`${name}?${params}`, { signal: signal ?? null }, (value) =>
      Array.isArray((value as Record<string, unknown> | null)?.[name]),
    );
    return body[name] as T[];
  }

  return {
    config: (signal) => call<BookingConfig>('config', { signal: signal ?? null }, isBookingConfig),
    slots: (query, signal) => list<Slot>('slots', query, { date: query.date }, signal),
    days: (query, signal) => list<FreeDay>('days', query, { from: query.from, days: `${query.days ?? 7}` }, signal),
    book: (request, idempotencyKey) =>
      call<Appointment>(
        'appointments',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
          body: JSON.stringify(request),
        },
        (value) => typeof (value as Appointment | null)?.id === 'string',
      ),
  };
}

/** The configuration alone (kept for hosts that show a salon's services themselves). */
export function fetchBookingConfig(apiBase: string, publishableKey: string, signal?: AbortSignal) {
  return bookingClient(apiBase, publishableKey).config(signal);
}

function isBookingConfig(value: unknown): boolean {
  const config = value as Partial<BookingConfig> | null | undefined;
  return (
    typeof config?.business?.name === 'string' &&
    Array.isArray(config.locations) &&
    Array.isArray(config.services) &&
    Array.isArray(config.staff)
  );
}
