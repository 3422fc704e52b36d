import { CbBookingWidget } from './booking-widget.component.js';

export { CbBookingWidget };

if (!customElements.get('cb-booking-widget')) customElements.define('cb-booking-widget', CbBookingWidget);

declare global {
  interface HTMLElementTagNameMap {
    'cb-booking-widget': CbBookingWidget;
  }
}
