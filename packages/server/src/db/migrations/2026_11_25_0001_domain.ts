// Frozen: the whole domain of DESIGN.md. Later changes go into new, later-dated files.
import { type Kysely, sql } from 'kysely';

const statements = [
  `create extension if not exists btree_gist`,
  `create extension if not exists pg_trgm`,

  // --- tenants, access -------------------------------------------------------------------------
  `create table businesses (
    id uuid primary key default gen_random_uuid(),
    name text not null,
    country char(2) not null,
    currency char(3) not null,
    timezone text not null,
    phone text,
    email text,
    allowed_origins text[] not null default '{}',
    shared_client_base boolean not null default true,
    settings jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  `create table api_keys (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    kind text not null check (kind in ('secret', 'publishable')),
    display_prefix text not null,
    key_hash text not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`,
  `create index api_keys_business on api_keys (business_id)`,
  `create table locations (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    name text not null,
    timezone text not null,
    address text,
    phone text,
    created_at timestamptz not null default now(),
    unique (business_id, id)
  )`,
  `create table users (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    email text not null,
    name text not null,
    role text not null check (role in ('owner', 'admin', 'receptionist')),
    location_ids uuid[] not null default '{}',
    created_at timestamptz not null default now(),
    unique (business_id, id)
  )`,
  `create unique index users_email on users (business_id, lower(email))`,
  `create table component_sessions (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    user_id uuid not null,
    token_hash text not null unique,
    features jsonb not null default '{}',
    expires_at timestamptz not null,
    created_at timestamptz not null default now(),
    foreign key (business_id, user_id) references users (business_id, id) on delete cascade
  )`,
  `create index component_sessions_expiry on component_sessions (expires_at)`,

  // --- catalogue -------------------------------------------------------------------------------
  `create table staff (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    name text not null,
    position text,
    location_ids uuid[] not null default '{}',
    service_ids uuid[] not null default '{}',
    working_hours jsonb not null default '[]',
    active boolean not null default true,
    created_at timestamptz not null default now(),
    unique (business_id, id)
  )`,
  `create table staff_time_off (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    staff_id uuid not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null check (ends_at > starts_at),
    reason text,
    foreign key (business_id, staff_id) references staff (business_id, id) on delete cascade
  )`,
  `create index staff_time_off_staff on staff_time_off (staff_id, starts_at)`,
  `create table services (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    name text not null,
    duration_minutes integer not null check (duration_minutes > 0),
    price bigint not null check (price >= 0),
    buffer_minutes integer not null default 0 check (buffer_minutes >= 0),
    online_booking boolean not null default true,
    active boolean not null default true,
    created_at timestamptz not null default now(),
    unique (business_id, id)
  )`,
  `create table products (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    name text not null,
    sku text,
    price bigint not null check (price >= 0),
    created_at timestamptz not null default now(),
    unique (business_id, id)
  )`,

  // --- clients ---------------------------------------------------------------------------------
  `create table clients (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    first_name text not null,
    last_name text,
    middle_name text,
    phone text,
    additional_phone text,
    email text,
    gender text not null default 'unspecified' check (gender in ('female', 'male', 'unspecified')),
    importance smallint not null default 0 check (importance between 0 and 3),
    discount smallint not null default 0 check (discount between 0 and 100),
    card_number text,
    birth_date date,
    note text,
    custom_fields jsonb not null default '{}',
    online_booking_disabled boolean not null default false,
    online_booking_disabled_reason text,
    source text not null default 'admin' check (source in ('online', 'admin', 'import')),
    marketing_allowed boolean not null default false,
    push_enabled boolean not null default false,
    mobile_app_platform text,
    mobile_app_last_used_at timestamptz,
    created_location_id uuid,
    -- aggregates, kept exact in the transaction that changes their facts
    visits_count integer not null default 0,
    first_visit_at timestamptz,
    last_visit_at timestamptz,
    total_sold bigint not null default 0,
    total_paid bigint not null default 0,
    balance bigint not null default 0 check (balance >= 0),
    -- lower-cased, accent-free "first middle last", written by the application (unaccent is not immutable)
    search_name text not null default '',
    name_sort text generated always as (lower(first_name || ' ' || coalesce(last_name, ''))) stored,
    average_check bigint generated always as (case when visits_count > 0 then total_sold / visits_count end) stored,
    birth_md smallint generated always as ((extract(month from birth_date) * 100 + extract(day from birth_date))::smallint) stored,
    phone_reversed text generated always as (reverse(phone)) stored,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (business_id, id)
  )`,
  `create unique index clients_phone on clients (business_id, phone)`,
  `create index clients_phone_suffix on clients (business_id, phone_reversed text_pattern_ops)`,
  `create index clients_email on clients (business_id, lower(email) text_pattern_ops)`,
  `create index clients_card on clients (business_id, card_number text_pattern_ops)`,
  `create index clients_search_name on clients using gin (search_name gin_trgm_ops)`,
  `create index clients_birthday on clients (business_id, birth_md)`,
  // list sorts: ties break by id; not-null columns serve both directions with one index
  ...['name_sort', 'total_sold', 'total_paid', 'visits_count', 'discount', 'balance', 'created_at'].map(
    (column) => `create index clients_sort_${column} on clients (business_id, ${column}, id)`,
  ),
  // nullable sort columns: nulls last in both directions needs one index per direction
  ...['first_visit_at', 'last_visit_at', 'birth_date', 'average_check'].flatMap((column) => [
    `create index clients_sort_${column}_asc on clients (business_id, ${column} asc nulls last, id)`,
    `create index clients_sort_${column}_desc on clients (business_id, ${column} desc nulls last, id desc)`,
  ]),

  `create table categories (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    name text not null,
    color text not null,
    system_key text check (system_key in ('regular', 'vip', 'new_client', 'requires_confirmation')),
    created_at timestamptz not null default now(),
    unique (business_id, id),
    unique (business_id, system_key)
  )`,
  `create unique index categories_name on categories (business_id, lower(name))`,
  `create table client_categories (
    business_id uuid not null,
    client_id uuid not null,
    category_id uuid not null,
    assigned_by text not null default 'manual' check (assigned_by in ('manual', 'rule')),
    created_at timestamptz not null default now(),
    primary key (client_id, category_id),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade,
    foreign key (business_id, category_id) references categories (business_id, id) on delete cascade
  )`,
  `create index client_categories_category on client_categories (category_id, client_id)`,
  `create table category_rules (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    category_id uuid,
    metric text not null check (metric in ('visits_count', 'total_sold', 'total_paid', 'days_since_first_visit', 'average_check')),
    operator text not null check (operator in ('gte', 'lte')),
    threshold bigint not null,
    discount smallint check (discount between 0 and 100),
    active boolean not null default true,
    created_at timestamptz not null default now(),
    check (category_id is not null or discount is not null),
    foreign key (business_id, category_id) references categories (business_id, id) on delete cascade
  )`,
  `create table custom_field_definitions (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
    label text not null,
    type text not null check (type in ('text', 'number', 'date', 'select')),
    options text[] not null default '{}',
    position integer not null default 0,
    created_at timestamptz not null default now(),
    unique (business_id, key)
  )`,
  `create index clients_custom_fields on clients using gin (custom_fields jsonb_path_ops)`,
  `create table segments (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    name text not null,
    query text,
    filter jsonb not null default '{}',
    created_by uuid,
    created_at timestamptz not null default now()
  )`,

  // --- appointments ----------------------------------------------------------------------------
  `create table appointments (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    location_id uuid not null,
    staff_id uuid not null,
    client_id uuid not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    status text not null default 'confirmed' check (status in ('pending', 'confirmed', 'arrived', 'no_show', 'cancelled')),
    source text not null default 'admin' check (source in ('online', 'admin', 'import')),
    comment text,
    total bigint not null default 0,
    paid bigint not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (ends_at > starts_at),
    unique (business_id, id),
    foreign key (business_id, location_id) references locations (business_id, id),
    foreign key (business_id, staff_id) references staff (business_id, id),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade,
    -- a staff member cannot be in two live appointments at once, whatever the application does
    constraint appointments_no_double_booking exclude using gist (
      staff_id with =, tstzrange(starts_at, ends_at) with &&
    ) where (status in ('pending', 'confirmed', 'arrived'))
  )`,
  `create index appointments_client on appointments (client_id, starts_at desc)`,
  `create index appointments_range on appointments (business_id, starts_at)`,
  `create index appointments_staff on appointments (staff_id, starts_at)`,
  `create table appointment_items (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    appointment_id uuid not null,
    kind text not null check (kind in ('service', 'product')),
    service_id uuid,
    product_id uuid,
    staff_id uuid,
    name text not null,
    quantity integer not null default 1 check (quantity > 0),
    price bigint not null check (price >= 0),
    discount smallint not null default 0 check (discount between 0 and 100),
    amount bigint not null check (amount >= 0),
    check ((kind = 'service') = (service_id is not null)),
    foreign key (business_id, appointment_id) references appointments (business_id, id) on delete cascade,
    foreign key (business_id, service_id) references services (business_id, id),
    foreign key (business_id, product_id) references products (business_id, id)
  )`,
  `create index appointment_items_appointment on appointment_items (appointment_id)`,
  `create index appointment_items_service on appointment_items (service_id)`,
  `create table payments (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    appointment_id uuid not null,
    client_id uuid not null,
    method text not null check (method in ('cash', 'card', 'account', 'loyalty', 'gift_card')),
    amount bigint not null check (amount > 0),
    loyalty_card_id uuid,
    created_at timestamptz not null default now(),
    foreign key (business_id, appointment_id) references appointments (business_id, id) on delete cascade,
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade
  )`,
  `create index payments_appointment on payments (appointment_id)`,
  `create table account_transactions (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    client_id uuid not null,
    kind text not null check (kind in ('top_up', 'charge', 'refund')),
    amount bigint not null check (amount > 0),
    balance_after bigint not null check (balance_after >= 0),
    comment text,
    appointment_id uuid,
    created_by uuid,
    created_at timestamptz not null default now(),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade
  )`,
  `create index account_transactions_client on account_transactions (client_id, created_at desc)`,

  // --- loyalty ---------------------------------------------------------------------------------
  `create table loyalty_cards (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    client_id uuid not null,
    kind text not null check (kind in ('loyalty', 'gift_card', 'membership')),
    number text not null,
    name text,
    balance bigint not null default 0 check (balance >= 0),
    visits_left integer check (visits_left >= 0),
    discount smallint not null default 0 check (discount between 0 and 100),
    expires_at timestamptz,
    issued_at timestamptz not null default now(),
    deleted_at timestamptz,
    unique (business_id, id),
    unique (business_id, number),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade
  )`,
  `create index loyalty_cards_client on loyalty_cards (client_id)`,
  `create index loyalty_cards_expiry on loyalty_cards (business_id, expires_at) where kind = 'membership' and deleted_at is null`,
  `create table loyalty_transactions (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    card_id uuid not null,
    kind text not null check (kind in ('accrue', 'redeem', 'write_off', 'expire')),
    amount bigint not null check (amount > 0),
    promotion text,
    comment text,
    expires_at timestamptz,
    appointment_id uuid,
    created_at timestamptz not null default now(),
    foreign key (business_id, card_id) references loyalty_cards (business_id, id) on delete cascade
  )`,
  `create index loyalty_transactions_card on loyalty_transactions (card_id, created_at desc)`,
  `create table ecard_tokens (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    card_id uuid not null,
    token_hash text not null unique,
    revoked_at timestamptz,
    created_at timestamptz not null default now(),
    foreign key (business_id, card_id) references loyalty_cards (business_id, id) on delete cascade
  )`,

  // --- messaging -------------------------------------------------------------------------------
  `create table campaigns (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    channel text not null check (channel in ('sms', 'email', 'push')),
    subject text,
    body text not null,
    selection jsonb not null,
    status text not null default 'queued',
    counts jsonb not null default '{}',
    created_by uuid,
    created_at timestamptz not null default now(),
    unique (business_id, id)
  )`,
  `create table messages (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    client_id uuid,
    campaign_id uuid,
    channel text not null check (channel in ('sms', 'email', 'push')),
    kind text not null default 'manual',
    status text not null default 'queued' check (status in ('queued', 'sent', 'delivered', 'failed', 'skipped')),
    to_address text,
    subject text,
    body text not null,
    provider text,
    provider_message_id text,
    error text,
    created_at timestamptz not null default now(),
    sent_at timestamptz,
    updated_at timestamptz not null default now(),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade,
    foreign key (business_id, campaign_id) references campaigns (business_id, id) on delete set null (campaign_id)
  )`,
  `create index messages_client on messages (client_id, created_at desc)`,
  // one message per recipient per campaign: a retried bulk send cannot send a second copy
  `create unique index messages_campaign_recipient on messages (campaign_id, client_id) where campaign_id is not null`,
  `create index messages_provider on messages (provider, provider_message_id)`,
  `create table calls (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    client_id uuid,
    external_id text not null,
    direction text not null check (direction in ('inbound', 'outbound')),
    phone text not null,
    status text not null,
    started_at timestamptz not null,
    duration_seconds integer not null default 0,
    recording_url text,
    created_at timestamptz not null default now(),
    unique (business_id, external_id),
    foreign key (business_id, client_id) references clients (business_id, id) on delete set null (client_id)
  )`,
  `create index calls_client on calls (client_id, started_at desc)`,
  `create table push_subscriptions (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    client_id uuid not null,
    endpoint text not null unique,
    p256dh text not null,
    auth text not null,
    created_at timestamptz not null default now(),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade
  )`,
  `create index push_subscriptions_client on push_subscriptions (client_id)`,
  `create table notification_settings (
    business_id uuid not null,
    client_id uuid not null,
    type text not null,
    channel text not null check (channel in ('sms', 'email', 'push')),
    enabled boolean not null,
    primary key (client_id, type, channel),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade
  )`,

  // --- files, jobs, log ------------------------------------------------------------------------
  `create table files (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null,
    client_id uuid not null,
    name text not null,
    mime_type text not null,
    size_bytes bigint not null,
    storage_key text not null,
    uploaded_by uuid,
    created_at timestamptz not null default now(),
    foreign key (business_id, client_id) references clients (business_id, id) on delete cascade
  )`,
  `create index files_client on files (client_id, created_at desc)`,
  `create table jobs (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    kind text not null,
    status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
    progress real not null default 0 check (progress between 0 and 1),
    params jsonb not null default '{}',
    result jsonb,
    error text,
    created_by uuid,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create index jobs_business on jobs (business_id, created_at desc)`,
  `create table exports (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    job_id uuid not null references jobs(id) on delete cascade,
    requested_by uuid,
    storage_key text,
    token_hash text unique,
    expires_at timestamptz not null,
    created_at timestamptz not null default now()
  )`,
  `create table imports (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    file_name text not null,
    storage_key text not null,
    status text not null default 'previewed',
    mapping jsonb not null default '{}',
    preview jsonb not null default '{}',
    job_id uuid references jobs(id) on delete set null,
    created_by uuid,
    created_at timestamptz not null default now()
  )`,
  `create table data_log (
    id uuid primary key default gen_random_uuid(),
    business_id uuid not null references businesses(id) on delete cascade,
    user_id uuid,
    actor text not null,
    action text not null,
    entity text not null,
    row_count integer not null default 0,
    details jsonb not null default '{}',
    created_at timestamptz not null default now()
  )`,
  `create index data_log_business on data_log (business_id, created_at desc)`,

  // --- shared state for horizontally scaled processes -----------------------------------------
  `create table rate_limit_counters (
    bucket text not null,
    window_start timestamptz not null,
    count integer not null,
    primary key (bucket, window_start)
  )`,
  `create table idempotency_keys (
    business_id uuid not null references businesses(id) on delete cascade,
    key text not null,
    request_hash text not null,
    status_code integer,
    response jsonb,
    created_at timestamptz not null default now(),
    primary key (business_id, key)
  )`,
  `create table app_settings (
    key text primary key,
    value jsonb not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = [
    'app_settings',
    'idempotency_keys',
    'rate_limit_counters',
    'data_log',
    'imports',
    'exports',
    'jobs',
    'files',
    'notification_settings',
    'push_subscriptions',
    'calls',
    'messages',
    'campaigns',
    'ecard_tokens',
    'loyalty_transactions',
    'loyalty_cards',
    'account_transactions',
    'payments',
    'appointment_items',
    'appointments',
    'segments',
    'custom_field_definitions',
    'category_rules',
    'client_categories',
    'categories',
    'clients',
    'products',
    'services',
    'staff_time_off',
    'staff',
    'component_sessions',
    'users',
    'locations',
    'api_keys',
    'businesses',
  ];
  for (const table of tables) await sql.raw(`drop table if exists ${table} cascade`).execute(db);
}
