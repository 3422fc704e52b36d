// Which client field each column of an import fills: detected from the header (English and German names,
// any case, spacing or punctuation) and editable by the user. A mapping is field → column index, so a
// header's text never becomes a key of anything.
import { foldForSearch } from '../text/search';

export const IMPORT_FIELDS = [
  'first_name',
  'last_name',
  'middle_name',
  /** A full name, split into first and last name where those have no column of their own. */
  'name',
  'phone',
  'additional_phone',
  'email',
  'gender',
  'birth_date',
  'note',
  'card_number',
  'discount',
  'importance',
  /** When the client joined the salon (new clients only). */
  'created_at',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];
export type Mapping = Partial<Record<ImportField, number>>;

// Headers compared folded: lower case, no accents, letters and digits only ("E-Mail" → "email").
const SYNONYMS: Record<ImportField, string[]> = {
  first_name: ['firstname', 'first', 'givenname', 'forename', 'vorname', 'rufname'],
  last_name: ['lastname', 'last', 'surname', 'familyname', 'nachname', 'familienname', 'zuname'],
  middle_name: ['middlename', 'middle', 'patronymic', 'zweitname', 'zweitervorname', 'vatersname'],
  name: [
    'name',
    'fullname',
    'clientname',
    'customername',
    'client',
    'customer',
    'kunde',
    'kundin',
    'kundenname',
    'vollername',
  ],
  phone: [
    'phone',
    'phonenumber',
    'phoneno',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'mobileno',
    'cell',
    'cellphone',
    'tel',
    'telephone',
    'telefon',
    'telefonnummer',
    'telefonnr',
    'telnr',
    'handy',
    'handynummer',
    'handynr',
    'mobil',
    'mobilnummer',
    'mobiltelefon',
    'mobilfunknummer',
  ],
  additional_phone: [
    'additionalphone',
    'additionalphonenumber',
    'otherphone',
    'secondphone',
    'phone2',
    'alternativephone',
    'landline',
    'homephone',
    'festnetz',
    'festnetznummer',
    'telefon2',
    'weiteretelefonnummer',
    'zusatzlichetelefonnummer',
    'zweitetelefonnummer',
  ],
  email: ['email', 'emailaddress', 'mail', 'emailadresse', 'mailadresse'],
  gender: ['gender', 'sex', 'geschlecht', 'anrede'],
  birth_date: [
    'birthdate',
    'birthday',
    'dateofbirth',
    'dob',
    'born',
    'geburtstag',
    'geburtsdatum',
    'geboren',
    'gebdatum',
  ],
  note: [
    'note',
    'notes',
    'comment',
    'comments',
    'remark',
    'remarks',
    'notiz',
    'notizen',
    'bemerkung',
    'bemerkungen',
    'kommentar',
    'anmerkung',
    'anmerkungen',
  ],
  card_number: [
    'cardnumber',
    'cardno',
    'card',
    'loyaltycard',
    'clientcard',
    'kartennummer',
    'karte',
    'kundenkarte',
    'kundenkartennummer',
  ],
  discount: ['discount', 'discountpercent', 'rabatt', 'rabattprozent', 'nachlass'],
  importance: ['importance', 'priority', 'prioritat', 'wichtigkeit'],
  created_at: [
    'clientsince',
    'customersince',
    'created',
    'createdat',
    'registered',
    'registrationdate',
    'kundeseit',
    'angelegt',
    'erstellt',
    'registriert',
  ],
};

const BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const synonym of SYNONYMS[field]) BY_HEADER.set(synonym, field);

export function foldHeader(header: string): string {
  return foldForSearch(header).replace(/[^a-z0-9]/g, '');
}

/** Each field takes the first column whose header names it; a second phone column becomes the additional phone. */
export function detectMapping(columns: readonly string[]): Mapping {
  const mapping: Mapping = {};
  columns.forEach((header, index) => {
    const field = BY_HEADER.get(foldHeader(header));
    if (!field) return;
    if (mapping[field] === undefined) mapping[field] = index;
    else if (field === 'phone' && mapping.additional_phone === undefined) mapping.additional_phone = index;
  });
  return mapping;
}

/** What a mapping lacks to make clients of rows, as field errors (empty when it can be used). */
export function mappingProblems(mapping: Mapping, columnCount: number): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const used = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const index = mapping[field];
    if (index === undefined) continue;
    if (index >= columnCount) {
      problems.push({
        field: `mapping.${field}`,
        message: `The file has no column ${index} (columns are 0–${columnCount - 1}).`,
      });
      continue;
    }
    const other = used.get(index);
    if (other) problems.push({ field: `mapping.${field}`, message: `Column ${index} is already mapped to ${other}.` });
    used.set(index, field);
  }
  if (mapping.first_name === undefined && mapping.name === undefined) {
    problems.push({ field: 'mapping.first_name', message: 'Map a column to first_name (or to name, a full name).' });
  }
  if (mapping.phone === undefined && mapping.email === undefined) {
    problems.push({ field: 'mapping.phone', message: 'Map a column to phone or email: clients are matched by them.' });
  }
  return problems;
}
