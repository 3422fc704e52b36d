import type { ClientCategory, Client as ClientObject } from '@clientbase/shared/client';
import type { Client } from '../db/schema';
import { displayPhone } from '../phones/normalize';

export type CategoryChip = ClientCategory;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The CONTRACT Client object: every field present, empty ones null. */
export function clientView(row: Client, categories: CategoryChip[]): ClientObject {
  return {
    id: row.id,
    name: [row.first_name, row.last_name].filter(Boolean).join(' '),
    first_name: row.first_name,
    last_name: row.last_name,
    middle_name: row.middle_name,
    phone: row.phone,
    phone_display: displayPhone(row.phone),
    additional_phone: row.additional_phone,
    email: row.email,
    gender: row.gender,
    importance: row.importance,
    discount: row.discount,
    card_number: row.card_number,
    birth_date: row.birth_date,
    note: row.note,
    custom_fields: row.custom_fields,
    online_booking_disabled: row.online_booking_disabled,
    online_booking_disabled_reason: row.online_booking_disabled_reason,
    categories,
    source: row.source,
    visits_count: row.visits_count,
    first_visit_at: iso(row.first_visit_at),
    last_visit_at: iso(row.last_visit_at),
    total_sold: row.total_sold,
    total_paid: row.total_paid,
    average_check: row.average_check,
    balance: row.balance,
    marketing_allowed: row.marketing_allowed,
    push_enabled: row.push_enabled,
    mobile_app: row.mobile_app_platform
      ? { platform: row.mobile_app_platform, last_used_at: iso(row.mobile_app_last_used_at) }
      : null,
    created_at: row.created_at.toISOString(),
  };
}

export type ClientView = ClientObject;
