import { createContext } from '@lit/context';
import type { ApiClient } from './api/client.js';
import type { Me } from './api/types.js';
import type { Locale } from './localize.js';

export type Theme = 'light' | 'dark';

/** What a component may know about the session; the secret itself stays inside the api client. */
export interface SessionInfo {
  /** A session is set on the provider. */
  readonly authenticated: boolean;
  /** The API refused the session and no new one could be fetched. */
  readonly expired: boolean;
  /**
   * Feature switches of this session (e.g. `{ export: false }`); a missing key means allowed by role.
   * Empty until the provider learns them from the API.
   */
  readonly features: Readonly<Record<string, boolean>>;
  /** Permissions of the session's user (e.g. `clients.read`), from `GET /v1/me`; empty until loaded. */
  readonly permissions: readonly string[];
  /** The signed-in user, from `GET /v1/me`; null until loaded. */
  readonly user: Me['user'];
  /** The business (currency, timezone, country), from `GET /v1/me`; null until loaded. */
  readonly business: Me['business'] | null;
}

// Symbol.for keys let two bundles of these components on one page still find each other's provider.
export const apiClientContext = createContext<ApiClient>(Symbol.for('clientbase.api-client'));
export const sessionContext = createContext<SessionInfo>(Symbol.for('clientbase.session'));
// The provider's resolved locale, for number and date formatting; texts follow the page-wide @lit/localize locale.
export const localeContext = createContext<Locale>(Symbol.for('clientbase.locale'));
export const themeContext = createContext<Theme>(Symbol.for('clientbase.theme'));
