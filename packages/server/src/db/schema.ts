// Typed mirror of the migrations. Generated<> marks columns the database fills in.
import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in when the insert leaves it out. */
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** jsonb is written as JSON text, so both drivers store exactly what was serialised. */
type Json<T> = ColumnType<T, string, string>;
type JsonDefault<T> = ColumnType<T, string | undefined, string>;
/** `date` columns travel as 'YYYY-MM-DD' strings (the drivers are told not to turn them into Dates). */
type DateString = string;

export type Role = 'owner' | 'admin' | 'receptionist';
export type Gender = 'female' | 'male' | 'unspecified';
export type ClientSource = 'online' | 'admin' | 'import';
export type Channel = 'sms' | 'email' | 'push';
export type AppointmentStatus = 'pending' | 'confirmed' | 'arrived' | 'no_show' | 'cancelled';
export type SystemCategoryKey = 'regular' | 'vip' | 'new_client' | 'requires_confirmation';

export interface BusinessTable {
  id: Generated<string>;
  name: string;
  country: string;
  currency: string;
  timezone: string;
  phone: string | null;
  email: string | null;
  allowed_origins: Generated<string[]>;
  shared_client_base: Generated<boolean>;
  settings: JsonDefault<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface ApiKeyTable {
  id: Generated<string>;
  business_id: string;
  kind: 'secret' | 'publishable';
  display_prefix: string;
  key_hash: string;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

export interface LocationTable {
  id: Generated<string>;
  business_id: string;
  name: string;
  timezone: string;
  address: string | null;
  phone: string | null;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<string>;
  business_id: string;
  email: string;
  name: string;
  role: Role;
  location_ids: Generated<string[]>;
  created_at: CreatedAt;
}

export interface ComponentSessionTable {
  id: Generated<string>;
  business_id: string;
  user_id: string;
  token_hash: string;
  features: JsonDefault<Record<string, boolean>>;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface WorkingHours {
  location_id: string;
  weekday: number; // 1 = Monday … 7 = Sunday (ISO)
  start: string; // HH:MM, location time
  end: string;
  breaks?: { start: string; end: string }[];
}

export interface StaffTable {
  id: Generated<string>;
  business_id: string;
  name: string;
  position: string | null;
  location_ids: Generated<string[]>;
  service_ids: Generated<string[]>;
  working_hours: JsonDefault<WorkingHours[]>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface StaffTimeOffTable {
  id: Generated<string>;
  business_id: string;
  staff_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string | null;
}

export interface ServiceTable {
  id: Generated<string>;
  business_id: string;
  name: string;
  duration_minutes: number;
  price: number;
  buffer_minutes: Generated<number>;
  online_booking: Generated<boolean>;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ProductTable {
  id: Generated<string>;
  business_id: string;
  name: string;
  sku: string | null;
  price: number;
  created_at: CreatedAt;
}

export interface ClientTable {
  id: Generated<string>;
  business_id: string;
  first_name: string;
  last_name: string | null;
  middle_name: string | null;
  phone: string | null;
  additional_phone: string | null;
  email: string | null;
  gender: Generated<Gender>;
  importance: Generated<number>;
  discount: Generated<number>;
  card_number: string | null;
  birth_date: DateString | null;
  note: string | null;
  custom_fields: JsonDefault<Record<string, string | number | boolean | null>>;
  online_booking_disabled: Generated<boolean>;
  online_booking_disabled_reason: string | null;
  source: Generated<ClientSource>;
  marketing_allowed: Generated<boolean>;
  push_enabled: Generated<boolean>;
  mobile_app_platform: string | null;
  mobile_app_last_used_at: Timestamp | null;
  created_location_id: string | null;
  visits_count: Generated<number>;
  first_visit_at: Timestamp | null;
  last_visit_at: Timestamp | null;
  total_sold: Generated<number>;
  total_paid: Generated<number>;
  balance: Generated<number>;
  /** Kept with the visits: branches the client belongs to (created or visited), staff and services of visits. */
  location_ids: Generated<string[]>;
  staff_ids: Generated<string[]>;
  service_ids: Generated<string[]>;
  /** When the last of the client's memberships ends (kept with the cards). */
  membership_expires_at: Timestamp | null;
  search_name: Generated<string>;
  name_sort: GeneratedAlways<string>;
  average_check: GeneratedAlways<number | null>;
  birth_md: GeneratedAlways<number | null>;
  phone_reversed: GeneratedAlways<string | null>;
  /** Settable: imports carry the date a client joined the salon. */
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface CategoryTable {
  id: Generated<string>;
  business_id: string;
  name: string;
  color: string;
  system_key: SystemCategoryKey | null;
  created_at: CreatedAt;
}

export interface ClientCategoryTable {
  business_id: string;
  client_id: string;
  category_id: string;
  assigned_by: Generated<'manual' | 'rule'>;
  created_at: CreatedAt;
}

export interface CategoryRuleTable {
  id: Generated<string>;
  business_id: string;
  category_id: string | null;
  metric: 'visits_count' | 'total_sold' | 'total_paid' | 'days_since_first_visit' | 'average_check';
  operator: 'gte' | 'lte';
  threshold: number;
  discount: number | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface CustomFieldDefinitionTable {
  id: Generated<string>;
  business_id: string;
  key: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'select';
  options: Generated<string[]>;
  position: Generated<number>;
  created_at: CreatedAt;
}

export interface SegmentTable {
  id: Generated<string>;
  business_id: string;
  name: string;
  query: string | null;
  filter: JsonDefault<Record<string, unknown>>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface AppointmentTable {
  id: Generated<string>;
  business_id: string;
  location_id: string;
  staff_id: string;
  client_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  status: Generated<AppointmentStatus>;
  source: Generated<ClientSource>;
  comment: string | null;
  total: Generated<number>;
  paid: Generated<number>;
  created_at: CreatedAt;
  updated_at: TimestampDefault;
}

export interface AppointmentItemTable {
  id: Generated<string>;
  business_id: string;
  appointment_id: string;
  kind: 'service' | 'product';
  service_id: string | null;
  product_id: string | null;
  staff_id: string | null;
  name: string;
  quantity: Generated<number>;
  price: number;
  discount: Generated<number>;
  amount: number;
}

export interface PaymentTable {
  id: Generated<string>;
  business_id: string;
  appointment_id: string;
  client_id: string;
  method: 'cash' | 'card' | 'account' | 'loyalty' | 'gift_card';
  amount: number;
  loyalty_card_id: string | null;
  created_at: CreatedAt;
}

export interface AccountTransactionTable {
  id: Generated<string>;
  business_id: string;
  client_id: string;
  kind: 'top_up' | 'charge' | 'refund';
  amount: number;
  balance_after: number;
  comment: string | null;
  appointment_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface LoyaltyCardTable {
  id: Generated<string>;
  business_id: string;
  client_id: string;
  kind: 'loyalty' | 'gift_card' | 'membership';
  number: string;
  name: string | null;
  balance: Generated<number>;
  visits_left: number | null;
  discount: Generated<number>;
  expires_at: Timestamp | null;
  issued_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface LoyaltyTransactionTable {
  id: Generated<string>;
  business_id: string;
  card_id: string;
  kind: 'accrue' | 'redeem' | 'write_off' | 'expire';
  amount: number;
  promotion: string | null;
  comment: string | null;
  expires_at: Timestamp | null;
  appointment_id: string | null;
  created_at: CreatedAt;
}

export interface EcardTokenTable {
  id: Generated<string>;
  business_id: string;
  card_id: string;
  token_hash: string;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface CampaignTable {
  id: Generated<string>;
  business_id: string;
  channel: Channel;
  subject: string | null;
  body: string;
  selection: Json<Record<string, unknown>>;
  status: Generated<string>;
  counts: JsonDefault<Record<string, number>>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface MessageTable {
  id: Generated<string>;
  business_id: string;
  client_id: string | null;
  campaign_id: string | null;
  channel: Channel;
  kind: Generated<string>;
  status: Generated<'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped'>;
  to_address: string | null;
  subject: string | null;
  body: string;
  provider: string | null;
  provider_message_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  updated_at: TimestampDefault;
}

export interface CallTable {
  id: Generated<string>;
  business_id: string;
  client_id: string | null;
  external_id: string;
  direction: 'inbound' | 'outbound';
  phone: string;
  status: string;
  started_at: Timestamp;
  duration_seconds: Generated<number>;
  recording_url: string | null;
  created_at: CreatedAt;
}

export interface PushSubscriptionTable {
  id: Generated<string>;
  business_id: string;
  client_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  created_at: CreatedAt;
}

export interface NotificationSettingTable {
  business_id: string;
  client_id: string;
  type: string;
  channel: Channel;
  enabled: boolean;
}

export interface FileTable {
  id: Generated<string>;
  business_id: string;
  client_id: string;
  name: string;
  mime_type: string;
  size_bytes: number;
  storage_key: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface JobTable {
  id: Generated<string>;
  business_id: string;
  kind: string;
  status: Generated<'queued' | 'running' | 'done' | 'failed' | 'cancelled'>;
  progress: Generated<number>;
  params: JsonDefault<Record<string, unknown>>;
  result: Json<unknown> | null;
  error: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: TimestampDefault;
  cancel_requested_at: Timestamp | null;
}

export interface ExportTable {
  id: Generated<string>;
  business_id: string;
  job_id: string;
  requested_by: string | null;
  storage_key: string | null;
  token_hash: string | null;
  expires_at: Timestamp;
  created_at: CreatedAt;
  size_bytes: number | null;
}

export interface ImportTable {
  id: Generated<string>;
  business_id: string;
  file_name: string;
  storage_key: string;
  status: Generated<string>;
  /** Client field → column index of the file (see imports/fields.ts). */
  mapping: JsonDefault<Record<string, number>>;
  preview: JsonDefault<unknown>;
  job_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface DataLogTable {
  id: Generated<string>;
  business_id: string;
  user_id: string | null;
  actor: string;
  action: string;
  entity: string;
  row_count: Generated<number>;
  details: JsonDefault<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface RateLimitCounterTable {
  bucket: string;
  window_start: Timestamp;
  count: number;
}

export interface IdempotencyKeyTable {
  business_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: CreatedAt;
}

export interface UserPreferenceTable {
  business_id: string;
  user_id: string;
  key: string;
  value: Json<unknown>;
  updated_at: TimestampDefault;
}

export interface AppSettingTable {
  key: string;
  value: Json<unknown>;
}

export interface Database {
  businesses: BusinessTable;
  api_keys: ApiKeyTable;
  locations: LocationTable;
  users: UserTable;
  component_sessions: ComponentSessionTable;
  staff: StaffTable;
  staff_time_off: StaffTimeOffTable;
  services: ServiceTable;
  products: ProductTable;
  clients: ClientTable;
  categories: CategoryTable;
  client_categories: ClientCategoryTable;
  category_rules: CategoryRuleTable;
  custom_field_definitions: CustomFieldDefinitionTable;
  segments: SegmentTable;
  appointments: AppointmentTable;
  appointment_items: AppointmentItemTable;
  payments: PaymentTable;
  account_transactions: AccountTransactionTable;
  loyalty_cards: LoyaltyCardTable;
  loyalty_transactions: LoyaltyTransactionTable;
  ecard_tokens: EcardTokenTable;
  campaigns: CampaignTable;
  messages: MessageTable;
  calls: CallTable;
  push_subscriptions: PushSubscriptionTable;
  notification_settings: NotificationSettingTable;
  files: FileTable;
  jobs: JobTable;
  exports: ExportTable;
  imports: ImportTable;
  data_log: DataLogTable;
  rate_limit_counters: RateLimitCounterTable;
  idempotency_keys: IdempotencyKeyTable;
  app_settings: AppSettingTable;
  user_preferences: UserPreferenceTable;
}

export type Business = Selectable<BusinessTable>;
export type User = Selectable<UserTable>;
export type Client = Selectable<ClientTable>;
export type NewClient = Insertable<ClientTable>;
export type ClientUpdate = Updateable<ClientTable>;
export type Category = Selectable<CategoryTable>;
