import './booking-widget/booking-widget.js';

export {
  BookingApiError,
  type BookingConfig,
  type BookingLocation,
  type BookingService,
  type BookingStaff,
  fetchBookingConfig,
} from './api.js';
export { CbBookingWidget } from './booking-widget/booking-widget.component.js';
export { formatDuration, formatPrice } from './format.js';
export { type Locale, resolveLocale } from './localize.js';
