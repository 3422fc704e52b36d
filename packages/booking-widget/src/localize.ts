import { configureLocalization, msg } from '@lit/localize';

/**
 * The widget's English source strings, keyed by @lit/localize message id. The widget ships as its own bundle, so it
 * has its own @lit/localize instance and configuration, apart from the admin components'. This source types the
 * German templates (locales/de.ts), so a missing translation fails the typecheck.
 */
const source = {
  bookAppointment: 'Book an appointment',
  services: 'Services',
  loading: 'Loading services…',
  unavailable: 'Online booking is not available right now. Please try again later or contact the salon.',
  noServices: 'No services can be booked online at the moment.',
  close: 'Close',
} as const;

export type MessageKey = keyof typeof source;

const supportedLocales = ['en', 'de'] as const;
export type Locale = (typeof supportedLocales)[number];

type Controls = ReturnType<typeof configureLocalization>;
// undefined: not configured yet; null: something else configured @lit/localize first, so texts stay English.
let controls: Controls | null | undefined;

function localization(): Controls | null {
  if (controls === undefined) {
    try {
      controls = configureLocalization({
        sourceLocale: 'en',
        targetLocales: ['de'],
        loadLocale: () => import('./locales/de.js'),
      });
    } catch (error) {
      console.warn('<cb-booking-widget>: @lit/localize is already configured on this page; texts stay English.', error);
      controls = null;
    }
  }
  return controls;
}

/**
 * Makes `locale` the language of every booking widget on the page; resolves once its texts are loaded and the widgets
 * have been asked to re-render. Never rejects: on failure the texts stay as they were.
 */
export async function setLocale(locale: Locale): Promise<void> {
  // English is the source: nothing to configure (or load) until another language is asked for.
  const active = locale === 'en' && controls === undefined ? null : localization();
  if (!active) return;
  try {
    await active.setLocale(locale);
  } catch (error) {
    console.warn(`<cb-booking-widget>: the ${locale} texts could not be loaded.`, error);
  }
}

/** The language the texts are shown in now (English, the source, until another one has loaded). */
export function getLocale(): Locale {
  return resolveLocale(controls?.getLocale());
}

/** Maps a BCP 47 tag (`de-AT`, `en_GB`) to a supported locale, falling back to English. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (supportedLocales as readonly string[]).includes(language) ? (language as Locale) : 'en';
}

/** The message `key` in the active locale. */
export function message(key: MessageKey): string {
  return msg(source[key], { id: key });
}
