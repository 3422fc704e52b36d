/** Shapes of the API answers the admin elements read (docs/api.md, "Objects"). */

export interface CategoryChip {
  id: string;
  name: string;
  color: string;
  /** Set on a client's chips: which system category this is, null for the business's own. */
  system_key?: string | null;
  /**
   * Set on a client's chips: 'rule' when a category rule assigned it (the rule also takes it away, so the card
   * offers no remove button); 'manual' when staff did.
   */
  assigned_by?: 'manual' | 'rule';
}

export interface Category extends CategoryChip {
  system: boolean;
}

/** The Client object, defined once for the server and the elements. */
export type { Client } from '@clientbase/shared/client';

export interface CustomFieldDefinition {
  id: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select';
  options: string[];
}

export interface NamedItem {
  id: string;
  name: string;
}

export interface ListAnswer<T> {
  items: T[];
  total: number;
}

/** The `filter` of `POST /v1/clients/search`: every key optional, combined with AND. */
export interface ClientFilter {
  categories?: { any?: string[]; all?: string[]; none?: string[] };
  last_visit_before?: string;
  last_visit_after?: string;
  no_visit_for_days?: number;
  visits_min?: number;
  visits_max?: number;
  total_sold_min?: number;
  total_sold_max?: number;
  average_check_min?: number;
  average_check_max?: number;
  balance_min?: number;
  balance_max?: number;
  has_debt?: boolean;
  birthday_within_days?: number;
  birthday_from?: string;
  birthday_to?: string;
  membership_expires_within_days?: number;
  gender?: 'female' | 'male' | 'unspecified';
  online_booking_disabled?: boolean;
  location_ids?: string[];
  staff_ids?: string[];
  service_ids?: string[];
  created_after?: string;
  created_before?: string;
  source?: 'online' | 'admin' | 'import';
  has_email?: boolean;
  has_phone?: boolean;
  has_mobile_app?: boolean;
  importance?: number;
  marketing_allowed?: boolean;
  push_enabled?: boolean;
  custom_fields?: Record<string, string | number>;
}

export interface Segment {
  id: string;
  name: string;
  query: string | null;
  filter: ClientFilter;
  created_at: string;
}

/** Which clients a bulk action applies to: explicit ids, or everything matching minus some. */
export type ClientSelection = { ids: string[] } | { filter: ClientFilter; query: string; except_ids: string[] };

export interface Me {
  user: { id: string; email: string; name: string; role: string; location_ids: string[] } | null;
  business: {
    id: string;
    name: string;
    country: string;
    currency: string;
    timezone: string;
    shared_client_base: boolean;
  };
  permissions: string[];
  features: Record<string, boolean>;
}

/** A line of a visit: a service or a product. */
export interface VisitLine {
  id: string;
  service_id?: string;
  product_id?: string;
  name: string;
  staff: NamedItem | null;
  quantity: number;
  price: number;
  discount: number;
  amount: number;
}

export type AppointmentStatus = 'pending' | 'confirmed' | 'arrived' | 'no_show' | 'cancelled';
export type PaymentMethod = 'cash' | 'card' | 'account' | 'loyalty' | 'gift_card';

/** An appointment of the client as `GET /v1/clients/:id/visits` lists it. */
export interface Visit {
  id: string;
  status: AppointmentStatus;
  starts_at: string;
  ends_at: string;
  source: string;
  comment: string | null;
  location: NamedItem | null;
  staff: NamedItem | null;
  services: VisitLine[];
  products: VisitLine[];
  payments: { id: string; method: PaymentMethod; amount: number; at: string }[];
  total: number;
  paid: number;
  due: number;
}

export interface VisitList extends ListAnswer<Visit> {
  totals: { visits: number; sold: number; paid: number; due: number };
}

export interface RankedItem {
  id: string;
  name: string;
  count: number;
  amount: number;
}

/** `GET /v1/clients/:id/stats`. */
export interface ClientStats {
  from: string;
  to: string;
  revenue_by_month: { month: string; visits: number; sold: number; paid: number }[];
  totals: { visits: number; sold: number; paid: number };
  average_check: number | null;
  favourite_services: RankedItem[];
  favourite_staff: RankedItem[];
  visit_frequency_days: number | null;
  no_shows: number;
  cancellations: number;
}

export type AccountTransactionKind = 'top_up' | 'charge' | 'refund';

export interface AccountTransaction {
  id: string;
  kind: AccountTransactionKind;
  amount: number;
  balance_after: number;
  comment: string | null;
  appointment_id: string | null;
  created_by: string | null;
  created_at: string;
}

/** `GET /v1/clients/:id/account`. */
export interface AccountAnswer extends ListAnswer<AccountTransaction> {
  balance: number;
}

export type MessageChannel = 'sms' | 'email' | 'push';

export interface SmsInfo {
  encoding: 'gsm7' | 'ucs2';
  units: number;
  segments: number;
  per_segment: number;
}

export interface Message {
  id: string;
  client_id: string | null;
  campaign_id: string | null;
  channel: MessageChannel;
  kind: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed' | 'skipped';
  to_address: string | null;
  subject: string | null;
  body: string;
  provider: string | null;
  provider_message_id: string | null;
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** `POST /v1/clients/:id/messages/preview`: the message filled for the client, nothing written. */
export interface MessagePreview {
  channel: MessageChannel;
  to_address: string | null;
  channel_available: boolean;
  subject: string | null;
  body: string;
  characters: number;
  max_characters: number | null;
  segments: number | null;
  sms: SmsInfo | null;
}

export interface Call {
  id: string;
  client_id: string | null;
  external_id: string;
  direction: 'inbound' | 'outbound';
  phone: string;
  status: string;
  started_at: string;
  duration_seconds: number;
  recording_url: string | null;
  created_at: string;
}

export interface ClientFile {
  id: string;
  client_id: string;
  name: string;
  mime_type: string;
  size_bytes: number;
  uploaded_by: string | null;
  created_at: string;
}

export type LoyaltyCardKind = 'loyalty' | 'gift_card' | 'membership';

export interface LoyaltyTransaction {
  id: string;
  card_id: string;
  kind: 'accrue' | 'redeem' | 'write_off' | 'expire';
  amount: number;
  comment: string | null;
  promotion: string | null;
  expires_at: string | null;
  appointment: { id: string; starts_at: string; status: AppointmentStatus } | null;
  created_at: string;
}

export interface LoyaltyCard {
  id: string;
  client_id: string;
  kind: LoyaltyCardKind;
  number: string;
  name: string | null;
  /** Bonus points (loyalty; 1 point = 1 minor unit) or money in minor units (gift card). */
  balance: number;
  /** Visits left on a membership; null: unlimited. */
  visits_left: number | null;
  discount: number;
  expires_at: string | null;
  issued_at: string;
  deleted_at: string | null;
  deleted: boolean;
  expired: boolean;
}

/** A card as the client's loyalty section lists it. */
export interface LoyaltyCardDetails extends LoyaltyCard {
  payments_total: number;
  visits_count: number;
  discount_given: number;
  totals: { accrued: number; redeemed: number; written_off: number; expired: number };
  expiring: { expires_at: string; amount: number }[];
  transactions: LoyaltyTransaction[];
}

/** `GET /v1/clients/:id/loyalty`. */
export interface LoyaltyOverview extends ListAnswer<LoyaltyCardDetails> {
  status: { loyalty_card_id: string | null; card_number: string | null; bonus_balance: number; discount: number };
}

/** `POST /v1/clients/:id/e-card`. */
export interface EcardSent {
  url: string;
  card: LoyaltyCard;
  message: Message;
}

/** `GET /v1/clients/:id/e-card`: the client's loyalty card with its codes as geometry, in modules. */
export interface EcardCodes {
  number: string;
  discount: number;
  bonus_balance: number;
  expires_at: string | null;
  expired: boolean;
  /** A link sent earlier still opens the card. */
  link_active: boolean;
  /** `size` × `size` modules, the 4-module quiet zone included; `path` draws the dark modules. */
  qr: { size: number; path: string };
  /** `width` × `height` modules, the 10-module quiet zones included; `path` draws the bars. */
  barcode: { width: number; height: number; path: string };
}

export type NotificationType = 'booking_confirmation' | 'reminder' | 'birthday' | 'marketing' | 'loyalty';

/** `GET|PUT /v1/clients/:id/notification-settings`. */
export interface NotificationSettings {
  marketing_allowed: boolean;
  types: { type: NotificationType; description: string }[];
  channels: MessageChannel[];
  settings: { type: NotificationType; channel: MessageChannel; enabled: boolean }[];
}
