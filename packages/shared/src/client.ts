// The Client object of the API (docs/api.md, "Objects"): the server builds it (clients/view.ts is checked
// against this type) and the elements read it, so the two cannot drift apart.

/** A category on a client. */
export interface ClientCategory {
  id: string;
  name: string;
  color: string;
  /** Which system category this is (e.g. 'requires_confirmation'), null for the business's own: names can be renamed. */
  system_key: string | null;
  /** 'rule': a category rule assigned it and will take it away; only 'manual' ones are the client's to change. */
  assigned_by: 'manual' | 'rule';
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
  custom_fields: Record<string, string | number | boolean | null>;
  online_booking_disabled: boolean;
  /** Why online booking is off, for staff only (the public is never told). */
  online_booking_disabled_reason: string | null;
  categories: ClientCategory[];
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
