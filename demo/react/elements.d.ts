// The Clientbase elements as React 19 sees them: attributes as strings, properties as values, and each `cb-*`
// event as an `oncb-*` prop (React 19 adds a listener for the name after "on", exactly as written).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/** The filter object of `POST /v1/clients/search` (docs/api.md); the demo only passes it along. */
export type ClientFilter = Record<string, unknown>;

export type ClientSelection = { ids: string[] } | { filter: ClientFilter; query: string; except_ids: string[] };

export interface Appointment {
  id: string;
  status: string;
  starts_at: string;
  ends_at: string;
  location_id: string;
  staff_id: string;
  service_ids: string[];
  client_id: string;
}

export interface Client {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  visits_count: number;
  total_sold: number;
  last_visit_at: string | null;
  categories: { id: string; name: string; color: string }[];
}

export interface CbClientOpenEvent extends Event {
  readonly clientId: string;
}
export interface CbSelectionChangeEvent extends Event {
  readonly selection: ClientSelection;
  readonly count: number;
}
export interface CbFilterChangeEvent extends Event {
  readonly filter: ClientFilter;
  readonly query: string | undefined;
}
export interface CbClientUpdatedEvent extends Event {
  readonly client: Client;
}
export interface CbClientDeletedEvent extends Event {
  readonly clientId: string;
}
export interface CbBulkDoneEvent extends Event {
  readonly action: 'send_message' | 'add_category' | 'remove_category' | 'delete' | 'export';
  readonly result: unknown;
}
export interface CbSessionExpiredEvent extends Event {
  readonly error: unknown;
}
/** The widget's events are CustomEvents with the payload in `detail`. */
export type CbBookingCreatedEvent = CustomEvent<{ appointment: Appointment }>;
export type CbBookingRefusedEvent = CustomEvent<{ code: string }>;

export interface CbProviderElement extends HTMLElement {
  session: string | null;
  fetchSession: (() => Promise<string>) | null;
  theme: 'light' | 'dark';
  readonly apiClient: { request<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string): Promise<T> };
}

type ElementProps<E extends HTMLElement, P> = DetailedHTMLProps<HTMLAttributes<E>, E> & P;

interface CbProviderProps {
  'api-base'?: string;
  session?: string | null;
  locale?: string;
  theme?: 'light' | 'dark';
  fetchSession?: (() => Promise<string>) | null;
  'oncb-session-expired'?: (event: CbSessionExpiredEvent) => void;
}

interface CbClientTableProps {
  columns?: string;
  sort?: string;
  query?: string;
  filter?: ClientFilter;
  selectable?: boolean;
  'oncb-client-open'?: (event: CbClientOpenEvent) => void;
  'oncb-selection-change'?: (event: CbSelectionChangeEvent) => void;
}

interface CbClientFiltersProps {
  filter?: ClientFilter;
  'oncb-filter-change'?: (event: CbFilterChangeEvent) => void;
}

interface CbBulkActionBarProps {
  for?: string;
  'oncb-bulk-done'?: (event: CbBulkDoneEvent) => void;
}

interface CbClientCardProps {
  'client-id'?: string;
  sections?: string;
  'oncb-client-updated'?: (event: CbClientUpdatedEvent) => void;
  'oncb-client-deleted'?: (event: CbClientDeletedEvent) => void;
}

interface CbBookingWidgetProps {
  'api-base'?: string;
  'publishable-key'?: string;
  'location-id'?: string;
  locale?: string;
  mode?: 'inline' | 'button';
  theme?: 'light' | 'dark' | 'auto';
  'oncb-booking-created'?: (event: CbBookingCreatedEvent) => void;
  'oncb-booking-refused'?: (event: CbBookingRefusedEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cb-provider': ElementProps<CbProviderElement, CbProviderProps>;
      'cb-client-table': ElementProps<HTMLElement, CbClientTableProps>;
      'cb-client-filters': ElementProps<HTMLElement, CbClientFiltersProps>;
      'cb-bulk-action-bar': ElementProps<HTMLElement, CbBulkActionBarProps>;
      'cb-client-card': ElementProps<HTMLElement, CbClientCardProps>;
      'cb-booking-widget': ElementProps<HTMLElement, CbBookingWidgetProps>;
    }
  }
}
