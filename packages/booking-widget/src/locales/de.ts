import type { MessageKey } from '../localize.js';

/**
 * German templates in the shape @lit/localize loads in runtime mode (`templates` keyed by message id). Typed by the
 * English source, so a missing, extra or misspelled key fails the typecheck.
 */
export const templates: Readonly<Record<MessageKey, string>> = {
  bookAppointment: 'Termin buchen',
  services: 'Leistungen',
  loading: 'Leistungen werden geladen…',
  unavailable:
    'Die Online-Buchung ist gerade nicht verfügbar. Bitte versuchen Sie es später erneut oder kontaktieren Sie den Salon.',
  noServices: 'Derzeit können keine Leistungen online gebucht werden.',
  close: 'Schließen',
};
