/** `GET /v1/public/booking/config` (CONTRACT.md, "Bookings"). */
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

/** A failed public API call; `code` is the API's error code, or `network_error` / `invalid_response`. */
export class BookingApiError extends Error {
  override readonly name = 'BookingApiError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function fetchBookingConfig(
  apiBase: string,
  publishableKey: string,
  signal?: AbortSignal,
): Promise<BookingConfig> {
  const url = `${apiBase.replace(/\/+$/, '')}/v1/public/booking/config`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/json', 'X-Publishable-Key': publishableKey },
      credentials: 'omit',
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new BookingApiError(0, 'network_error', 'The booking service could not be reached.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`;
    throw new BookingApiError(response.status, code, message);
  }
  if (!isBookingConfig(body)) {
    throw new BookingApiError(response.status, 'invalid_response', 'The booking configuration is malformed.');
  }
  return body;
}

function isBookingConfig(value: unknown): value is BookingConfig {
  const config = value as Partial<BookingConfig> | null | undefined;
  return (
    typeof config?.business?.name === 'string' &&
    Array.isArray(config.locations) &&
    Array.isArray(config.services) &&
    Array.isArray(config.staff)
  );
}

/** The services someone at `locationId` offers; all services when no location is chosen. */
export function servicesAt(config: BookingConfig, locationId: string | null | undefined): BookingService[] {
  if (!locationId) return config.services;
  const offered = new Set(
    config.staff.filter((member) => member.location_ids.includes(locationId)).flatMap((member) => member.service_ids),
  );
  return config.services.filter((service) => offered.has(service.id));
}
