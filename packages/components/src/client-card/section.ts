import { consume } from '@lit/context';
import { html, LitElement, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiError } from '../api/api-error.js';
import type { ApiClient } from '../api/client.js';
import type { Client, ListAnswer } from '../api/types.js';
import { apiClientContext, localeContext, type SessionInfo, sessionContext } from '../context.js';
import { currencyDigits, formatDate, formatMoney } from '../format.js';
import { errorText, getLocale, type Locale, message } from '../localize.js';
import { CardDataChangedEvent } from './events.js';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';

const PARTS =
  'button, input, field, field-error, table, chart, skeleton, error, empty, badge, status, dropzone, progress, preview, ecard';

/**
 * One section of `<cb-client-card>`: gets the loaded client from the card and the API client, session and locale
 * from `<cb-provider>`. The card renders a section only once its tab is first opened, so a section loads its data
 * when it connects.
 */
export abstract class CardSection extends LitElement {
  /** The client the card shows (set by the card). */
  @property({ attribute: false }) client!: Client;

  @consume({ context: apiClientContext, subscribe: true }) @state() protected api?: ApiClient;
  @consume({ context: sessionContext, subscribe: true }) @state() protected session?: SessionInfo;
  @consume({ context: localeContext, subscribe: true }) @state() protected locale: Locale = 'en';

  override connectedCallback(): void {
    super.connectedCallback();
    // The card's ::part() hooks reach into the sections through their host elements.
    this.setAttribute('exportparts', PARTS);
  }

  /** Reloads what the section shows (the card calls it when another section changed the data). */
  refresh(): void {}

  /** The session may do this (permissions from `GET /v1/me`, already narrowed by the session's features). */
  protected can(permission: string): boolean {
    return this.session?.permissions.includes(permission) ?? false;
  }

  protected get currency(): string {
    return this.session?.business?.currency ?? 'EUR';
  }

  protected get timeZone(): string {
    return this.session?.business?.timezone ?? 'UTC';
  }

  protected money(minor: number | null | undefined): string {
    return formatMoney(minor, this.locale, this.currency);
  }

  protected date(value: string | null | undefined): string {
    return formatDate(value, this.locale, this.timeZone);
  }

  protected dateTime(value: string | null | undefined): string {
    return formatDateTime(value, this.locale, this.timeZone);
  }

  protected get clientPath(): string {
    return clientPath(this.client.id);
  }

  /** Tells the card what else changed. */
  protected dataChanged(change: { client?: boolean; sections?: readonly string[] }): void {
    this.dispatchEvent(new CardDataChangedEvent(change));
  }
}

/** The API path of one client. */
export function clientPath(id: string): string {
  return `/v1/clients/${encodeURIComponent(id)}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO timestamp as date and time in `timeZone`. */
export function formatDateTime(value: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const key = `${locale}/${timeZone}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
    }
    dateTimeFormats.set(key, format);
  }
  return format.format(date);
}

/**
 * A money amount typed by a person ("12.50", "12,50", "1.234,50", "£12") in minor units; null when it is not a
 * positive amount with at most the currency's digits.
 */
export function parseMoney(text: string, currency: string): number | null {
  let value = text.replace(/[^\d.,-]/g, '');
  if (!value || value.includes('-')) return null;
  const lastDot = value.lastIndexOf('.');
  const lastComma = value.lastIndexOf(',');
  const decimal = Math.max(lastDot, lastComma);
  const digits = currencyDigits(currency);
  let whole = value;
  let fraction = '';
  // A separator followed by 1–digits digits is the decimal point; anything else groups thousands.
  if (decimal >= 0 && value.length - decimal - 1 <= digits && value.length - decimal - 1 > 0) {
    whole = value.slice(0, decimal);
    fraction = value.slice(decimal + 1);
  }
  whole = whole.replace(/[.,]/g, '');
  value = `${whole || '0'}${fraction.padEnd(digits, '0')}`;
  if (!/^\d+$/.test(value)) return null;
  const minor = Number(value);
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** The field messages of a 422 `validation_failed` (or a 409 naming a field), keyed by field name. */
export function fieldErrors(error: unknown): Record<string, string> {
  const details = (error as ApiError | undefined)?.details;
  const out: Record<string, string> = {};
  const list = Array.isArray(details) ? details : details && typeof details === 'object' ? [details] : [];
  for (const item of list) {
    const field = (item as { field?: unknown }).field;
    const text = (item as { message?: unknown }).message;
    if (typeof field !== 'string') continue;
    out[field] ??= typeof text === 'string' ? apiFieldText(text) : message('card.invalid');
  }
  return out;
}

/**
 * The API explains field problems in English. Readers of another language get a message in their language with the
 * API's own words after it, so the specific reason (e.g. which placeholder is unknown) is not lost.
 */
export function apiFieldText(text: string): string {
  return getLocale() === 'en' ? text : `${message('card.invalid')} (${text})`;
}

export function errorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** A loading placeholder: grey bars, and a status text for screen readers. */
export function skeleton(lines = 3) {
  return html`<div class="skeleton" part="skeleton" aria-busy="true">
    <span class="visually-hidden" role="status">${message('loading')}</span>
    ${Array.from({ length: lines }, (_, i) => html`<span class="bone" aria-hidden="true" data-i=${i % 4}></span>`)}
  </div>`;
}

export function errorBlock(error: unknown, retry: () => void, what?: string) {
  return html`<div class="error" part="error" role="alert">
    <p>${what ? html`<strong>${what}</strong> ` : nothing}${errorText(error)}</p>
    <button type="button" class="button quiet" part="button" @click=${retry}>${message('card.retry')}</button>
  </div>`;
}

export function emptyBlock(text: string) {
  return html`<p class="empty" part="empty">${text}</p>`;
}

/**
 * A list read page by page with "Show more": `items` grows, `answer` is the first page's full answer (for extra fields
 * such as totals or the balance).
 */
export class PagedList<T, A extends ListAnswer<T> = ListAnswer<T>> implements ReactiveController {
  items: T[] = [];
  total = 0;
  answer: A | null = null;
  state: LoadState = 'idle';
  /** A later page is being read (the first page's items stay shown). */
  loadingMore = false;
  error: unknown = null;
  private abort: AbortController | null = null;
  private key: unknown[] | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getApi: () => ApiClient | undefined,
    /** The path of a page; `deps` returns what the list depends on (null while not ready). */
    private readonly path: (offset: number, limit: number) => string,
    private readonly deps: () => unknown[] | null,
    private readonly limit = 10,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const deps = this.deps();
    const api = this.getApi();
    if (!deps || !api) return;
    const key = [api, ...deps];
    if (this.key && key.length === this.key.length && key.every((v, i) => v === this.key?.[i])) return;
    this.key = key;
    void this.load(0);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    // Back in the document, it loads again.
    this.key = null;
  }

  /** Reads the first page again (after a write, or from a Retry button). */
  reload = (): void => {
    void this.load(0);
  };

  more = (): void => {
    void this.load(this.items.length);
  };

  get hasMore(): boolean {
    return this.items.length < this.total;
  }

  private async load(offset: number): Promise<void> {
    const api = this.getApi();
    if (!api) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (offset === 0) {
      // Keep showing what there is while reloading after a write; only the first read shows the skeleton.
      if (this.state !== 'ready') this.state = 'loading';
    } else this.loadingMore = true;
    this.error = null;
    this.host.requestUpdate();
    try {
      const answer = await api.request<A>('GET', this.path(offset, this.limit), undefined, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.items = offset === 0 ? answer.items : [...this.items, ...answer.items];
      this.total = answer.total;
      if (offset === 0) this.answer = answer;
      this.state = 'ready';
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      this.error = error;
      if (offset === 0) this.state = 'error';
    } finally {
      if (this.abort === abort) {
        this.loadingMore = false;
        this.abort = null;
        this.host.requestUpdate();
      }
    }
  }
}

/** One JSON answer, read when `deps` change (null while not ready). */
export class Resource<T> implements ReactiveController {
  value: T | null = null;
  state: LoadState = 'idle';
  error: unknown = null;
  private abort: AbortController | null = null;
  private key: unknown[] | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getApi: () => ApiClient | undefined,
    private readonly fetcher: (api: ApiClient, signal: AbortSignal) => Promise<T>,
    private readonly deps: () => unknown[] | null,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const deps = this.deps();
    const api = this.getApi();
    if (!deps || !api) return;
    const key = [api, ...deps];
    if (this.key && key.length === this.key.length && key.every((v, i) => v === this.key?.[i])) return;
    this.key = key;
    void this.load();
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.key = null;
  }

  reload = (): void => {
    void this.load();
  };

  private async load(): Promise<void> {
    const api = this.getApi();
    if (!api) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (this.state !== 'ready') this.state = 'loading';
    this.error = null;
    this.host.requestUpdate();
    try {
      const value = await this.fetcher(api, abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.state = 'ready';
    } catch (error) {
      if (isAbort(error) || abort.signal.aborted) return;
      this.error = error;
      this.state = 'error';
    } finally {
      if (this.abort === abort) {
        this.abort = null;
        this.host.requestUpdate();
      }
    }
  }
}

/** "Shown n of m" with a "Show more" button, and the error of a later page with its retry. */
export function moreBlock(list: PagedList<unknown, ListAnswer<unknown>>, locale: Locale) {
  // Everything came on the first page: nothing to count or fetch.
  if (!list.total || (!list.error && list.total <= (list.answer?.items.length ?? 0))) return nothing;
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  return html`<div class="more">
    <span class="muted small">${message('card.shown', { shown: count(list.items.length), total: count(list.total) })}</span>
    ${
      list.error
        ? html`<span class="field-error" role="alert">${errorText(list.error)}</span>
          <button type="button" class="button quiet" part="button" @click=${list.more}>${message('card.retry')}</button>`
        : list.hasMore
          ? html`<button
            type="button"
            class="button quiet"
            part="button"
            ?disabled=${list.loadingMore}
            @click=${list.more}
          >
            ${list.loadingMore ? message('loading') : message('card.showMore')}
          </button>`
          : nothing
    }
  </div>`;
}

export type Notice = { kind: 'success' | 'danger'; text: string } | null;

/** A success line (polite status) and a failure line (alert); whichever is empty takes no space. */
export function noticeBlock(notice: Notice) {
  return html`<p class="notice success" part="status" role="status">${notice?.kind === 'success' ? notice.text : ''}</p><p
      class="notice danger"
      part="status"
      role="alert"
    >${notice?.kind === 'danger' ? notice.text : ''}</p>`;
}
