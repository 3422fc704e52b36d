import './provider/provider.js';

export { ApiError, type ApiErrorBody, isApiErrorBody } from './api/api-error.js';
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  type HttpMethod,
  type RequestOptions,
} from './api/client.js';
export {
  apiClientContext,
  localeContext,
  type SessionInfo,
  sessionContext,
  type Theme,
  themeContext,
} from './context.js';
export { CbSessionExpiredEvent } from './events/session-expired.js';
export { defaultLocale, type Locale, type MessageKey, resolveLocale, supportedLocales, translate } from './localize.js';
export { CbProvider } from './provider/provider.component.js';
export { tokens } from './styles/tokens.styles.js';
