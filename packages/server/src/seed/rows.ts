// The rows the generator produces, shaped for the bulk writer: timestamps as ISO strings, jsonb as
// JSON text, and a column list with the SQL type of each column (the unnest casts need them).
// business_id is left out of every row: the writer adds it once per statement.

export type PgType =
  | 'uuid'
  | 'uuid[]'
  | 'text'
  | 'bigint'
  | 'integer'
  | 'smallint'
  | 'boolean'
  | 'timestamptz'
  | 'date'
  | 'jsonb';

export interface TableSpec<Row> {
  table: string;
  columns: readonly (readonly [keyof Row & string, PgType])[];
}

export interface ClientRow {
  id: string;
  first_name: string;
  last_name: string | null;
  middle_name: string | null;
  phone: string;
  additional_phone: string | null;
  email: string | null;
  gender: 'female' | 'male' | 'unspecified';
  importance: number;
  discount: number;
  card_number: string | null;
  birth_date: string | null;
  note: string | null;
  custom_fields: string;
  online_booking_disabled: boolean;
  online_booking_disabled_reason: string | null;
  source: 'online' | 'admin' | 'import';
  marketing_allowed: boolean;
  push_enabled: boolean;
  mobile_app_platform: string | null;
  mobile_app_last_used_at: string | null;
  created_location_id: string | null;
  visits_count: number;
  first_visit_at: string | null;
  last_visit_at: string | null;
  total_sold: number;
  total_paid: number;
  balance: number;
  location_ids: string[];
  staff_ids: string[];
  service_ids: string[];
  membership_expires_at: string | null;
  search_name: string;
  created_at: string;
  updated_at: string;
}

export interface ClientCategoryRow {
  client_id: string;
  category_id: string;
  created_at: string;
}

export interface AppointmentRow {
  id: string;
  location_id: string;
  staff_id: string;
  client_id: string;
  starts_at: string;
  ends_at: string;
  status: 'pending' | 'confirmed' | 'arrived' | 'no_show' | 'cancelled';
  source: 'online' | 'admin' | 'import';
  comment: string | null;
  total: number;
  paid: number;
  created_at: string;
  updated_at: string;
}

export interface AppointmentItemRow {
  id: string;
  appointment_id: string;
  kind: 'service' | 'product';
  service_id: string | null;
  product_id: string | null;
  staff_id: string | null;
  name: string;
  quantity: number;
  price: number;
  discount: number;
  amount: number;
}

export interface PaymentRow {
  id: string;
  appointment_id: string;
  client_id: string;
  method: 'cash' | 'card' | 'account' | 'loyalty' | 'gift_card';
  amount: number;
  loyalty_card_id: string | null;
  created_at: string;
}

export interface AccountTransactionRow {
  id: string;
  client_id: string;
  kind: 'top_up' | 'charge' | 'refund';
  amount: number;
  balance_after: number;
  comment: string | null;
  appointment_id: string | null;
  created_at: string;
}

export interface LoyaltyCardRow {
  id: string;
  client_id: string;
  kind: 'loyalty' | 'gift_card' | 'membership';
  number: string;
  name: string | null;
  balance: number;
  visits_left: number | null;
  discount: number;
  expires_at: string | null;
  issued_at: string;
  deleted_at: string | null;
}

export interface LoyaltyTransactionRow {
  id: string;
  card_id: string;
  kind: 'accrue' | 'redeem' | 'write_off' | 'expire';
  amount: number;
  promotion: string | null;
  comment: string | null;
  expires_at: string | null;
  appointment_id: string | null;
  created_at: string;
}

export interface MessageRow {
  id: string;
  client_id: string;
  channel: 'sms' | 'email' | 'push';
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
  updated_at: string;
}

/** Everything one slice of clients brings, in foreign-key order. */
export interface ChunkRows {
  clients: ClientRow[];
  clientCategories: ClientCategoryRow[];
  appointments: AppointmentRow[];
  appointmentItems: AppointmentItemRow[];
  payments: PaymentRow[];
  accountTransactions: AccountTransactionRow[];
  loyaltyCards: LoyaltyCardRow[];
  loyaltyTransactions: LoyaltyTransactionRow[];
  messages: MessageRow[];
}

export const emptyChunk = (): ChunkRows => ({
  clients: [],
  clientCategories: [],
  appointments: [],
  appointmentItems: [],
  payments: [],
  accountTransactions: [],
  loyaltyCards: [],
  loyaltyTransactions: [],
  messages: [],
});

export const CLIENTS: TableSpec<ClientRow> = {
  table: 'clients',
  columns: [
    ['id', 'uuid'],
    ['first_name', 'text'],
    ['last_name', 'text'],
    ['middle_name', 'text'],
    ['phone', 'text'],
    ['additional_phone', 'text'],
    ['email', 'text'],
    ['gender', 'text'],
    ['importance', 'smallint'],
    ['discount', 'smallint'],
    ['card_number', 'text'],
    ['birth_date', 'date'],
    ['note', 'text'],
    ['custom_fields', 'jsonb'],
    ['online_booking_disabled', 'boolean'],
    ['online_booking_disabled_reason', 'text'],
    ['source', 'text'],
    ['marketing_allowed', 'boolean'],
    ['push_enabled', 'boolean'],
    ['mobile_app_platform', 'text'],
    ['mobile_app_last_used_at', 'timestamptz'],
    ['created_location_id', 'uuid'],
    ['visits_count', 'integer'],
    ['first_visit_at', 'timestamptz'],
    ['last_visit_at', 'timestamptz'],
    ['total_sold', 'bigint'],
    ['total_paid', 'bigint'],
    ['balance', 'bigint'],
    ['location_ids', 'uuid[]'],
    ['staff_ids', 'uuid[]'],
    ['service_ids', 'uuid[]'],
    ['membership_expires_at', 'timestamptz'],
    ['search_name', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};

export const CLIENT_CATEGORIES: TableSpec<ClientCategoryRow> = {
  table: 'client_categories',
  columns: [
    ['client_id', 'uuid'],
    ['category_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};

export const APPOINTMENTS: TableSpec<AppointmentRow> = {
  table: 'appointments',
  columns: [
    ['id', 'uuid'],
    ['location_id', 'uuid'],
    ['staff_id', 'uuid'],
    ['client_id', 'uuid'],
    ['starts_at', 'timestamptz'],
    ['ends_at', 'timestamptz'],
    ['status', 'text'],
    ['source', 'text'],
    ['comment', 'text'],
    ['total', 'bigint'],
    ['paid', 'bigint'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};

export const APPOINTMENT_ITEMS: TableSpec<AppointmentItemRow> = {
  table: 'appointment_items',
  columns: [
    ['id', 'uuid'],
    ['appointment_id', 'uuid'],
    ['kind', 'text'],
    ['service_id', 'uuid'],
    ['product_id', 'uuid'],
    ['staff_id', 'uuid'],
    ['name', 'text'],
    ['quantity', 'integer'],
    ['price', 'bigint'],
    ['discount', 'smallint'],
    ['amount', 'bigint'],
  ],
};

export const PAYMENTS: TableSpec<PaymentRow> = {
  table: 'payments',
  columns: [
    ['id', 'uuid'],
    ['appointment_id', 'uuid'],
    ['client_id', 'uuid'],
    ['method', 'text'],
    ['amount', 'bigint'],
    ['loyalty_card_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};

export const ACCOUNT_TRANSACTIONS: TableSpec<AccountTransactionRow> = {
  table: 'account_transactions',
  columns: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['kind', 'text'],
    ['amount', 'bigint'],
    ['balance_after', 'bigint'],
    ['comment', 'text'],
    ['appointment_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};

export const LOYALTY_CARDS: TableSpec<LoyaltyCardRow> = {
  table: 'loyalty_cards',
  columns: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['kind', 'text'],
    ['number', 'text'],
    ['name', 'text'],
    ['balance', 'bigint'],
    ['visits_left', 'integer'],
    ['discount', 'smallint'],
    ['expires_at', 'timestamptz'],
    ['issued_at', 'timestamptz'],
    ['deleted_at', 'timestamptz'],
  ],
};

export const LOYALTY_TRANSACTIONS: TableSpec<LoyaltyTransactionRow> = {
  table: 'loyalty_transactions',
  columns: [
    ['id', 'uuid'],
    ['card_id', 'uuid'],
    ['kind', 'text'],
    ['amount', 'bigint'],
    ['promotion', 'text'],
    ['comment', 'text'],
    ['expires_at', 'timestamptz'],
    ['appointment_id', 'uuid'],
    ['created_at', 'timestamptz'],
  ],
};

export const MESSAGES: TableSpec<MessageRow> = {
  table: 'messages',
  columns: [
    ['id', 'uuid'],
    ['client_id', 'uuid'],
    ['channel', 'text'],
    ['kind', 'text'],
    ['status', 'text'],
    ['to_address', 'text'],
    ['subject', 'text'],
    ['body', 'text'],
    ['provider', 'text'],
    ['provider_message_id', 'text'],
    ['error', 'text'],
    ['created_at', 'timestamptz'],
    ['sent_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};
