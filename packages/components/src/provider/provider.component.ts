import { ContextProvider } from '@lit/context';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ApiError } from '../api/api-error.js';
import { type ApiClient, createApiClient } from '../api/client.js';
import type { Me } from '../api/types.js';
import {
  apiClientContext,
  localeContext,
  type SessionInfo,
  sessionContext,
  type Theme,
  themeContext,
} from '../context.js';
import { CbSessionExpiredEvent } from '../events/session-expired.js';
import { resolveLocale, setLocale } from '../localize.js';
import { providerStyles } from './provider.styles.js';

/**
 * @summary Supplies the API client, session, locale and theme to every Clientbase element inside it, and sets the
 * global `--cb-*` design tokens (light or dark) they inherit.
 * @tag cb-provider
 *
 * @slot - The Clientbase elements (and any other content) that use this provider.
 *
 * @event {CbSessionExpiredEvent} cb-session-expired - The API refused the session and `fetchSession` is missing,
 * failed, or returned a session the API refused as well.
 *
 * @csspart base - The wrapper around the slotted content.
 *
 * @cssproperty --cb-provider-background - Background behind the content. Defaults to `--cb-color-background`.
 * @cssproperty --cb-provider-color - Text colour. Defaults to `--cb-color-text`.
 * @cssproperty --cb-provider-font-family - Font of every element inside. Defaults to `--cb-font-family`.
 */
export class CbProvider extends LitElement {
  static override styles = providerStyles;

  /** The API's origin plus any path prefix, without `/v1`. Empty means the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The component session (`cs_…`) minted by the host's backend. Not reflected, so a refreshed one stays private. */
  @property() session: string | null = null;

  /**
   * BCP 47 language tag; defaults to the page's `lang`, then English. Texts switch page-wide (every Clientbase element
   * of this bundle), numbers and dates are formatted in it inside this provider.
   */
  @property() locale: string | null = null;

  /** Colour scheme of the design tokens. */
  @property({ reflect: true }) theme: Theme = 'light';

  /** Called when the API refuses the session; resolves to a fresh `cs_…` session from the host's backend. */
  @property({ attribute: false }) fetchSession: (() => Promise<string>) | null = null;

  private readonly apiClientProvider = new ContextProvider(this, {
    context: apiClientContext,
    initialValue: this.createClient(''),
  });
  private readonly sessionProvider = new ContextProvider(this, {
    context: sessionContext,
    initialValue: { authenticated: false, expired: false, features: {}, permissions: [], user: null, business: null },
  });
  private readonly localeProvider = new ContextProvider(this, { context: localeContext, initialValue: 'en' });
  private readonly themeProvider = new ContextProvider(this, { context: themeContext, initialValue: 'light' });

  // What the current context values were made from, so a value is replaced only when its input changed.
  private clientApiBase = '';
  private infoSession: string | null = null;

  /** The client every element inside uses; exposed for hosts that want to call the API with the same session. */
  get apiClient(): ApiClient {
    return this.apiClientProvider.value;
  }

  override connectedCallback(): void {
    // Children upgraded right after this element ask for context before the first update; answer with current values.
    this.syncContexts();
    super.connectedCallback();
  }

  protected override willUpdate(): void {
    this.syncContexts();
  }

  private syncContexts(): void {
    if (this.apiBase !== this.clientApiBase) {
      this.clientApiBase = this.apiBase;
      this.apiClientProvider.setValue(this.createClient(this.apiBase));
      if (this.session && this.session === this.infoSession) this.loadMe();
    }
    if (this.session !== this.infoSession) {
      this.infoSession = this.session;
      const previous = this.sessionProvider.value;
      // A refreshed session keeps what the previous one knew until /me answers again.
      this.setSessionInfo({ ...previous, authenticated: Boolean(this.session), expired: false });
      if (this.session) this.loadMe();
    }
    const locale = resolveLocale(this.locale ?? document.documentElement.lang);
    // Formatting (format.ts) takes the locale from context; the texts cannot: @lit/localize holds one active locale
    // per bundle, so this sets it for the whole page (the last provider to change it wins).
    this.localeProvider.setValue(locale);
    void setLocale(locale);
    this.themeProvider.setValue(this.theme === 'dark' ? 'dark' : 'light');
  }

  private meRequest = 0;

  /** Learns the session's user, business, permissions and features. */
  private loadMe(): void {
    const request = ++this.meRequest;
    const client = this.apiClientProvider.value;
    client
      .request<Me>('GET', '/v1/me')
      .then((me) => {
        if (request !== this.meRequest) return;
        this.setSessionInfo({
          ...this.sessionProvider.value,
          features: Object.freeze({ ...me.features }),
          permissions: Object.freeze([...me.permissions]),
          user: me.user,
          business: me.business,
        });
      })
      .catch(() => {
        // An expired session is reported through cb-session-expired; elements keep their defaults otherwise.
      });
  }

  private setSessionInfo(info: SessionInfo): void {
    this.sessionProvider.setValue(Object.freeze(info));
  }

  private createClient(apiBase: string): ApiClient {
    return Object.freeze(
      createApiClient({
        apiBase,
        getSession: () => this.session,
        onUnauthorized: () => this.refreshSession(),
        onAuthFailed: (error) => this.sessionExpired(error),
      }),
    );
  }

  private async refreshSession(): Promise<string | null> {
    if (!this.fetchSession) return null;
    let fresh: string;
    try {
      fresh = await this.fetchSession();
    } catch {
      return null;
    }
    if (!fresh) return null;
    // The requests that hit the 401 (the provider's own /me among them) are retried with the fresh session by the
    // client, so this change of session must not start another /me: marking it as known avoids a second refresh
    // when the host keeps handing out sessions the API refuses.
    this.infoSession = fresh;
    this.session = fresh;
    this.setSessionInfo({ ...this.sessionProvider.value, authenticated: true, expired: false });
    return fresh;
  }

  private sessionExpired(error: ApiError): void {
    if (this.sessionProvider.value.expired) return;
    this.setSessionInfo({ ...this.sessionProvider.value, expired: true });
    const event = new CbSessionExpiredEvent(error);
    this.dispatchEvent(event);
  }

  protected override render() {
    return html`<div part="base"><slot></slot></div>`;
  }
}
