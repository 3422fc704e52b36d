// The columns a client export can have: one per field of the CONTRACT Client object, plus one per custom
// field (`custom_fields.<key>`). A column says what its cells are (the writer turns that into Excel types)
// and reads its value from the client object listClients/clientView produce.
import { z } from 'zod';
import type { ClientView } from '../clients/view';
import { validationFailed } from '../http/errors';
import { displayPhone } from '../phones/normalize';
import type { ScopedDb } from '../tenancy/scoped-db';

export type ClientRow = ClientView;

/**
 * text; number; money (integer minor units, shown in major units); date ('YYYY-MM-DD'); datetime (an ISO
 * instant, shown in the business's time zone); boolean.
 */
export type CellType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'boolean';

export type CellValue = string | number | boolean | null;

export interface ExportColumn {
  id: string;
  /** The header, in English. */
  label: string;
  type: CellType;
  /** Column width in characters. */
  width: number;
  value: (row: ClientRow) => CellValue;
}

const column = (id: string, label: string, type: CellType, width: number, value: (row: ClientRow) => CellValue) => ({
  id,
  label,
  type,
  width,
  value,
});

const GENDER: Record<string, string> = { female: 'Female', male: 'Male', unspecified: '' };
const SOURCE: Record<string, string> = { online: 'Online booking', admin: 'Added by staff', import: 'Import' };

/** Every built-in column, in the order a full export lists them. */
export const CLIENT_COLUMNS: readonly ExportColumn[] = [
  column('id', 'ID', 'text', 38, (r) => r.id),
  column('name', 'Name', 'text', 28, (r) => r.name),
  column('first_name', 'First name', 'text', 16, (r) => r.first_name),
  column('last_name', 'Last name', 'text', 18, (r) => r.last_name),
  column('middle_name', 'Middle name', 'text', 16, (r) => r.middle_name),
  // clientView formatted it already; formatting is the costliest part of a row (libphonenumber).
  column('phone', 'Phone', 'text', 18, (r) => r.phone_display),
  column('additional_phone', 'Additional phone', 'text', 18, (r) => displayPhone(r.additional_phone)),
  column('email', 'Email', 'text', 30, (r) => r.email),
  column('gender', 'Gender', 'text', 10, (r) => GENDER[r.gender] ?? r.gender),
  column('importance', 'Importance', 'number', 11, (r) => r.importance),
  column('discount', 'Discount, %', 'number', 11, (r) => r.discount),
  column('card_number', 'Card number', 'text', 16, (r) => r.card_number),
  column('birth_date', 'Birth date', 'date', 12, (r) => r.birth_date),
  column('note', 'Note', 'text', 40, (r) => r.note),
  column('categories', 'Categories', 'text', 30, (r) => r.categories.map((c) => c.name).join(', ')),
  column('online_booking_disabled', 'Online booking disabled', 'boolean', 12, (r) => r.online_booking_disabled),
  column('source', 'Source', 'text', 15, (r) => SOURCE[r.source] ?? r.source),
  column('visits_count', 'Visits', 'number', 8, (r) => r.visits_count),
  column('first_visit_at', 'First visit', 'datetime', 17, (r) => r.first_visit_at),
  column('last_visit_at', 'Last visit', 'datetime', 17, (r) => r.last_visit_at),
  column('total_sold', 'Total sold', 'money', 13, (r) => r.total_sold),
  column('total_paid', 'Total paid', 'money', 13, (r) => r.total_paid),
  column('average_check', 'Average check', 'money', 13, (r) => r.average_check),
  column('balance', 'Balance', 'money', 12, (r) => r.balance),
  column('marketing_allowed', 'Marketing allowed', 'boolean', 12, (r) => r.marketing_allowed),
  column('push_enabled', 'Push enabled', 'boolean', 10, (r) => r.push_enabled),
  column('mobile_app', 'Mobile app', 'text', 12, (r) => r.mobile_app?.platform ?? null),
  column('created_at', 'Created', 'datetime', 17, (r) => r.created_at),
];

const BY_ID = new Map(CLIENT_COLUMNS.map((c) => [c.id, c]));

/** What an export has when the request names no columns. */
export const DEFAULT_COLUMNS = [
  'name',
  'phone',
  'email',
  'birth_date',
  'categories',
  'visits_count',
  'last_visit_at',
  'total_sold',
  'balance',
  'discount',
  'note',
  'created_at',
] as const;

const CUSTOM_PREFIX = 'custom_fields.';
// The key shape custom-field definitions allow (custom-fields/routes.ts), so a typo is caught here already.
const CUSTOM_ID = /^custom_fields\.[a-z][a-z0-9_]{0,62}$/;

/**
 * The `columns` of an export request: built-in ids or `custom_fields.<key>`, no repeats; absent → the default
 * set. Whether a custom key exists is the business's data: resolveColumns checks it.
 */
export const exportColumnsSchema = z
  .array(
    z
      .string()
      .refine(
        (id) => BY_ID.has(id) || CUSTOM_ID.test(id),
        'Unknown column: use a client field (e.g. "name", "phone") or "custom_fields.<key>".',
      ),
  )
  .min(1)
  .max(CLIENT_COLUMNS.length + 100)
  .refine((ids) => new Set(ids).size === ids.length, 'A column is listed twice.')
  .default([...DEFAULT_COLUMNS]);

/**
 * The columns for `ids`, in that order, with custom fields labelled from the business's definitions. An
 * unknown id → 422 naming `<field>.<index>`.
 */
export async function resolveColumns(tenant: ScopedDb, ids: readonly string[], field = 'columns') {
  const keys = ids.filter((id) => id.startsWith(CUSTOM_PREFIX)).map((id) => id.slice(CUSTOM_PREFIX.length));
  const definitions = keys.length
    ? await tenant
        .selectFrom('custom_field_definitions')
        .select(['key', 'label', 'type'])
        .where('key', 'in', keys)
        .execute()
    : [];
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const errors: { field: string; message: string }[] = [];
  const columns: ExportColumn[] = [];
  ids.forEach((id, index) => {
    const builtIn = BY_ID.get(id);
    const definition = id.startsWith(CUSTOM_PREFIX) ? byKey.get(id.slice(CUSTOM_PREFIX.length)) : undefined;
    if (builtIn) columns.push(builtIn);
    else if (definition) columns.push(customColumn(definition));
    else errors.push({ field: `${field}.${index}`, message: `Unknown column "${id}".` });
  });
  if (errors.length) throw validationFailed(errors);
  return columns;
}

function customColumn(definition: { key: string; label: string; type: 'text' | 'number' | 'date' | 'select' }) {
  const type: CellType = definition.type === 'number' ? 'number' : definition.type === 'date' ? 'date' : 'text';
  return column(
    `${CUSTOM_PREFIX}${definition.key}`,
    definition.label,
    type,
    Math.min(40, Math.max(12, definition.label.length + 2)),
    (r) => r.custom_fields[definition.key] ?? null,
  );
}
