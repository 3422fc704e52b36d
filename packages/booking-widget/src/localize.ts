import { configureLocalization, msg } from '@lit/localize';

/**
 * The widget's English source strings, keyed by @lit/localize message id. The widget ships as its own bundle, so it
 * has its own @lit/localize instance and configuration, apart from the admin components'. This source types the
 * German templates (locales/de.ts), so a missing translation fails the typecheck.
 */
const source = {
  bookAppointment: 'Book an appointment',
  loading: 'Loading…',
  unavailable: 'Online booking is not available right now. Please try again later or contact the salon.',
  noServices: 'No services can be booked online at the moment.',
  close: 'Close',
  back: 'Back',
  continue: 'Continue',
  retry: 'Try again',
  stepOf: 'Step {0} of {1}',
  stepAnnounced: 'Step {0} of {1}: {2}',
  progress: 'Booking progress',
  stepLocation: 'Location',
  stepServices: 'Services',
  stepStaff: 'Staff',
  stepTime: 'Time',
  stepDetails: 'Details',
  headingLocation: 'Choose a location',
  headingServices: 'Choose services',
  headingStaff: 'Choose a staff member',
  headingTime: 'Pick a date and time',
  headingDetails: 'Your details',
  servicesHint: 'Choose one or more.',
  maxServices: 'You can book up to 5 services at once.',
  noCombination: 'No one here offers all of these services together. Remove one to go on.',
  anyStaff: 'Any staff member',
  anyStaffHint: 'Whoever is free at the time you pick',
  dates: 'Date',
  earlierDates: 'Earlier dates',
  laterDates: 'Later dates',
  morning: 'Morning',
  afternoon: 'Afternoon',
  evening: 'Evening',
  loadingTimes: 'Loading free times…',
  noTimesDay: 'No free times on this day.',
  noTimesWeek: 'No free times on these days.',
  showLater: 'Show later dates',
  timesFailed: 'The free times could not be loaded.',
  slotTaken: 'Sorry, that time was just booked by someone else. Please choose another time.',
  name: 'Name',
  phone: 'Phone',
  phoneHint: 'Add the country code if your number is from abroad, e.g. +44.',
  email: 'Email',
  comment: 'Comment',
  optional: '(optional)',
  consent: 'I agree that the salon stores and uses my details to manage this booking.',
  marketing: 'Send me news and offers from the salon.',
  nameInvalid: 'Please enter your name.',
  phoneInvalid: 'Please enter a valid phone number.',
  emailInvalid: 'Please enter a valid email address.',
  commentInvalid: 'Please shorten your comment.',
  consentInvalid: 'Please agree so the salon can manage your booking.',
  checkFields: 'Please check the highlighted fields.',
  book: 'Book now',
  booking: 'Booking…',
  refused: "Online booking isn't available for you. Please contact the salon to book:",
  refusedNoPhone: "Online booking isn't available for you. Please contact the salon to book.",
  rateLimited: 'Too many attempts. Please try again in {0}.',
  networkError: "The salon's booking service could not be reached. Check your connection and try again.",
  failed: 'Something went wrong. Please try again.',
  confirmedTitle: "You're booked!",
  confirmedText: 'Your appointment is confirmed. We look forward to seeing you.',
  pendingTitle: 'Booking received',
  pendingText: "We'll confirm your booking shortly.",
  summaryServices: 'Services',
  summaryStaff: 'With',
  summaryWhen: 'When',
  summaryWhere: 'Where',
  summaryTotal: 'Total',
  bookAnother: 'Book another appointment',
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

/** The message `key` in the active locale, `{0}`, `{1}`… replaced by `values`. */
export function message(key: MessageKey, ...values: (string | number)[]): string {
  const text = msg(source[key], { id: key });
  return values.length ? text.replace(/\{(\d)\}/g, (_, index: string) => String(values[Number(index)] ?? '')) : text;
}
