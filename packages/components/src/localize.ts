import { configureLocalization, msg } from '@lit/localize';

/**
 * The English source of every user-visible string of the admin components, keyed by @lit/localize message id. It
 * types the German templates (locales/de.ts), so a missing translation fails the typecheck.
 */
const source = {
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'The connection to the server failed. Check your network and try again.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.notFound': 'This item no longer exists.',
  'session.expired': 'Your session has expired. Reload the page to continue.',
  loading: 'Loading…',
  'table.label': 'Clients',
  'table.search': 'Search clients',
  'table.searchPlaceholder': 'Name, phone, email or card number',
  'table.show': 'Show',
  'table.columns': 'Columns',
  'table.columnsMenu': 'Choose columns',
  'table.lock': 'Lock {column} to the left',
  'table.unlock': 'Unlock {column}',
  'table.lockLimit': 'You can lock up to five columns. Unlock one before locking {column}.',
  'table.locked': 'Locked',
  'table.total': '{count} clients',
  'table.totalOne': '{count} client',
  'table.empty': 'No clients match',
  'table.emptyHint': 'Try another search or remove a filter.',
  'table.error': 'The clients could not be loaded.',
  'table.retry': 'Retry',
  'table.selectRow': 'Select {name}',
  'table.selectPage': 'Select the visible clients',
  'table.selectAll': 'Select all {count} matching',
  'table.clearSelection': 'Clear selection',
  'table.selected': '{count} selected',
  'table.sortAsc': 'Sorted ascending',
  'table.sortDesc': 'Sorted descending',
  'table.sortBy': 'Sort by {column}',
  'table.close': 'Close',
  'col.name': 'Name',
  'col.phone': 'Phone',
  'col.email': 'Email',
  'col.categories': 'Categories',
  'col.visits_count': 'Visits',
  'col.total_sold': 'Total sold',
  'col.total_paid': 'Total paid',
  'col.average_check': 'Average check',
  'col.discount': 'Discount',
  'col.balance': 'Balance',
  'col.first_visit_at': 'First visit',
  'col.last_visit_at': 'Last visit',
  'col.birth_date': 'Birth date',
  'filters.label': 'Filters',
  'filters.add': 'Add filter',
  'filters.apply': 'Apply',
  'filters.remove': 'Remove filter {name}',
  'filters.removeAll': 'Clear filters',
  'filters.cancel': 'Cancel',
  'filters.none': 'No filters: all clients are shown.',
  'filters.min': 'From',
  'filters.max': 'To',
  'filters.any': 'Any of',
  'filters.all': 'All of',
  'filters.notIn': 'None of',
  'filters.yes': 'Yes',
  'filters.no': 'No',
  'filters.days': 'Days',
  'filters.segments': 'Saved segments',
  'filters.segmentChoose': 'Choose a segment',
  'filters.segmentSave': 'Save as segment',
  'filters.segmentName': 'Segment name',
  'filters.segmentDelete': 'Delete segment',
  'filters.segmentSaved': 'Segment “{name}” saved.',
  'filters.segmentDeleted': 'Segment deleted.',
  'filters.save': 'Save',
  'filters.female': 'Female',
  'filters.male': 'Male',
  'filters.unspecified': 'Unspecified',
  'filters.source.online': 'Online',
  'filters.source.admin': 'Admin',
  'filters.source.import': 'Import',
  'filters.importance.0': 'None',
  'filters.importance.1': 'Bronze',
  'filters.importance.2': 'Silver',
  'filters.importance.3': 'Gold',
  'filters.value': 'Value',
  'f.categories': 'Categories',
  'f.last_visit_before': 'Last visit before',
  'f.last_visit_after': 'Last visit after',
  'f.no_visit_for_days': 'Not visited for (days)',
  'f.visits': 'Visits',
  'f.total_sold': 'Total sold',
  'f.average_check': 'Average check',
  'f.balance': 'Balance',
  'f.has_debt': 'Has debt',
  'f.birthday_within_days': 'Birthday in the next (days)',
  'f.birthday': 'Birthday between',
  'f.membership_expires_within_days': 'Membership expires within (days)',
  'f.gender': 'Gender',
  'f.online_booking_disabled': 'Online booking disabled',
  'f.location_ids': 'Locations',
  'f.staff_ids': 'Served by',
  'f.service_ids': 'Received services',
  'f.created_after': 'Created after',
  'f.created_before': 'Created before',
  'f.source': 'Source',
  'f.has_email': 'Has email',
  'f.has_phone': 'Has phone',
  'f.has_mobile_app': 'Has mobile app',
  'f.importance': 'Importance',
  'f.marketing_allowed': 'Marketing allowed',
  'f.push_enabled': 'Push enabled',
} as const;

export type MessageKey = keyof typeof source;

export const supportedLocales = ['en', 'de'] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = 'en';

type Controls = ReturnType<typeof configureLocalization>;
// undefined: not configured yet; null: someone else configured @lit/localize first, so strings stay English.
let controls: Controls | null | undefined;

function localization(): Controls | null {
  if (controls === undefined) {
    try {
      controls = configureLocalization({
        sourceLocale: defaultLocale,
        targetLocales: ['de'],
        loadLocale: () => import('./locales/de.js'),
      });
    } catch (error) {
      console.warn('Clientbase: @lit/localize is already configured on this page; texts stay English.', error);
      controls = null;
    }
  }
  return controls;
}

/**
 * Makes `locale` the language of every Clientbase element of this bundle; resolves once its texts are loaded and
 * `@localized()` elements have been asked to re-render. Never rejects: on failure the texts stay as they were.
 */
export async function setLocale(locale: Locale): Promise<void> {
  // English is the source: nothing to configure (or load) until another language is asked for.
  const active = locale === defaultLocale && controls === undefined ? null : localization();
  if (!active) return;
  try {
    await active.setLocale(locale);
  } catch (error) {
    console.warn(`Clientbase: the ${locale} texts could not be loaded.`, error);
  }
}

/** The language the texts are shown in now (the source, English, until another one has loaded). */
export function getLocale(): Locale {
  return resolveLocale(controls?.getLocale());
}

/** Maps a BCP 47 tag (`de-AT`, `en_GB`, `DE`) to a supported locale, falling back to English. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (supportedLocales as readonly string[]).includes(language) ? (language as Locale) : defaultLocale;
}

/** The message `key` in the active locale; `{name}` placeholders are filled from `params`. */
export function message(key: MessageKey, params?: Record<string, string | number>): string {
  const template = msg(source[key], { id: key });
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

/** A failed call in the reader's language: the API's own messages are English, so they are mapped by kind. */
export function errorText(error: unknown): string {
  const status = (error as { status?: unknown })?.status;
  if (status === 0) return message('error.network');
  if (status === 401) return message('session.expired');
  if (status === 403) return message('error.forbidden');
  if (status === 404) return message('error.notFound');
  return message('error.generic');
}
