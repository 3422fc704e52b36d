import { html, type nothing, type TemplateResult } from 'lit';
import type { Client, CustomFieldDefinition } from '../api/types.js';
import { formatDate, formatMoney, formatNumber, readableTextColor } from '../format.js';
import { type Locale, type MessageKey, message } from '../localize.js';
import { styleProps } from '../styles/style-props.js';

export interface CellContext {
  locale: Locale;
  currency: string;
  timeZone: string;
}

export interface ColumnDefinition {
  id: string;
  /** Header text, in the active locale. */
  label: () => string;
  width: number;
  /** The `sort` field of the search, when the column sorts. */
  sort?: string;
  numeric?: boolean;
  /** Can be hidden from the column menu (the name column cannot). */
  hideable: boolean;
  render: (client: Client, context: CellContext) => TemplateResult | string | typeof nothing;
}

const label = (key: MessageKey) => () => message(key);

const money = (pick: (client: Client) => number | null) => (client: Client, context: CellContext) =>
  formatMoney(pick(client), context.locale, context.currency);

function categoryChips(client: Client): TemplateResult {
  return html`<span class="chips">${client.categories.map(
    (category) =>
      html`<span
        part="chip"
        class="chip"
        title=${category.name}
        ${styleProps({ background: category.color, color: readableTextColor(category.color) })}
        >${category.name}</span
      >`,
  )}</span>`;
}

/** The built-in columns, in their default order. The name column renders as a button by the table itself. */
export const BASE_COLUMNS: readonly ColumnDefinition[] = [
  { id: 'name', label: label('col.name'), width: 220, sort: 'name', hideable: false, render: (c) => c.name },
  {
    id: 'phone',
    label: label('col.phone'),
    width: 180,
    hideable: true,
    render: (c) => c.phone_display ?? c.phone ?? '',
  },
  { id: 'email', label: label('col.email'), width: 220, hideable: true, render: (c) => c.email ?? '' },
  { id: 'categories', label: label('col.categories'), width: 220, hideable: true, render: categoryChips },
  {
    id: 'visits_count',
    label: label('col.visits_count'),
    width: 90,
    sort: 'visits_count',
    numeric: true,
    hideable: true,
    render: (c, x) => formatNumber(c.visits_count, x.locale),
  },
  {
    id: 'total_sold',
    label: label('col.total_sold'),
    width: 120,
    sort: 'total_sold',
    numeric: true,
    hideable: true,
    render: money((c) => c.total_sold),
  },
  {
    id: 'total_paid',
    label: label('col.total_paid'),
    width: 120,
    sort: 'total_paid',
    numeric: true,
    hideable: true,
    render: money((c) => c.total_paid),
  },
  {
    id: 'average_check',
    label: label('col.average_check'),
    width: 130,
    sort: 'average_check',
    numeric: true,
    hideable: true,
    render: money((c) => c.average_check),
  },
  {
    id: 'discount',
    label: label('col.discount'),
    width: 90,
    sort: 'discount',
    numeric: true,
    hideable: true,
    render: (c) => (c.discount ? `${c.discount} %` : ''),
  },
  {
    id: 'balance',
    label: label('col.balance'),
    width: 110,
    sort: 'balance',
    numeric: true,
    hideable: true,
    render: money((c) => c.balance),
  },
  {
    id: 'first_visit_at',
    label: label('col.first_visit_at'),
    width: 130,
    sort: 'first_visit_at',
    hideable: true,
    render: (c, x) => formatDate(c.first_visit_at, x.locale, x.timeZone),
  },
  {
    id: 'last_visit_at',
    label: label('col.last_visit_at'),
    width: 130,
    sort: 'last_visit_at',
    hideable: true,
    render: (c, x) => formatDate(c.last_visit_at, x.locale, x.timeZone),
  },
  {
    id: 'birth_date',
    label: label('col.birth_date'),
    width: 130,
    sort: 'birth_date',
    hideable: true,
    render: (c, x) => formatDate(c.birth_date, x.locale),
  },
];

export const DEFAULT_VISIBLE = [
  'name',
  'phone',
  'email',
  'categories',
  'visits_count',
  'total_sold',
  'average_check',
  'balance',
  'last_visit_at',
];

export const MAX_LOCKED = 5;

/** A column per custom field definition: id `cf.<key>`. */
export function customColumn(field: CustomFieldDefinition): ColumnDefinition {
  return {
    id: `cf.${field.key}`,
    label: () => field.label,
    width: field.type === 'text' ? 180 : 130,
    numeric: field.type === 'number',
    hideable: true,
    render: (client, context) => {
      const value = client.custom_fields?.[field.key];
      if (value === null || value === undefined) return '';
      if (field.type === 'date' && typeof value === 'string') return formatDate(value, context.locale);
      if (field.type === 'number' && typeof value === 'number') return formatNumber(value, context.locale);
      return String(value);
    },
  };
}
