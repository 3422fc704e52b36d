import './booking-widget/booking-widget.js';

export {
  ApiError,
  ApiError as BookingApiError,
  type Appointment,
  type BookingClient,
  type BookingConfig,
  type BookingLocation,
  type BookingRequest,
  type BookingService,
  type BookingStaff,
  bookingClient,
  type DaysQuery,
  type FreeDay,
  fetchBookingConfig,
  type Slot,
  type SlotChoice,
  type SlotQuery,
} from './api.js';
export { CbBookingWidget } from './booking-widget/booking-widget.component.js';
export type { BookingCreatedDetail, BookingRefusedDetail } from './events.js';
export { formatDuration, formatPrice } from './format.js';
export { type Locale, resolveLocale } from './localize.js';
