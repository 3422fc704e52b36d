import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { ApiClient } from '../api/client.js';
import type { Client } from '../api/types.js';
import { apiClientContext, localeContext, type SessionInfo, sessionContext } from '../context.js';
import { formatMoney, formatNumber, readableTextColor } from '../format.js';
import { errorText, type Locale, type MessageKey, message } from '../localize.js';
import { styleProps } from '../styles/style-props.js';
import { clientCardStyles } from './client-card.styles.js';
import type { CardDataChangedEvent, CbClientDeletedEvent, CbClientUpdatedEvent } from './events.js';
import { type CardSection, isAbort } from './section.js';

/** Every section the contract names, in the default order. */
export const SECTION_NAMES = [
  'info',
  'visits',
  'stats',
  'account',
  'loyalty',
  'ecard',
  'messages',
  'send',
  'notifications',
  'files',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** The sections this build has, in the default order (all of them). */
export const AVAILABLE_SECTIONS: readonly SectionName[] = SECTION_NAMES;

/** What a session needs beyond reading clients to see a section at all. */
const SECTION_PERMISSION: Partial<Record<SectionName, string>> = {
  visits: 'appointments_read',
  send: 'messages_send',
};

/**
 * @summary A client's card: header with contact, categories, booking markers and key figures, and the client's
 * sections as tabs (details, visits, statistics, account, loyalty, e-card, messages, compose, notifications, files),
 * each loading its data when first opened.
 * @tag cb-client-card
 *
 * @event {CbClientUpdatedEvent} cb-client-updated - The client was saved: `{ client }`.
 * @event {CbClientDeletedEvent} cb-client-deleted - The client was deleted: `{ clientId }`.
 *
 * @csspart base - The card's frame.
 * @csspart header - The header with name, contact, categories, markers and figures.
 * @csspart identity - The row with the initials, name and contact.
 * @csspart avatar - The initials.
 * @csspart name - The client's name.
 * @csspart contact - The phone, WhatsApp and email links.
 * @csspart whatsapp - The "Chat on WhatsApp" link.
 * @csspart chip - A category chip.
 * @csspart marker - A booking marker (online booking disabled, requires confirmation).
 * @csspart figures - The key figures.
 * @csspart figure - One key figure.
 * @csspart tabs-bar - The bar holding the tab list (sticky at the top of a scrolling panel).
 * @csspart tabs - The tab list.
 * @csspart tab - A tab.
 * @csspart tab-active - The selected tab (with `tab`).
 * @csspart panel - A tab panel.
 * @csspart button - Every button, in the sections too.
 * @csspart input - Every form control of the sections.
 * @csspart field - A labelled field of a section form.
 * @csspart field-error - The message under a field the API refused.
 * @csspart table - A list of records (visits, ledger, messages, calls, files).
 * @csspart chart - The revenue chart's figure.
 * @csspart badge - A status badge.
 * @csspart skeleton - A section's loading placeholder.
 * @csspart error - A section's error with its Retry button.
 * @csspart empty - A section's "nothing here" message.
 * @csspart status - Success and failure lines after an action.
 * @csspart dropzone - The files section's drop area.
 * @csspart progress - The upload progress bar.
 * @csspart preview - The composer's preview of the filled message.
 * @csspart ecard - The picture of the electronic loyalty card.
 *
 * @cssproperty --cb-client-card-background - Background. Defaults to `--cb-color-background`.
 * @cssproperty --cb-client-card-surface - Background of figures and panels. Defaults to `--cb-color-surface`.
 * @cssproperty --cb-client-card-header-background - Header background. Defaults to `--cb-color-surface`.
 * @cssproperty --cb-client-card-border - The card's outer border. Defaults to `1px solid` `--cb-color-border`.
 * @cssproperty --cb-client-card-border-color - Lines inside the card. Defaults to `--cb-color-border`.
 * @cssproperty --cb-client-card-radius - Corner radius of the card. Defaults to `--cb-radius-lg`.
 * @cssproperty --cb-client-card-accent - Links, the selected tab, buttons and focus. Defaults to `--cb-color-primary`.
 * @cssproperty --cb-client-card-chart-color - Bars of sold revenue. Defaults to the accent.
 * @cssproperty --cb-client-card-chart-paid-color - Bars of paid revenue. Defaults to a tint of the accent.
 * @cssproperty --cb-client-card-ecard-background - Background of the e-card picture. Defaults to a gradient of the accent.
 * @cssproperty --cb-client-card-ecard-color - Text on the e-card picture. Defaults to white.
 * @cssproperty --cb-client-card-tabs-top - Offset of the tab bar when it sticks to the top of a scrolling panel. Defaults to `0`.
 */
@localized()
export class CbClientCard extends LitElement {
  static override styles = clientCardStyles;

  /** The client to show. */
  @property({ attribute: 'client-id', reflect: true }) clientId: string | null = null;

  /** Sections to offer, as a comma list in the order wanted (e.g. `info,visits`); all available ones when empty. */
  @property() sections: string | null = null;

  /** The open section; the first offered one when empty or not offered. */
  @property({ attribute: 'active-section', reflect: true }) activeSection: string | null = null;

  @consume({ context: apiClientContext, subscribe: true }) @state() private api?: ApiClient;
  @consume({ context: sessionContext, subscribe: true }) @state() private session?: SessionInfo;
  @consume({ context: localeContext, subscribe: true }) @state() private locale: Locale = 'en';

  @state() private client: Client | null = null;
  @state() private loadState: 'idle' | 'loading' | 'ready' | 'error' | 'deleted' = 'idle';
  @state() private loadError: unknown = null;
  /** The tab strip scrolls sideways and has tabs out of view at that end (shown as a fade). */
  @state() private tabsMore = { start: false, end: false };
  /** Sections opened at least once for the current client: they stay rendered (hidden) to keep their state. */
  @state() private opened = new Set<string>();

  private loadedKey: [ApiClient | undefined, string | null] = [undefined, null];
  private abort: AbortController | null = null;

  /** The client as last loaded or saved. */
  get data(): Client | null {
    return this.client;
  }

  /** The sections offered to this session, in order. */
  get offeredSections(): SectionName[] {
    const asked = (this.sections ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const wanted = asked.length ? asked : [...AVAILABLE_SECTIONS];
    const session = this.session;
    const known = !!session && (session.user !== null || session.permissions.length > 0);
    const out: SectionName[] = [];
    for (const name of wanted) {
      if (!(AVAILABLE_SECTIONS as readonly string[]).includes(name) || out.includes(name as SectionName)) continue;
      const needs = SECTION_PERMISSION[name as SectionName];
      // Until the session's permissions are known every section is offered; then the ones it cannot use go.
      if (needs && known && !session.permissions.includes(needs)) continue;
      out.push(name as SectionName);
    }
    return out;
  }

  /** The open section. */
  get currentSection(): SectionName | null {
    const offered = this.offeredSections;
    const wanted = this.activeSection as SectionName | null;
    return wanted && offered.includes(wanted) ? wanted : (offered[0] ?? null);
  }

  /** Loads the client again (e.g. after the host changed it elsewhere). */
  reload(): void {
    void this.loadClient(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.tabsObserver?.disconnect();
    this.tabsObserver = null;
    this.observedTabs = null;
    this.abort?.abort();
    this.loadedKey = [undefined, null];
  }

  protected override createRenderRoot() {
    const root = super.createRenderRoot();
    root.addEventListener('cb-card-data-changed', this.onDataChanged as EventListener);
    root.addEventListener('cb-client-updated', this.onClientUpdated as EventListener);
    root.addEventListener('cb-client-deleted', this.onClientDeleted as EventListener);
    return root;
  }

  protected override willUpdate(): void {
    if (this.api !== this.loadedKey[0] || this.clientId !== this.loadedKey[1]) {
      const newClient = this.clientId !== this.loadedKey[1];
      this.loadedKey = [this.api, this.clientId];
      if (newClient) {
        this.client = null;
        this.opened = new Set();
      }
      if (this.api && this.clientId) void this.loadClient(newClient);
      else if (!this.clientId) this.loadState = 'idle';
    }
    const current = this.currentSection;
    if (current && !this.opened.has(current)) this.opened = new Set([...this.opened, current]);
  }

  private async loadClient(showSkeleton: boolean): Promise<void> {
    const api = this.api;
    const id = this.clientId;
    if (!api || !id) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (showSkeleton || this.loadState !== 'ready') {
      this.loadState = 'loading';
      this.loadError = null;
    }
    try {
      const client = await api.request<Client>('GET', `/v1/clients/${encodeURIComponent(id)}`, undefined, {
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      this.client = client;
      this.loadState = 'ready';
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      this.loadError = error;
      this.loadState = 'error';
    }
  }

  private onClientUpdated = (event: CbClientUpdatedEvent) => {
    if (event.client?.id === this.client?.id) this.client = event.client;
  };

  private onClientDeleted = (_event: CbClientDeletedEvent) => {
    this.loadState = 'deleted';
  };

  private onDataChanged = (event: CardDataChangedEvent) => {
    event.stopPropagation();
    if (event.client) void this.loadClient(false);
    for (const name of event.sections) {
      this.renderRoot.querySelector<CardSection>(`[data-section="${name}"]`)?.refresh();
    }
  };

  // --- tabs ----------------------------------------------------------------------------------------------------

  private select(name: SectionName): void {
    if (this.activeSection === name && this.opened.has(name)) return;
    this.activeSection = name;
  }

  private tabsObserver: ResizeObserver | null = null;
  private observedTabs: Element | null = null;

  protected override updated(): void {
    const strip = this.renderRoot.querySelector('.tabs');
    if (strip === this.observedTabs) return;
    this.tabsObserver?.disconnect();
    this.observedTabs = strip;
    if (!strip) return;
    this.tabsObserver ??= new ResizeObserver(() => requestAnimationFrame(() => this.measureTabs()));
    this.tabsObserver.observe(strip);
    // The selected tab may start out of view in a narrow strip.
    strip.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private measureTabs = () => {
    const strip = this.observedTabs as HTMLElement | null;
    if (!strip) return;
    const start = strip.scrollLeft > 1;
    const end = strip.scrollLeft + strip.clientWidth < strip.scrollWidth - 1;
    if (start !== this.tabsMore.start || end !== this.tabsMore.end) this.tabsMore = { start, end };
  };

  /** The mouse's way to tabs out of view (the keyboard's is the arrow keys). */
  private scrollTabs(direction: 1 | -1): void {
    const strip = this.observedTabs as HTMLElement | null;
    strip?.scrollBy({ left: direction * strip.clientWidth * 0.7, behavior: 'smooth' });
  }

  private onTabKeydown = (event: KeyboardEvent) => {
    const tabs = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const index = tabs.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (index + 1) % tabs.length;
        break;
      case 'ArrowLeft':
        next = (index - 1 + tabs.length) % tabs.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    tabs[next]?.focus();
    tabs[next]?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  // --- rendering -----------------------------------------------------------------------------------------------

  protected override render() {
    if (!this.clientId) return nothing;
    return html`<article class="base" part="base" aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}>
      ${this.renderHeader()} ${this.loadState === 'ready' && this.client ? this.renderTabs(this.client) : nothing}
    </article>`;
  }

  private money(minor: number | null | undefined): string {
    return formatMoney(minor, this.locale, this.session?.business?.currency ?? 'EUR');
  }

  private renderHeader() {
    if (this.loadState === 'deleted') {
      return html`<div class="header" part="header">
        <p class="deleted" role="status">${message('card.deleted', { name: this.client?.name ?? '' })}</p>
      </div>`;
    }
    if (this.loadState === 'error') {
      return html`<div class="header" part="header">
        <div class="error" part="error" role="alert">
          <p>${message('card.loadError')} ${errorText(this.loadError)}</p>
          <button type="button" class="button quiet" part="button" @click=${() => this.loadClient(true)}>
            ${message('card.retry')}
          </button>
        </div>
      </div>`;
    }
    const c = this.client;
    if (!c) {
      return html`<div class="header" part="header" aria-busy="true">
        <span class="visually-hidden" role="status">${message('loading')}</span>
        <div class="identity" aria-hidden="true">
          <span class="avatar bone"></span>
          <div class="who"><span class="bone wide"></span><span class="bone"></span></div>
        </div>
        <div class="figures-skeleton" aria-hidden="true">
          ${[0, 1, 2, 3, 4].map(() => html`<span class="bone block"></span>`)}
        </div>
      </div>`;
    }
    const initials = [c.first_name, c.last_name]
      .filter(Boolean)
      .map((n) => Array.from(n as string)[0]?.toUpperCase() ?? '')
      .join('');
    const digits = (c.phone ?? '').replace(/\D/g, '');
    // Known by its system key, so a business that renames the category keeps the marker.
    const isConfirmation = (cat: { system_key?: string | null }) => cat.system_key === 'requires_confirmation';
    const needsConfirmation = c.categories.some(isConfirmation);
    // The marker stands for that category; its chip would say the same twice.
    const chips = c.categories.filter((cat) => !isConfirmation(cat));
    const due = c.total_sold - c.total_paid;
    return html`<header class="header" part="header">
      <div class="identity" part="identity">
        <span class="avatar" part="avatar" aria-hidden="true">${initials || '?'}</span>
        <div class="who">
          <h2 class="name" part="name" id="card-name">${c.name}</h2>
          <p class="contact" part="contact">
            ${
              c.phone
                ? html`<a href="tel:${c.phone}" class="phone">${c.phone_display ?? c.phone}</a>
                  <a
                    class="whatsapp"
                    part="whatsapp"
                    href="https://wa.me/${digits}"
                    target="_blank"
                    rel="noopener noreferrer"
                    ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <path
                        d="M8 1.5a6.5 6.5 0 0 0-5.6 9.8L1.5 14.5l3.3-.9A6.5 6.5 0 1 0 8 1.5Z"
                        fill="none"
                        stroke="currentColor"
                        stroke-width="1.4"
                        stroke-linejoin="round"
                      ></path>
                      <path
                        d="M5.8 5.2c.2-.3.5-.3.7 0l.5 1c.1.2 0 .4-.1.6l-.3.3c.4.9 1.1 1.6 2 2l.3-.3c.2-.2.4-.2.6-.1l1 .5c.3.1.3.5 0 .7-.6.6-1.4.8-2.2.4A5.3 5.3 0 0 1 5.6 7.4c-.3-.8-.3-1.6.2-2.2Z"
                        fill="currentColor"
                      ></path></svg
                    >${message('card.whatsapp')}<span class="visually-hidden"> (${message('card.newTab')})</span></a
                  >`
                : html`<span class="muted">${message('card.noPhone')}</span>`
            }
            ${c.email ? html`<a href="mailto:${c.email}" class="email">${c.email}</a>` : nothing}
          </p>
        </div>
      </div>
      ${
        chips.length || c.online_booking_disabled || needsConfirmation
          ? html`<div class="tags">
            ${
              c.online_booking_disabled
                ? html`<span class="marker danger" part="marker" data-marker="online-booking-disabled"
                  ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.6"></circle>
                    <path d="M3.8 12.2 12.2 3.8" stroke="currentColor" stroke-width="1.6"></path></svg
                  >${message('card.onlineDisabled')}${
                    c.online_booking_disabled_reason
                      ? html`<span class="reason">: ${c.online_booking_disabled_reason}</span>`
                      : nothing
                  }</span
                >`
                : nothing
            }
            ${
              needsConfirmation
                ? html`<span class="marker warning" part="marker" data-marker="requires-confirmation"
                  ><svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.6"></circle>
                    <path d="M8 4.5V8.5M8 10.8v.2" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"></path></svg
                  >${message('card.needsConfirmation')}</span
                >`
                : nothing
            }
            ${
              chips.length
                ? html`<ul class="chips" aria-label=${message('col.categories')}>
                  ${chips.map(
                    (cat) =>
                      html`<li
                        class="chip"
                        part="chip"
                        ${styleProps({ background: cat.color, color: readableTextColor(cat.color) })}
                      >
                        ${cat.name}
                      </li>`,
                  )}
                </ul>`
                : nothing
            }
          </div>`
          : nothing
      }
      <dl class="figures" part="figures">
        ${this.figure('card.figure.visits', formatNumber(c.visits_count, this.locale))}
        ${this.figure('col.total_sold', this.money(c.total_sold))}
        ${this.figure(
          'col.total_paid',
          this.money(c.total_paid),
          due > 0
            ? html`<span class="sub negative">${message('card.figure.due', { amount: this.money(due) })}</span>`
            : nothing,
        )}
        ${this.figure('col.balance', this.money(c.balance))}
        ${this.figure('col.discount', `${formatNumber(c.discount, this.locale)} %`)}
      </dl>
    </header>`;
  }

  private figure(label: MessageKey, value: string, extra: unknown = nothing) {
    return html`<div class="figure" part="figure">
      <dt>${message(label)}</dt>
      <dd>${value}${extra}</dd>
    </div>`;
  }

  private renderTabs(client: Client) {
    const offered = this.offeredSections;
    const current = this.currentSection;
    if (!offered.length) return html`<p class="none">${message('card.noSections')}</p>`;
    const more = this.tabsMore;
    return html`<div class="tabs-bar" part="tabs-bar">
        ${
          more.start
            ? html`<span class="scroll start" aria-hidden="true" @click=${() => this.scrollTabs(-1)}>‹</span>`
            : nothing
        }
        <div
          class="tabs"
          part="tabs"
          role="tablist"
          aria-labelledby="card-name"
          @keydown=${this.onTabKeydown}
          @scroll=${this.measureTabs}
        >
          ${offered.map((name) => {
            const selected = name === current;
            return html`<button
              type="button"
              role="tab"
              id="tab-${name}"
              class="tab"
              part=${selected ? 'tab tab-active' : 'tab'}
              aria-selected=${selected ? 'true' : 'false'}
              aria-controls="panel-${name}"
              tabindex=${selected ? '0' : '-1'}
              @click=${() => this.select(name)}
            >
              ${message(`card.tab.${name}` as MessageKey)}
            </button>`;
          })}
        </div>
        ${more.end ? html`<span class="scroll end" aria-hidden="true" @click=${() => this.scrollTabs(1)}>›</span>` : nothing}
      </div>
      ${keyed(
        client.id,
        offered.map(
          (name) => html`<div
            class="panel"
            part="panel"
            role="tabpanel"
            id="panel-${name}"
            aria-labelledby="tab-${name}"
            tabindex="0"
            ?hidden=${name !== current}
          >
            ${this.opened.has(name) ? this.renderSection(name, client) : nothing}
          </div>`,
        ),
      )}`;
  }

  private renderSection(name: SectionName, client: Client) {
    switch (name) {
      case 'info':
        return html`<cb-client-card-info data-section="info" .client=${client}></cb-client-card-info>`;
      case 'visits':
        return html`<cb-client-card-visits data-section="visits" .client=${client}></cb-client-card-visits>`;
      case 'stats':
        return html`<cb-client-card-stats data-section="stats" .client=${client}></cb-client-card-stats>`;
      case 'account':
        return html`<cb-client-card-account data-section="account" .client=${client}></cb-client-card-account>`;
      case 'messages':
        return html`<cb-client-card-messages data-section="messages" .client=${client}></cb-client-card-messages>`;
      case 'send':
        return html`<cb-client-card-send data-section="send" .client=${client}></cb-client-card-send>`;
      case 'files':
        return html`<cb-client-card-files data-section="files" .client=${client}></cb-client-card-files>`;
      case 'loyalty':
        return html`<cb-client-card-loyalty data-section="loyalty" .client=${client}></cb-client-card-loyalty>`;
      case 'ecard':
        return html`<cb-client-card-ecard data-section="ecard" .client=${client}></cb-client-card-ecard>`;
      case 'notifications':
        return html`<cb-client-card-notifications
          data-section="notifications"
          .client=${client}
        ></cb-client-card-notifications>`;
    }
  }
}
