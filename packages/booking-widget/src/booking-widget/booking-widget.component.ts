import { localized } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { type BookingConfig, type BookingService, fetchBookingConfig, servicesAt } from '../api.js';
import { formatDuration, formatPrice, intlLocale } from '../format.js';
import { message, resolveLocale, setLocale } from '../localize.js';
import { bookingWidgetStyles } from './booking-widget.styles.js';

type LoadState = { status: 'loading' } | { status: 'ready'; config: BookingConfig } | { status: 'error' };

/**
 * @summary Online booking for a salon's own site: lists the salon's services to book; one tag, no iframe.
 * @tag cb-booking-widget
 *
 * @csspart base - The card holding the header and the services.
 * @csspart header - The salon's name (and location) above the services.
 * @csspart services - The list of services.
 * @csspart service - One service's selectable button.
 * @csspart message - The loading-failure or no-services message.
 * @csspart button - The button that opens the dialog (`mode="button"`).
 * @csspart dialog - The dialog (`mode="button"`).
 * @csspart close-button - The dialog's close button.
 *
 * @cssproperty --cb-booking-widget-background - Card and dialog background. Defaults to `--cb-color-background`.
 * @cssproperty --cb-booking-widget-accent - Selected services and the open button. Defaults to `--cb-color-primary`.
 * @cssproperty --cb-booking-widget-radius - Corner radius of the card and dialog. Defaults to `--cb-radius-lg`.
 * @cssproperty --cb-booking-widget-max-width - Widest the inline card grows. Defaults to `44rem`.
 */
@localized()
export class CbBookingWidget extends LitElement {
  static override styles = bookingWidgetStyles;

  /** The API's origin plus any path prefix, without `/v1`. Empty means the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The salon's publishable key (`pk_…`). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** Shows only this location's services (those its staff offer); all services when unset. */
  @property({ attribute: 'location-id' }) locationId: string | null = null;

  /**
   * BCP 47 language tag for texts, prices and durations; defaults to the page's `lang`, then the browser's language.
   * Texts follow the widget updated last when widgets on one page ask for different languages.
   */
  @property() locale: string | null = null;

  /** `inline` shows the booking card in place; `button` shows a button that opens it in a dialog. */
  @property({ reflect: true }) mode: 'inline' | 'button' = 'inline';

  /** Colour scheme of the design tokens. */
  @property({ reflect: true }) theme: 'light' | 'dark' = 'light';

  @state() private load: LoadState = { status: 'loading' };
  @state() private selectedServiceIds: ReadonlySet<string> = new Set();

  @query('dialog') private dialog?: HTMLDialogElement | null;

  private abortController: AbortController | null = null;
  // The api-base and key the current (or last) configuration was fetched for.
  private loadedFor: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    // Reattached after a disconnect aborted the fetch: fetch again.
    if (this.hasUpdated && this.loadedFor === null) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abortController?.abort();
    this.abortController = null;
    this.loadedFor = null;
  }

  protected override willUpdate(): void {
    // @lit/localize holds one locale per bundle: the widget last updated sets it for all widgets on the page.
    void setLocale(resolveLocale(this.languageTag));
    const target = `${this.apiBase}\n${this.publishableKey}`;
    if (this.isConnected && target !== this.loadedFor) {
      this.loadedFor = target;
      void this.fetchConfig();
    }
  }

  /** Opens the dialog (`mode="button"`); focus moves into it. */
  show(): void {
    this.dialog?.showModal();
  }

  /** Closes the dialog (`mode="button"`); focus returns to the button. */
  hide(): void {
    this.dialog?.close();
  }

  private async fetchConfig(): Promise<void> {
    this.abortController?.abort();
    const controller = new AbortController();
    this.abortController = controller;
    this.load = { status: 'loading' };
    if (!this.publishableKey) {
      console.warn('<cb-booking-widget>: the publishable-key attribute is missing.');
      this.load = { status: 'error' };
      return;
    }
    try {
      const config = await fetchBookingConfig(this.apiBase, this.publishableKey, controller.signal);
      if (!controller.signal.aborted) this.load = { status: 'ready', config };
    } catch (error) {
      if (controller.signal.aborted) return;
      console.warn('<cb-booking-widget>: the booking configuration could not be loaded.', error);
      this.load = { status: 'error' };
    }
  }

  private get languageTag(): string {
    return intlLocale(this.locale || document.documentElement.lang || navigator.language);
  }

  private toggleService(id: string): void {
    const selected = new Set(this.selectedServiceIds);
    if (!selected.delete(id)) selected.add(id);
    this.selectedServiceIds = selected;
  }

  protected override render() {
    if (this.mode !== 'button') return this.renderCard();
    return html`
      <button part="button" class="trigger" type="button" aria-haspopup="dialog" @click=${this.show}>
        ${message('bookAppointment')}
      </button>
      <dialog part="dialog" class="dialog" aria-label=${this.dialogLabel()}>
        <button part="close-button" class="close" type="button" @click=${this.hide}>${message('close')}</button>
        ${this.renderCard()}
      </dialog>
    `;
  }

  private dialogLabel(): string {
    return this.load.status === 'ready' ? this.load.config.business.name : message('bookAppointment');
  }

  private renderCard() {
    const { load } = this;
    return html`
      <section part="base" class="base" aria-busy=${load.status === 'loading' ? 'true' : 'false'}>
        ${load.status === 'loading' ? this.renderSkeleton() : nothing}
        ${load.status === 'error' ? html`<p part="message" class="message" role="alert">${message('unavailable')}</p>` : nothing}
        ${load.status === 'ready' ? this.renderConfig(load.config) : nothing}
      </section>
    `;
  }

  private renderSkeleton() {
    return html`
      <p class="visually-hidden" role="status">${message('loading')}</p>
      <div class="skeleton" aria-hidden="true">
        <div class="skeleton-block title-block"></div>
        <div class="skeleton-block"></div>
        <div class="skeleton-block"></div>
        <div class="skeleton-block"></div>
      </div>
    `;
  }

  private renderConfig(config: BookingConfig) {
    const location = this.locationId ? config.locations.find((item) => item.id === this.locationId) : undefined;
    const services = servicesAt(config, this.locationId);
    return html`
      <header part="header" class="header">
        <h2 class="title">${config.business.name}</h2>
        ${location ? html`<p class="subtitle">${location.name}</p>` : nothing}
      </header>
      <h3 class="services-title" id="services-title">${message('services')}</h3>
      ${
        services.length === 0
          ? html`<p part="message" class="message">${message('noServices')}</p>`
          : html`
            <ul part="services" class="services" aria-labelledby="services-title">
              ${services.map((service) => this.renderService(service, config.business.currency))}
            </ul>
          `
      }
    `;
  }

  private renderService(service: BookingService, currency: string | null | undefined) {
    const tag = this.languageTag;
    const details = [formatDuration(service.duration_minutes, tag)];
    if (service.price !== null) details.push(formatPrice(service.price, tag, currency));
    return html`
      <li>
        <button
          part="service"
          class="service"
          type="button"
          aria-pressed=${this.selectedServiceIds.has(service.id) ? 'true' : 'false'}
          data-service-id=${service.id}
          @click=${() => this.toggleService(service.id)}
        >
          <span class="service-name">${service.name}</span>
          <span class="service-meta">${details.join(' · ')}</span>
        </button>
      </li>
    `;
  }
}
