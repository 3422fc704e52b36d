/** Shapes of the API answers the admin elements read (docs/api.md, "Objects"). */

export interface CategoryChip {
  id: string;
  name: string;
  color: string;
}

export interface Category extends CategoryChip {
  system: boolean;
}

export interface Client {
  id: string;
  name: string;
  first_name: string;
  last_name: string | null;
  middle_name: string | null;
  phone: string | null;
  /** The phone in international format for reading, e.g. "+44 7400 900123". */
  phone_display: string | null;
  additional_phone: string | null;
  email: string | null;
  gender: 'female' | 'male' | 'unspecified';
  importance: number;
  discount: number;
  card_number: string | null;
  birth_date: string | null;
  note: string | null;
  custom_fields: Record<string, string | number | null>;
  online_booking_disabled: boolean;
  categories: CategoryChip[];
  source: 'online' | 'admin' | 'import';
  visits_count: number;
  first_visit_at: string | null;
  last_visit_at: string | null;
  total_sold: number;
  total_paid: number;
  average_check: number | null;
  balance: number;
  marketing_allowed: boolean;
  push_enabled: boolean;
  mobile_app: { platform: string; last_used_at: string | null } | null;
  created_at: string;
}

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
