/**
 * Message catalogues for every user-visible string of the admin components. English is the reference: its keys type
 * every other catalogue, so a missing translation fails the typecheck.
 */
const en = {
  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'The connection to the server failed. Check your network and try again.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.notFound': 'This item no longer exists.',
  'session.expired': 'Your session has expired. Reload the page to continue.',
  loading: 'Loading…',
} as const;

export type MessageKey = keyof typeof en;
type Catalogue = Readonly<Record<MessageKey, string>>;

const de: Catalogue = {
  'error.generic': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'error.network': 'Die Verbindung zum Server ist fehlgeschlagen. Prüfen Sie Ihr Netzwerk und versuchen Sie es erneut.',
  'error.forbidden': 'Sie haben keine Berechtigung dafür.',
  'error.notFound': 'Dieser Eintrag existiert nicht mehr.',
  'session.expired': 'Ihre Sitzung ist abgelaufen. Laden Sie die Seite neu, um fortzufahren.',
  loading: 'Wird geladen…',
};

const catalogues = { en, de } satisfies Record<string, Catalogue>;

export type Locale = keyof typeof catalogues;
export const defaultLocale: Locale = 'en';
export const supportedLocales = Object.keys(catalogues) as Locale[];

/** Maps a BCP 47 tag (`de-AT`, `en_GB`, `DE`) to a supported locale, falling back to English. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return language in catalogues ? (language as Locale) : defaultLocale;
}

/** The message for `key` in `locale`; `{name}` placeholders are filled from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}
