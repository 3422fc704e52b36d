/**
 * The widget's own message catalogues (it ships as its own small bundle, so it does not share the admin components'
 * module). English is the reference: its keys type every other catalogue, so a missing translation fails the typecheck.
 */
const en = {
  bookAppointment: 'Book an appointment',
  services: 'Services',
  loading: 'Loading services…',
  unavailable: 'Online booking is not available right now. Please try again later or contact the salon.',
  noServices: 'No services can be booked online at the moment.',
  close: 'Close',
} as const;

export type MessageKey = keyof typeof en;
type Catalogue = Readonly<Record<MessageKey, string>>;

const de: Catalogue = {
  bookAppointment: 'Termin buchen',
  services: 'Leistungen',
  loading: 'Leistungen werden geladen…',
  unavailable:
    'Die Online-Buchung ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut oder kontaktieren Sie den Salon.',
  noServices: 'Derzeit können keine Leistungen online gebucht werden.',
  close: 'Schließen',
};

const catalogues = { en, de } satisfies Record<string, Catalogue>;

export type Locale = keyof typeof catalogues;

/** Maps a BCP 47 tag (`de-AT`, `en_GB`) to a supported catalogue, falling back to English. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return language in catalogues ? (language as Locale) : 'en';
}

export function translate(locale: Locale, key: MessageKey): string {
  return catalogues[locale][key];
}
