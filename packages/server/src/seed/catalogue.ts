// The salon's catalogue the clients' history refers to: locations, services, products, staff with
// working hours, custom field definitions. Pure: ids come from the caller's id source.
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STAFF_NAMES } from './names';
import type { Random } from './random';

export type ServiceGroup = 'hair' | 'beauty' | 'spa' | 'any';

export interface LocationPlan {
  id: string;
  name: string;
  timezone: string;
  address: string | null;
  phone: string | null;
}

export interface ServicePlan {
  id: string;
  name: string;
  group: ServiceGroup;
  durationMinutes: number;
  price: number;
}

export interface ProductPlan {
  id: string;
  name: string;
  sku: string | null;
  price: number;
}

/** One working day: where, and from/to in minutes after local midnight, with one break. */
export interface StaffDay {
  location: number;
  start: number;
  end: number;
  breakStart: number;
  breakEnd: number;
}

export interface StaffPlan {
  id: string;
  name: string;
  position: string;
  /** Indexes into the location list. */
  locations: number[];
  /** Indexes into the service list. */
  services: number[];
  /** Index 1..7 (ISO weekday); null = day off. Index 0 unused. */
  days: (StaffDay | null)[];
}

export const DEFAULT_LOCATIONS = [
  {
    name: 'Studio Lumière Soho',
    timezone: 'Europe/London',
    address: '12 Greek Street, London W1D 4DL',
    phone: '+442079460123',
  },
  {
    name: 'Studio Lumière Mitte',
    timezone: 'Europe/Berlin',
    address: 'Torstraße 101, 10119 Berlin',
    phone: '+49301234567',
  },
] as const;

export const DEFAULT_SERVICES: readonly Omit<ServicePlan, 'id'>[] = [
  { name: "Women's cut & blow-dry", group: 'hair', durationMinutes: 60, price: 5500 },
  { name: "Men's cut", group: 'hair', durationMinutes: 30, price: 2800 },
  { name: 'Blow-dry', group: 'hair', durationMinutes: 45, price: 3200 },
  { name: 'Full colour', group: 'hair', durationMinutes: 120, price: 9500 },
  { name: 'Highlights', group: 'hair', durationMinutes: 105, price: 11000 },
  { name: "Children's cut", group: 'hair', durationMinutes: 30, price: 1800 },
  { name: 'Manicure', group: 'beauty', durationMinutes: 45, price: 3000 },
  { name: 'Gel pedicure', group: 'beauty', durationMinutes: 60, price: 4200 },
  { name: 'Brow shape & tint', group: 'beauty', durationMinutes: 30, price: 2200 },
  { name: 'Lash lift', group: 'beauty', durationMinutes: 60, price: 5500 },
  { name: 'Deep tissue massage', group: 'spa', durationMinutes: 60, price: 6500 },
  { name: 'Signature facial', group: 'spa', durationMinutes: 75, price: 7000 },
];

export const DEFAULT_PRODUCTS: readonly Omit<ProductPlan, 'id'>[] = [
  { name: 'Argan oil serum', sku: 'LUM-SER-01', price: 2400 },
  { name: 'Repair shampoo 250 ml', sku: 'LUM-SHA-02', price: 1800 },
  { name: 'Hydrating conditioner 250 ml', sku: 'LUM-CON-03', price: 1900 },
  { name: 'Heat protect spray', sku: 'LUM-HPS-04', price: 1600 },
  { name: 'Cuticle oil', sku: 'LUM-CUT-05', price: 900 },
  { name: 'Gift box', sku: 'LUM-GFT-06', price: 3500 },
];

export const CUSTOM_FIELDS = [
  { key: 'hair_type', label: 'Hair type', type: 'select', options: ['straight', 'wavy', 'curly', 'coily'] },
  { key: 'allergies', label: 'Allergies', type: 'text', options: [] },
  { key: 'referral_number', label: 'Referral number', type: 'number', options: [] },
] as const;

/** Six roles that together cover every service group at both locations; big seeds repeat them. */
const ROLES: { position: string; groups: ServiceGroup[]; locations: number[] }[] = [
  { position: 'Senior stylist', groups: ['hair'], locations: [0] },
  { position: 'Stylist', groups: ['hair'], locations: [1] },
  { position: 'Colourist', groups: ['hair'], locations: [0, 1] },
  { position: 'Beauty therapist', groups: ['beauty', 'spa'], locations: [0] },
  { position: 'Nail technician', groups: ['beauty'], locations: [1] },
  { position: 'Massage therapist', groups: ['spa', 'beauty'], locations: [1, 0] },
];
export const ROLE_COUNT = ROLES.length;

const WEEKS = [
  [1, 2, 3, 4, 5],
  [2, 3, 4, 5, 6],
  [1, 3, 4, 5, 6],
  [3, 4, 5, 6, 7],
  [1, 2, 4, 5, 6],
];
const HOURS = [
  { start: 9 * 60, end: 17 * 60 + 30 },
  { start: 10 * 60, end: 19 * 60 },
  { start: 11 * 60, end: 20 * 60 },
  { start: 8 * 60 + 30, end: 16 * 60 + 30 },
];

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function planStaff(
  count: number,
  locationCount: number,
  services: readonly ServicePlan[],
  random: Random,
  nextId: () => string,
): StaffPlan[] {
  const staff: StaffPlan[] = [];
  for (let index = 0; index < count; index++) {
    const role = ROLES[index % ROLES.length] as (typeof ROLES)[number];
    const locations = [...new Set(role.locations.map((l) => l % locationCount))];
    let serviceIndexes = services.flatMap((s, i) => (role.groups.includes(s.group) ? [i] : []));
    // A catalogue the seed did not write has no groups: everyone does everything.
    if (serviceIndexes.length === 0) serviceIndexes = services.map((_, i) => i);
    const week = random.pick(WEEKS);
    const hours = random.pick(HOURS);
    const breakStart = random.chance(0.5) ? 13 * 60 : 14 * 60;
    const breakEnd = breakStart + random.pick([30, 45]);
    const days: (StaffDay | null)[] = Array.from({ length: 8 }, () => null);
    week.forEach((weekday, i) => {
      // Staff who work at two locations split the week between them.
      const location = locations[i < Math.ceil(week.length / 2) ? 0 : locations.length - 1] as number;
      days[weekday] = { location, start: hours.start, end: hours.end, breakStart, breakEnd };
    });
    const name =
      index < STAFF_NAMES.length
        ? (STAFF_NAMES[index] as string)
        : `${random.pick(random.chance(0.6) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    staff.push({ id: nextId(), name, position: role.position, locations, services: serviceIndexes, days });
  }
  return staff;
}

/** The staff.working_hours JSON: [{ location_id, weekday, start, end, breaks }]. */
export function workingHoursJson(member: StaffPlan, locations: readonly LocationPlan[]) {
  return member.days.flatMap((day, weekday) =>
    day
      ? [
          {
            location_id: (locations[day.location] as LocationPlan).id,
            weekday,
            start: hhmm(day.start),
            end: hhmm(day.end),
            breaks: [{ start: hhmm(day.breakStart), end: hhmm(day.breakEnd) }],
          },
        ]
      : [],
  );
}
