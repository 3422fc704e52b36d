import './provider/provider.js';
import './client-table/client-table.js';
import './client-filters/client-filters.js';
import './bulk-action-bar/bulk-action-bar.js';
import './client-card/client-card.js';
import './client-import/client-import.js';

export { smsSegments } from '@clientbase/shared/sms-segments';
export { ApiError, type ApiErrorBody, isApiErrorBody } from './api/api-error.js';
export {
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  type HttpMethod,
  type RequestOptions,
  type UploadOptions,
} from './api/client.js';
export type * from './api/types.js';
export { CbBulkActionBar } from './bulk-action-bar/bulk-action-bar.component.js';
export {
  AVAILABLE_SECTIONS,
  CbClientCard,
  SECTION_NAMES,
  type SectionName,
} from './client-card/client-card.component.js';
export {
  CbClientCardAccount,
  CbClientCardEcard,
  CbClientCardFiles,
  CbClientCardInfo,
  CbClientCardLoyalty,
  CbClientCardMessages,
  CbClientCardNotifications,
  CbClientCardSend,
  CbClientCardStats,
  CbClientCardVisits,
} from './client-card/client-card.js';
export { CbClientDeletedEvent, CbClientUpdatedEvent } from './client-card/events.js';
export { CbClientFilters } from './client-filters/client-filters.component.js';
export { CbClientImport, type ImportStep } from './client-import/client-import.component.js';
export { CbClientTable } from './client-table/client-table.component.js';
export {
  apiClientContext,
  localeContext,
  type SessionInfo,
  sessionContext,
  type Theme,
  themeContext,
} from './context.js';
export { type BulkAction, CbBulkDoneEvent } from './events/bulk-done.js';
export { CbClientOpenEvent } from './events/client-open.js';
export { CbFilterChangeEvent } from './events/filter-change.js';
export { CbImportDoneEvent, type ImportResult } from './events/import-done.js';
export { CbSelectionChangeEvent } from './events/selection-change.js';
export { CbSessionExpiredEvent } from './events/session-expired.js';
export { formatDate, formatMoney } from './format.js';
export {
  defaultLocale,
  getLocale,
  type Locale,
  type MessageKey,
  message,
  resolveLocale,
  supportedLocales,
} from './localize.js';
export { CbProvider } from './provider/provider.component.js';
export { tokens } from './styles/tokens.styles.js';
