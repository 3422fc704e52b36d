// One parsed row → the client values it carries, checked as a create through the API would check them
// (lengths, phones in E.164 in the business's country, dates, e-mail), plus duplicates within the file.
// Values live in objects with our own field names only; a row's cells are read by column index.
import { z } from 'zod';
import { normalizePhone } from '../phones/normalize';
import { foldForSearch } from '../text/search';
import type { Mapping } from './fields';
import type { Cell, ParsedRow } from './protocol';

export interface ImportedClient {
  first_name?: string;
  last_name?: string;
  middle_name?: string;
  phone?: string;
  additional_phone?: string;
  email?: string;
  gender?: 'female' | 'male' | 'unspecified';
  birth_date?: string;
  note?: string;
  card_number?: string;
  discount?: number;
  importance?: number;
  created_at?: string;
}

/** What is wrong with a cell, as a code an element can put in the reader's language (with `params`). */
export type RowErrorCode =
  | 'too_long'
  | 'first_name_required'
  | 'bad_phone'
  | 'bad_email'
  | 'phone_or_email_required'
  | 'bad_gender'
  | 'bad_date'
  | 'future_date'
  | 'bad_discount'
  | 'bad_importance'
  | 'duplicate_phone'
  | 'duplicate_email';

export interface RowError {
  row: number;
  field: string;
  code: RowErrorCode;
  /** The values the message names (the cell's text cut to 40 characters, a row number, a limit). */
  params: Record<string, string | number>;
  /** The same in English, for API users and logs. */
  message: string;
}

export interface CheckedRow {
  row: number;
  values: ImportedClient;
  errors: RowError[];
}

const MAX_CHARS: Record<string, number> = {
  first_name: 100,
  last_name: 100,
  middle_name: 100,
  card_number: 64,
  note: 5000,
};

const emailFormat = z.email().max(254);

function text(cell: Cell): string {
  if (cell === null) return '';
  return String(cell).trim();
}

// Excel counts days from 1899-12-31 as day 1 and believes 1900 was a leap year (day 60 is 29 Feb 1900).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** ISO, DD.MM.YYYY, DD/MM/YYYY (or with dashes), or an Excel date serial in a number cell. */
export function parseDate(cell: Cell): string | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell >= 2_958_466) return null;
    const days = Math.floor(cell);
    if (days === 60) return null;
    const serial = days < 60 ? days + 1 : days;
    return new Date(EXCEL_EPOCH + serial * DAY_MS).toISOString().slice(0, 10);
  }
  const value = text(cell);
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+Z?)?$/.exec(value);
  if (match) return isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (match) return isoOf(Number(match[3]), Number(match[2]), Number(match[1]));
  return null;
}

const GENDERS: Record<string, 'female' | 'male' | 'unspecified'> = {
  f: 'female',
  female: 'female',
  woman: 'female',
  w: 'female',
  weiblich: 'female',
  frau: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  mannlich: 'male',
  mann: 'male',
  herr: 'male',
  u: 'unspecified',
  unspecified: 'unspecified',
  unknown: 'unspecified',
  other: 'unspecified',
  x: 'unspecified',
  d: 'unspecified',
  divers: 'unspecified',
  keineangabe: 'unspecified',
};

function parseNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  const value = text(cell).replace(/\s|%/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value);
}

/** Spreadsheets drop a number's leading + (or 0): digits that are no number in the country are tried with a +. */
function phoneOf(cell: Cell, country: string): string | null {
  const value = text(cell);
  const phone = normalizePhone(value, country);
  if (phone) return phone;
  const digits = value.replace(/[\s\-./()]/g, '');
  return /^[1-9]\d{7,14}$/.test(digits) ? normalizePhone(`+${digits}`, country) : null;
}

/** Checks rows one after another, remembering phones and e-mails to flag a repeat within the file. */
export class RowChecker {
  private readonly phones = new Map<string, number>();
  private readonly emails = new Map<string, number>();
  private readonly today: string;

  constructor(
    private readonly mapping: Mapping,
    private readonly country: string,
    now: Date = new Date(),
  ) {
    this.today = now.toISOString().slice(0, 10);
  }

  check(parsed: ParsedRow): CheckedRow {
    const { row, cells, cut } = parsed;
    const errors: RowError[] = [];
    const values: ImportedClient = {};
    const fail = (field: string, code: RowErrorCode, message: string, params: RowError['params'] = {}) =>
      errors.push({ row, field, code, params, message });
    const cellOf = (field: keyof Mapping): Cell => {
      const index = this.mapping[field];
      return index === undefined ? null : (cells[index] ?? null);
    };
    const wasCut = (field: keyof Mapping) => {
      const index = this.mapping[field];
      return index !== undefined && cut.includes(index);
    };

    for (const field of ['first_name', 'last_name', 'middle_name', 'card_number', 'note'] as const) {
      const value = text(cellOf(field));
      if (!value) continue;
      const max = MAX_CHARS[field] as number;
      if (wasCut(field) || value.length > max) fail(field, 'too_long', `Longer than ${max} characters.`, { max });
      else values[field] = value;
    }
    const fullName = text(cellOf('name'));
    if (fullName && (!values.first_name || !values.last_name)) {
      // "Smith, Ann" is last name first; "Ann Smith" is not.
      const comma = fullName.indexOf(',');
      const [first, last] =
        comma > 0
          ? [fullName.slice(comma + 1).trim(), fullName.slice(0, comma).trim()]
          : [fullName.split(/\s+/)[0] ?? '', fullName.split(/\s+/).slice(1).join(' ')];
      if (first.length > 100 || last.length > 100 || wasCut('name'))
        fail('name', 'too_long', 'Longer than 100 characters.', { max: 100 });
      else {
        if (!values.first_name && first) values.first_name = first;
        if (!values.last_name && last) values.last_name = last;
      }
    }
    if (!values.first_name && (this.mapping.first_name !== undefined || this.mapping.name !== undefined)) {
      if (!errors.some((e) => e.field === 'first_name' || e.field === 'name'))
        fail('first_name', 'first_name_required', 'A first name is needed.');
    }

    for (const field of ['phone', 'additional_phone'] as const) {
      const cell = cellOf(field);
      if (!text(cell)) continue;
      const phone = phoneOf(cell, this.country);
      if (phone) values[field] = phone;
      else {
        const value = text(cell).slice(0, 40);
        fail(field, 'bad_phone', `"${value}" is not a possible phone number for ${this.country}.`, {
          value,
          country: this.country,
        });
      }
    }
    const email = text(cellOf('email')).toLowerCase();
    if (email) {
      if (emailFormat.safeParse(email).success) values.email = email;
      else
        fail('email', 'bad_email', `"${email.slice(0, 60)}" is not an e-mail address.`, { value: email.slice(0, 60) });
    }
    if (!values.phone && !values.email && !errors.some((e) => e.field === 'phone' || e.field === 'email')) {
      fail('phone', 'phone_or_email_required', 'A phone number or an e-mail address is needed.');
    }

    const gender = text(cellOf('gender'));
    if (gender) {
      const known = GENDERS[foldForSearch(gender).replace(/[^a-z]/g, '')];
      if (known) values.gender = known;
      else
        fail('gender', 'bad_gender', `"${gender.slice(0, 40)}" is not a gender (female, male or unspecified).`, {
          value: gender.slice(0, 40),
        });
    }
    for (const field of ['birth_date', 'created_at'] as const) {
      const cell = cellOf(field);
      if (!text(cell)) continue;
      const date = parseDate(cell);
      if (!date || date < '1900-01-01')
        fail(field, 'bad_date', `"${text(cell).slice(0, 40)}" is not a date (use YYYY-MM-DD or DD.MM.YYYY).`, {
          value: text(cell).slice(0, 40),
        });
      else if (date > this.today) fail(field, 'future_date', 'The date is in the future.');
      else values[field] = date;
    }
    const discountCell = cellOf('discount');
    if (text(discountCell)) {
      let discount = parseNumber(discountCell);
      // A percentage cell holds 10 % as 0.1.
      if (typeof discountCell === 'number' && discount !== null && discount > 0 && discount < 1) discount *= 100;
      if (discount !== null) discount = Math.round(discount * 1e6) / 1e6;
      if (discount === null || !Number.isInteger(discount) || discount < 0 || discount > 100) {
        fail('discount', 'bad_discount', 'A discount is a whole percentage from 0 to 100.');
      } else values.discount = discount;
    }
    const importanceCell = cellOf('importance');
    if (text(importanceCell)) {
      const importance = parseNumber(importanceCell);
      if (importance === null || !Number.isInteger(importance) || importance < 0 || importance > 3) {
        fail('importance', 'bad_importance', 'Importance is 0, 1, 2 or 3.');
      } else values.importance = importance;
    }

    // Repeats within the file: the first row wins, later ones are reported (and skipped by the commit).
    const samePhone = values.phone ? this.phones.get(values.phone) : undefined;
    if (samePhone !== undefined)
      fail('phone', 'duplicate_phone', `The same phone number as row ${samePhone}.`, { row: samePhone });
    const sameEmail = values.email ? this.emails.get(values.email) : undefined;
    if (sameEmail !== undefined)
      fail('email', 'duplicate_email', `The same e-mail address as row ${sameEmail}.`, { row: sameEmail });
    if (!errors.length) {
      if (values.phone) this.phones.set(values.phone, row);
      if (values.email) this.emails.set(values.email, row);
    }
    return { row, values, errors };
  }
}
