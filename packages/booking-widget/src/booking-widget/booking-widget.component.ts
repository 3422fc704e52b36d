import { localized } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, type Appointment, type BookingConfig, bookingClient, type SlotChoice } from '../api.js';
import { emit } from '../events.js';
import { addDays, dateInZone, formatSeconds, intlLocale } from '../format.js';
import { type MessageKey, message, resolveLocale, setLocale } from '../localize.js';
import {
  bookingRequest,
  type ContactField,
  chooseDate,
  contactErrors,
  contactField,
  type Draft,
  editContact,
  IdempotencyKeys,
  newDraft,
  type StepId,
  startDraft,
  stepDone,
  stepsFor,
} from '../state.js';
import { Availability, type Times } from './availability.js';
import { bookingWidgetStyles } from './booking-widget.styles.js';
import { calendar, chevronLeft, close } from './icons.js';
import { notice, totalText } from './steps/common.js';
import { detailsStep } from './steps/details.js';
import { locationStep } from './steps/location.js';
import { confirmation, refusal } from './steps/result.js';
import { servicesStep } from './steps/services.js';
import { staffStep } from './steps/staff.js';
import { timeStep } from './steps/time.js';
import type { StepView } from './steps/view.js';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; config: BookingConfig }
  | { status: 'error'; canRetry: boolean };

interface Notice {
  /** Computed at render: follows the locale, and the countdown of a rate limit. */
  text: () => string;
  retry?: () => void;
}

const LABELS: Record<StepId, MessageKey> = {
  location: 'stepLocation',
  services: 'stepServices',
  staff: 'stepStaff',
  time: 'stepTime',
  details: 'stepDetails',
};

const HEADINGS: Record<StepId, MessageKey> = {
  location: 'headingLocation',
  services: 'headingServices',
  staff: 'headingStaff',
  time: 'headingTime',
  details: 'headingDetails',
};

const FIELD_MESSAGES: Record<ContactField, MessageKey> = {
  name: 'nameInvalid',
  phone: 'phoneInvalid',
  email: 'emailInvalid',
  comment: 'commentInvalid',
  consent: 'consentInvalid',
};

const WEEK = 7;
/** Weeks a visitor can page ahead: about the API's default booking horizon of 60 days. */
const WEEKS = 9;

/**
 * @summary Online booking for a salon's own site, in one tag and no iframe: services, staff, date and time, contact
 * details, confirmation.
 * @tag cb-booking-widget
 *
 * @event cb-booking-created - `{ appointment }`: booked; `appointment.status` is `confirmed`, or `pending` when the
 * salon confirms this client's bookings by hand. Bubbles, composed.
 * @event cb-booking-refused - `{ code }`: the salon takes no online bookings from this visitor
 * (`online_booking_disabled`); the widget asks them to call. Bubbles, composed.
 *
 * @csspart base - The card holding everything.
 * @csspart header - The salon's name (and location) at the top.
 * @csspart close-button - The dialog's close button (`mode="button"`).
 * @csspart step-indicator - The progress bar of the steps (an ordered list).
 * @csspart heading - The current step's heading.
 * @csspart option - Every selectable card: a location, service or staff member.
 * @csspart location - A location to choose (several locations and no `location-id`).
 * @csspart services - The list of services.
 * @csspart service - One service: name, duration, price.
 * @csspart staff-list - The list of staff members.
 * @csspart staff - One staff member, or "any staff member".
 * @csspart days - The week of dates.
 * @csspart day - One date.
 * @csspart week-button - The earlier/later dates buttons.
 * @csspart slots - The free times of a part of the day.
 * @csspart slot - One free time.
 * @csspart selected - Added to the chosen option, day or slot.
 * @csspart field - A form field: label, control, hint and error.
 * @csspart input - A text field or the comment box.
 * @csspart summary - The booking summary (details step and confirmation).
 * @csspart footer - The bar with the total and the main button.
 * @csspart button - Every button; also `primary`, `secondary`, `trigger` (opens the dialog), `back-button`.
 * @csspart primary - The main button (Continue, Book now).
 * @csspart secondary - Secondary buttons.
 * @csspart trigger - The button that opens the dialog (`mode="button"`).
 * @csspart back-button - The step's back button.
 * @csspart message - A notice: error, warning, or the refusal.
 * @csspart refusal - The message shown when online booking is refused.
 * @csspart phone-link - The salon's phone in the refusal.
 * @csspart confirmation - The confirmation's icon, heading and text.
 * @csspart dialog - The dialog (`mode="button"`).
 *
 * @cssproperty --cb-booking-widget-background - Card and dialog background. Defaults to `--cb-color-background`.
 * @cssproperty --cb-booking-widget-accent - Selected items, the main button. Defaults to `--cb-color-primary`.
 * @cssproperty --cb-booking-widget-radius - Corner radius of the card and dialog. Defaults to `--cb-radius-lg`.
 * @cssproperty --cb-booking-widget-max-width - Widest the inline card grows. Defaults to `40rem`.
 * @cssproperty --cb-booking-widget-padding - Inner spacing of the card. Defaults to `--cb-space-5` (`--cb-space-4` when narrow).
 * @cssproperty --cb-color-background - Background of the card and of fields.
 * @cssproperty --cb-color-surface - Background of cards inside the widget (summary, notices).
 * @cssproperty --cb-color-surface-raised - Background of options and slots.
 * @cssproperty --cb-color-text - Text colour.
 * @cssproperty --cb-color-text-muted - Secondary text (durations, hints).
 * @cssproperty --cb-color-border - Borders of cards, options and fields.
 * @cssproperty --cb-color-border-strong - Borders on hover.
 * @cssproperty --cb-color-primary - Accent colour: selection, main button, progress.
 * @cssproperty --cb-color-primary-hover - Main button on hover.
 * @cssproperty --cb-color-primary-soft - Tint behind selected options. Defaults to the accent at 10 %.
 * @cssproperty --cb-color-on-primary - Text on the accent colour.
 * @cssproperty --cb-color-danger - Errors.
 * @cssproperty --cb-color-success - The confirmation's icon.
 * @cssproperty --cb-color-warning - The pending confirmation's icon.
 * @cssproperty --cb-color-focus-ring - Keyboard focus ring.
 * @cssproperty --cb-color-skeleton - Loading placeholders.
 * @cssproperty --cb-color-skeleton-highlight - The shimmer over loading placeholders.
 * @cssproperty --cb-color-backdrop - Behind the dialog.
 * @cssproperty --cb-font-family - Font of every text.
 * @cssproperty --cb-font-size-sm - Small text (hints, labels).
 * @cssproperty --cb-font-size-md - Body text.
 * @cssproperty --cb-font-size-lg - The salon's name.
 * @cssproperty --cb-font-size-xl - Step headings.
 * @cssproperty --cb-font-weight-normal - Body text weight.
 * @cssproperty --cb-font-weight-medium - Option titles.
 * @cssproperty --cb-font-weight-semibold - Headings and buttons.
 * @cssproperty --cb-line-height - Line height of body text.
 * @cssproperty --cb-radius-sm - Small corners (checkboxes).
 * @cssproperty --cb-radius-md - Options, slots, fields, buttons.
 * @cssproperty --cb-radius-lg - The card and dialog.
 * @cssproperty --cb-radius-pill - The button that opens the dialog.
 * @cssproperty --cb-space-1 - Spacing scale, smallest (4 px by default).
 * @cssproperty --cb-space-2 - Spacing scale (8 px).
 * @cssproperty --cb-space-3 - Spacing scale (12 px).
 * @cssproperty --cb-space-4 - Spacing scale (16 px).
 * @cssproperty --cb-space-5 - Spacing scale (24 px).
 * @cssproperty --cb-space-6 - Spacing scale, largest (32 px).
 * @cssproperty --cb-control-height - Height of buttons, fields and slots (touch targets).
 * @cssproperty --cb-shadow-sm - Shadow of the inline card.
 * @cssproperty --cb-shadow-md - Shadow of the dialog and the main button.
 */
@localized()
export class CbBookingWidget extends LitElement {
  static override styles = bookingWidgetStyles;

  /** The API's origin plus any path prefix, without `/v1`. Empty means the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The salon's publishable key (`pk_…`). */
  @property({ attribute: 'publishable-key' }) publishableKey = '';

  /** Books at this location; without it, a business with several locations asks the visitor first. */
  @property({ attribute: 'location-id' }) locationId: string | null = null;

  /**
   * BCP 47 language tag for texts, dates, prices and durations; defaults to the page's `lang`, then the browser's.
   * Texts follow the widget updated last when widgets on one page ask for different languages.
   */
  @property() locale: string | null = null;

  /** `inline` shows the booking card in place; `button` shows a button that opens it in a dialog. */
  @property({ reflect: true }) mode: 'inline' | 'button' = 'inline';

  /** Colour scheme: `auto` follows the visitor's system setting (prefers-color-scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  @state() private load: LoadState = { status: 'loading' };
  @state() private draft: Draft = newDraft();
  @state() private step: StepId = 'services';
  @state() private outcome: 'booked' | 'refused' | null = null;
  @state() private appointment: Appointment | null = null;
  @state() private page = 0;
  @state() private notice: Notice | null = null;
  @state() private errors: Partial<Record<ContactField, string>> = {};
  @state() private submitting = false;
  @state() private waitSeconds = 0;
  @state() private announcement = '';

  @query('dialog') private dialog?: HTMLDialogElement | null;

  private client = bookingClient('', '');
  private availability = new Availability(this, () => this.client);
  private keys = new IdempotencyKeys();
  private abortController: AbortController | null = null;
  // The api-base and key the current (or last) configuration was fetched for.
  private loadedFor: string | null = null;
  private focusTarget: string | null = null;
  private countdown: ReturnType<typeof setInterval> | undefined;
  private backdropPressed = false;

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
    clearInterval(this.countdown);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // @lit/localize holds one locale per bundle: the widget last updated sets it for all widgets on the page.
    void setLocale(resolveLocale(this.language));
    const target = `${this.apiBase}\n${this.publishableKey}`;
    if (this.isConnected && target !== this.loadedFor) {
      this.loadedFor = target;
      void this.fetchConfig();
    } else if (changed.has('locationId') && this.load.status === 'ready') {
      this.restart();
    }
    // The chosen day's times, however it was chosen (the first free day, a click, coming back, after slot_taken).
    const { date } = this.draft;
    if (this.step === 'time' && date && !this.times()) void this.availability.loadTimes(this.choice, date);
  }

  protected override updated(): void {
    if (!this.focusTarget) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusTarget)?.focus();
    this.focusTarget = null;
  }

  /** Opens the dialog (`mode="button"`); focus moves into it. */
  show(): void {
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  /** Closes the dialog (`mode="button"`); focus returns to the button. */
  hide(): void {
    this.dialog?.close();
  }

  /** The Intl locale tag of dates, times and prices. */
  private get language(): string {
    return intlLocale(this.locale || document.documentElement.lang || navigator.language);
  }

  private async fetchConfig(): Promise<void> {
    this.abortController?.abort();
    const controller = new AbortController();
    this.abortController = controller;
    this.load = { status: 'loading' };
    this.client = bookingClient(this.apiBase, this.publishableKey);
    if (!this.publishableKey) {
      console.warn('<cb-booking-widget>: the publishable-key attribute is missing.');
      this.load = { status: 'error', canRetry: false };
      return;
    }
    try {
      const config = await this.client.config(controller.signal);
      if (controller.signal.aborted) return;
      this.load = { status: 'ready', config };
      this.restart();
    } catch (error) {
      if (controller.signal.aborted) return;
      console.warn('<cb-booking-widget>: the booking configuration could not be loaded.', error);
      const status = error instanceof ApiError ? error.status : 0;
      this.load = { status: 'error', canRetry: status === 0 || status >= 500 || status === 429 };
    }
  }

  private get config(): BookingConfig | null {
    return this.load.status === 'ready' ? this.load.config : null;
  }

  private get steps(): StepId[] {
    return this.config ? stepsFor(this.config, this.locationId) : [];
  }

  /** The chosen location's time zone: dates and times are the salon's. */
  private get timezone(): string {
    return this.config?.locations.find((item) => item.id === this.draft.locationId)?.timezone ?? 'UTC';
  }

  /** A fresh draft at the first step; the visitor's contact details stay for the next booking. */
  private restart(): void {
    const config = this.config;
    if (!config) return;
    const contact = { ...this.draft.contact, comment: '' };
    this.draft = { ...startDraft(config, this.locationId), contact };
    this.step = this.steps[0] ?? 'services';
    this.outcome = null;
    this.appointment = null;
    this.notice = null;
    this.errors = {};
    this.page = 0;
    this.availability.clear();
    this.keys = new IdempotencyKeys();
  }

  private announce(text: string): void {
    // A repeated text is still announced: it differs by a trailing no-break space.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private goTo(step: StepId): void {
    const steps = this.steps;
    this.step = step;
    this.notice = null;
    this.focusTarget = '#step-heading';
    this.announce(message('stepAnnounced', steps.indexOf(step) + 1, steps.length, message(HEADINGS[step])));
    if (step === 'time') {
      const today = dateInZone(new Date(), this.timezone);
      const { date } = this.draft;
      const days = date ? Math.round((Date.parse(date) - Date.parse(today)) / 86_400_000) : 0;
      this.page = Math.min(WEEKS - 1, Math.max(0, Math.floor(days / WEEK)));
      void this.loadWeek();
    }
  }

  private next(): void {
    const config = this.config;
    if (!config || !stepDone(config, this.draft, this.step)) return;
    const steps = this.steps;
    const following = steps[steps.indexOf(this.step) + 1];
    if (following) this.goTo(following);
  }

  private back = (): void => {
    const steps = this.steps;
    const previous = steps[steps.indexOf(this.step) - 1];
    if (previous) this.goTo(previous);
  };

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.step === 'details') void this.submit();
    else this.next();
  };

  private weekDates(): string[] {
    const today = dateInZone(new Date(), this.timezone);
    return Array.from({ length: WEEK }, (_, index) => addDays(today, this.page * WEEK + index));
  }

  private get choice(): SlotChoice {
    const { locationId, serviceIds, staffId } = this.draft;
    return { location_id: locationId ?? '', service_ids: serviceIds, staff_id: staffId };
  }

  /** The shown week's free starts per date. */
  private get week() {
    return this.availability.week(this.choice, this.weekDates()[0] as string);
  }

  /** The chosen day's times: none when the week's answer says so (no request), else its own `/slots` answer. */
  private times(): Times | undefined {
    const { date } = this.draft;
    if (!date) return undefined;
    const week = this.week;
    if (week?.status === 'ready' && week.value[date] === 0) return { status: 'ready', value: [] };
    return this.availability.times(this.choice, date);
  }

  /** Loads the shown week (one request) and keeps a free chosen date, or chooses the first free one. */
  private async loadWeek(): Promise<void> {
    const page = this.page;
    const dates = this.weekDates();
    const week = await this.availability.loadWeek(this.choice, dates[0] as string);
    if (this.step !== 'time' || this.page !== page) return;
    const free = (date: string) => week.status === 'ready' && (week.value[date] ?? 0) > 0;
    const { date } = this.draft;
    if (date && dates.includes(date) && (free(date) || week.status === 'error')) return;
    const first = dates.find(free);
    if (first) this.draft = chooseDate(this.draft, first);
  }

  private async submit(): Promise<void> {
    if (this.submitting || this.waitSeconds > 0) return;
    const invalid = Object.keys(contactErrors(this.draft.contact)) as ContactField[];
    if (invalid.length) {
      this.showFieldErrors(invalid);
      return;
    }
    const request = bookingRequest(this.draft);
    const key = this.keys.keyFor(request);
    this.submitting = true;
    this.notice = null;
    try {
      const appointment = await this.client.book(request, key);
      this.appointment = appointment;
      this.outcome = 'booked';
      this.focusTarget = '#step-heading';
      this.announce(message(appointment.status === 'pending' ? 'pendingText' : 'confirmedTitle'));
      emit(this, 'cb-booking-created', { appointment });
    } catch (error) {
      this.failed(error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error)));
    } finally {
      this.submitting = false;
    }
  }

  /** What the visitor sees, and where they go, for each way a booking can fail. */
  private failed(error: ApiError): void {
    switch (error.code) {
      case 'online_booking_disabled':
        this.outcome = 'refused';
        this.focusTarget = '#step-heading';
        this.announce(message('refusedNoPhone'));
        emit(this, 'cb-booking-refused', { code: error.code });
        return;
      case 'slot_taken':
        // Someone was faster: fresh times, from the server, for the same choices.
        this.availability.clear();
        this.draft = { ...this.draft, startsAt: null };
        this.goTo('time');
        this.notice = { text: () => message('slotTaken') };
        return;
      case 'validation_failed': {
        const fields = error.details.map((detail) => contactField(detail.field)).filter((field) => field !== null);
        if (!fields.length) break;
        this.showFieldErrors(fields);
        return;
      }
      case 'rate_limited':
        this.waitSeconds = error.retryAfter ?? 30;
        clearInterval(this.countdown);
        this.countdown = setInterval(() => {
          if (--this.waitSeconds > 0) return;
          clearInterval(this.countdown);
          this.notice = null;
        }, 1000);
        this.notice = { text: () => message('rateLimited', formatSeconds(this.waitSeconds, this.language)) };
        return;
    }
    const retry = () => void this.submit();
    this.notice = { text: () => message(error.status === 0 ? 'networkError' : 'failed'), retry };
  }

  private showFieldErrors(fields: ContactField[]): void {
    this.errors = Object.fromEntries(fields.map((field) => [field, message(FIELD_MESSAGES[field])]));
    this.notice = { text: () => message('checkFields') };
    this.focusTarget = `#field-${fields[0]}`;
  }

  protected override render() {
    const card = this.renderCard();
    if (this.mode !== 'button') return card;
    return html`
      <button
        part="button trigger"
        class="button primary trigger"
        type="button"
        aria-haspopup="dialog"
        @click=${this.show}
      >
        ${calendar}<span>${message('bookAppointment')}</span>
      </button>
      <dialog
        part="dialog"
        class="dialog"
        aria-labelledby="title"
        @close=${this.onDialogClose}
        @pointerdown=${this.onDialogPress}
        @click=${this.onDialogClick}
      >
        ${card}
      </dialog>
    `;
  }

  /**
   * A click on the backdrop closes the dialog: the card fills the dialog, so only the backdrop is the dialog itself. A
   * text selection dragged out of the card ends there too, so the press must have started there as well.
   */
  private onDialogPress = (event: PointerEvent): void => {
    this.backdropPressed = event.target === this.dialog;
  };

  private onDialogClick = (event: MouseEvent): void => {
    if (event.target === this.dialog && this.backdropPressed) this.hide();
  };

  private onDialogClose = (): void => {
    // A finished booking is not shown again on the next opening.
    if (this.outcome) this.restart();
  };

  private renderCard() {
    const { load } = this;
    return html`
      <section part="base" class="base" aria-labelledby="title" aria-busy=${load.status === 'loading' ? 'true' : 'false'}>
        ${this.renderHeader()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
        ${load.status === 'ready' ? this.renderBody(load.config) : nothing}
        ${load.status === 'loading' ? this.renderSkeleton() : nothing}
        ${
          load.status === 'error'
            ? html`<div class="content">
              ${notice(
                message('unavailable'),
                load.canRetry ? { label: message('retry'), run: () => void this.fetchConfig() } : undefined,
              )}
            </div>`
            : nothing
        }
      </section>
    `;
  }

  private renderHeader() {
    const config = this.config;
    const location =
      config && config.locations.length > 1
        ? config.locations.find((item) => item.id === this.draft.locationId)
        : undefined;
    return html`
      <header part="header" class="header">
        <div class="header-text">
          <h2 class="title" id="title">
            ${
              this.load.status === 'loading'
                ? html`<span class="visually-hidden">${message('bookAppointment')}</span>
                  <span class="shimmer title-block" aria-hidden="true"></span>`
                : (config?.business.name ?? message('bookAppointment'))
            }
          </h2>
          ${location ? html`<p class="subtitle">${location.name}</p>` : nothing}
        </div>
        ${
          this.mode === 'button'
            ? html`<button part="button close-button" class="icon-button close" type="button" @click=${this.hide}>
              ${close}<span class="visually-hidden">${message('close')}</span>
            </button>`
            : nothing
        }
      </header>
    `;
  }

  private renderSkeleton() {
    return html`
      <p class="visually-hidden" role="status">${message('loading')}</p>
      <div class="skeleton-frame" aria-hidden="true">
        <div class="shimmer bar"></div>
        <div class="shimmer heading-block"></div>
        <div class="skeleton rows">
          <div class="shimmer row"></div>
          <div class="shimmer row"></div>
          <div class="shimmer row"></div>
        </div>
      </div>
    `;
  }

  private renderBody(config: BookingConfig) {
    if (this.outcome === 'refused') {
      const location = config.locations.find((item) => item.id === this.draft.locationId);
      return html`<div class="content">${refusal(location?.phone || config.business.phone)}</div>`;
    }
    if (this.outcome === 'booked' && this.appointment) {
      return html`<div class="content">${confirmation(config, this.appointment, this.language, () => this.again())}</div>`;
    }
    const steps = this.steps;
    const index = steps.indexOf(this.step);
    const onDetails = this.step === 'details';
    const blocked = onDetails ? this.waitSeconds > 0 : !stepDone(config, this.draft, this.step);
    const { serviceIds } = this.draft;
    return html`
      <ol part="step-indicator" class="indicator" aria-label=${message('progress')}>
        ${steps.map(
          (step, position) => html`
            <li
              class="indicator-step"
              data-state=${position < index ? 'done' : position === index ? 'current' : 'upcoming'}
              aria-current=${position === index ? 'step' : nothing}
            >
              <span class="indicator-label">${message(LABELS[step])}</span>
            </li>
          `,
        )}
      </ol>
      <form class="flow" novalidate @submit=${this.onSubmit}>
        <div class="step-head">
          ${
            index > 0
              ? html`<button
                part="button back-button"
                class="icon-button back"
                type="button"
                aria-label=${message('back')}
                @click=${this.back}
              >
                ${chevronLeft}
              </button>`
              : nothing
          }
          <div class="step-titles">
            <p class="eyebrow">${message('stepOf', index + 1, steps.length)}</p>
            <h3 part="heading" class="step-heading" id="step-heading" tabindex="-1">${message(HEADINGS[this.step])}</h3>
          </div>
        </div>
        <div class="content" data-step=${this.step}>
          ${
            this.notice
              ? notice(
                  this.notice.text(),
                  this.notice.retry ? { label: message('retry'), run: this.notice.retry } : undefined,
                )
              : nothing
          }
          ${this.renderStep(config)}
        </div>
        <div part="footer" class="footer">
          <p class="total">${serviceIds.length ? totalText(config, serviceIds, this.language) : nothing}</p>
          <button
            part="button primary"
            class="button primary"
            type="submit"
            ?disabled=${blocked}
            aria-disabled=${this.submitting ? 'true' : nothing}
          >
            ${message(onDetails ? (this.submitting ? 'booking' : 'book') : 'continue')}
          </button>
        </div>
      </form>
    `;
  }

  private again(): void {
    this.restart();
    this.focusTarget = '#step-heading';
  }

  private renderStep(config: BookingConfig) {
    const view: StepView = {
      config,
      draft: this.draft,
      lang: this.language,
      change: (draft) => {
        this.draft = draft;
      },
    };
    switch (this.step) {
      case 'location':
        return locationStep(view);
      case 'services':
        return servicesStep(view);
      case 'staff':
        return staffStep(view);
      case 'time':
        return timeStep({
          ...view,
          timezone: this.timezone,
          dates: this.weekDates(),
          week: this.week,
          times: this.times(),
          canEarlier: this.page > 0,
          canLater: this.page < WEEKS - 1,
          page: (delta) => {
            this.page += delta;
            void this.loadWeek();
          },
          retry: () => {
            void this.loadWeek();
            if (this.draft.date) void this.availability.loadTimes(this.choice, this.draft.date);
          },
        });
      case 'details':
        return detailsStep({
          ...view,
          errors: this.errors,
          edit: (patch, field) => {
            this.draft = editContact(this.draft, patch);
            if (field && this.errors[field]) {
              const { [field]: _fixed, ...rest } = this.errors;
              this.errors = rest;
            }
          },
        });
    }
  }
}
