// Pure generation: clients with their history from a seed, one after another. Every aggregate on a
// client row is computed here from the very facts (appointments, payments, ledger) written with it.
import { foldForSearch } from '../text/search';
import { Calendar, DAY_MS, dayOf, Schedule } from './calendar';
import type { LocationPlan, ProductPlan, ServicePlan, StaffPlan } from './catalogue';
import {
  ALLERGIES,
  APPOINTMENT_COMMENTS,
  asciiFold,
  CLIENT_NOTES,
  FEMALE_FIRST_NAMES,
  HAIR_TYPES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MIDDLE_NAMES,
  ONLINE_BOOKING_DISABLED_REASONS,
} from './names';
import { Permutation, Random, uuidV7 } from './random';
import type { AppointmentRow, ChunkRows, ClientRow, LoyaltyCardRow, MessageRow } from './rows';

/** How far back the history goes, and how far ahead upcoming bookings are made. */
export const HISTORY_DAYS = 3 * 365;
export const UPCOMING_DAYS = 14;
/** Appointments per client on average (measured: about 2.3 with the mix below). */
export const APPOINTMENTS_PER_CLIENT = 2.35;
/** Appointments one staff member takes over the history window at a comfortable utilisation. */
export const APPOINTMENTS_PER_STAFF = 1750;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const PHONE_SPACE = 100_000_000;

export interface CategoryIds {
  regular?: string;
  vip?: string;
  new_client?: string;
  requires_confirmation?: string;
}

export interface GeneratorOptions {
  seed: string;
  /** Mixed into ids only, so the same seed can fill two businesses of one database. */
  idSalt: string;
  total: number;
  /** Midnight UTC of the day the history ends ("today"). */
  anchorMs: number;
  businessName: string;
  locations: LocationPlan[];
  services: ServicePlan[];
  products: ProductPlan[];
  staff: StaffPlan[];
  categories: CategoryIds;
  /** Phones and card numbers the business already uses: skipped. */
  takenPhones?: ReadonlySet<string>;
  takenCardNumbers?: ReadonlySet<string>;
}

interface Booked {
  row: AppointmentRow;
  serviceIds: string[];
  startMs: number;
  endMs: number;
}

interface GiftCardState {
  row: LoyaltyCardRow;
  issuedMs: number;
  expiresMs: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const pad2 = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

export class ClientGenerator {
  private readonly random: Random;
  private readonly ids: Random;
  private readonly calendar: Calendar;
  private readonly schedule: Schedule;
  private readonly phones: Permutation;
  private readonly cards: Permutation;
  private readonly anchorDay: number;
  private readonly firstDay: number;
  private readonly firstMs: number;
  private readonly servicesByGroup: Map<string, number[]>;
  private index = 0;
  private phoneCursor = 0;
  private cardCursor = 0;
  private childSequence = 0;

  constructor(private readonly options: GeneratorOptions) {
    this.random = new Random(`${options.seed}/clients`);
    this.ids = new Random(`${options.seed}/ids/${options.idSalt}`);
    const numbers = new Random(`${options.seed}/numbers`);
    this.phones = new Permutation(PHONE_SPACE, numbers);
    this.cards = new Permutation(PHONE_SPACE, numbers);
    this.anchorDay = dayOf(options.anchorMs);
    this.firstDay = this.anchorDay - HISTORY_DAYS;
    this.firstMs = this.firstDay * DAY_MS;
    const lastDay = this.anchorDay + UPCOMING_DAYS + 1;
    this.calendar = new Calendar(options.locations, this.firstDay, lastDay);
    this.schedule = new Schedule(options.staff, options.locations.length, options.services, this.firstDay, lastDay);
    this.servicesByGroup = new Map();
    options.services.forEach((service, i) => {
      this.servicesByGroup.set(service.group, [...(this.servicesByGroup.get(service.group) ?? []), i]);
    });
  }

  get generated(): number {
    return this.index;
  }

  private childId(): string {
    return uuidV7(this.firstMs + this.childSequence++, this.ids);
  }

  private nextPhone(): string {
    for (;;) {
      const phone = `+4474${String(this.phones.at(this.phoneCursor++)).padStart(8, '0')}`;
      if (!this.options.takenPhones?.has(phone)) return phone;
    }
  }

  private nextCardNumber(prefix: string): string {
    for (;;) {
      const number = `${prefix}${String(this.cards.at(this.cardCursor++)).padStart(8, '0')}`;
      if (!this.options.takenCardNumbers?.has(number)) return number;
    }
  }

  private birthDate(index: number): string | null {
    const r = this.random;
    // Fixed positions guarantee the edge dates in any seed of 40+ clients.
    const special = index % 40;
    if (special === 7) return `${r.int(1950, 2007)}-12-31`;
    if (special === 17) return `${r.int(1950, 2007)}-01-01`;
    if (special === 27) return `${1952 + 4 * r.int(0, 13)}-02-29`;
    if (!r.chance(0.82)) return null;
    const date = new Date(Date.UTC(2000, 0, 1) + r.int(0, 365) * DAY_MS);
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    const year = month === 2 && day === 29 ? 1952 + 4 * r.int(0, 13) : r.int(1950, 2007);
    return `${year}-${pad2(month)}-${pad2(day)}`;
  }

  /** Generates the next `count` clients (and everything they bring) into `out`. */
  generate(count: number, out: ChunkRows): void {
    for (let i = 0; i < count && this.index < this.options.total; i++) this.client(out);
  }

  private client(out: ChunkRows): void {
    const r = this.random;
    const o = this.options;
    const index = this.index++;
    const anchorMs = o.anchorMs;

    // --- who -------------------------------------------------------------------------------------
    const gender = r.weighted([
      ['female', 62],
      ['male', 33],
      ['unspecified', 5],
    ] as const);
    const female = gender === 'female' || (gender === 'unspecified' && r.chance(0.5));
    const firstName = r.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const lastName = r.chance(0.97) ? r.pick(LAST_NAMES) : null;
    const middleName = r.chance(0.08) ? r.pick(MIDDLE_NAMES) : null;
    const phone = this.nextPhone();
    let email: string | null = null;
    if (r.chance(0.85)) {
      const local = [asciiFold(firstName), lastName ? asciiFold(lastName) : null].filter(Boolean).join('.');
      const suffix = r.chance(0.5) ? String(r.int(1, 99)) : '';
      email = `${local}${suffix}@${r.pick(['example.com', 'example.org', 'example.net'])}`;
    }
    // Clients arrive evenly over the history window, in index order: ids (time-ordered) follow suit.
    const createdMs = Math.floor(this.firstMs + ((index + r.next()) / o.total) * HISTORY_DAYS * DAY_MS);
    const createdDay = dayOf(createdMs);
    const home = o.locations.length > 1 && r.chance(0.35) ? 1 : 0;
    const source = r.weighted([
      ['admin', 60],
      ['online', 30],
      ['import', 10],
    ] as const);
    const discount = r.weighted([
      [0, 88],
      [5, 5],
      [10, 5],
      [15, 1.5],
      [20, 0.5],
    ] as const);
    const onlineBookingDisabled = index % 100 === 37;
    const requiresConfirmation = r.chance(0.015);
    const hasApp = r.chance(0.15);
    const customFields: Record<string, string | number> = {};
    if (r.chance(0.55)) customFields.hair_type = r.pick(HAIR_TYPES);
    if (r.chance(0.06)) customFields.allergies = r.pick(ALLERGIES);
    if (r.chance(0.08)) customFields.referral_number = r.int(1000, 99_999);
    const marketingAllowed = r.chance(0.6);
    const birthDate = this.birthDate(index);
    const clientId = uuidV7(createdMs, this.ids);
    const client: ClientRow = {
      id: clientId,
      first_name: firstName,
      last_name: lastName,
      middle_name: middleName,
      phone,
      additional_phone: r.chance(0.05) ? `+4475${String(r.int(0, PHONE_SPACE - 1)).padStart(8, '0')}` : null,
      email,
      gender,
      importance: r.weighted([
        [0, 80],
        [1, 12],
        [2, 6],
        [3, 2],
      ] as const),
      discount,
      card_number: null,
      birth_date: birthDate,
      note: r.chance(0.06) ? r.pick(CLIENT_NOTES) : null,
      custom_fields: JSON.stringify(customFields),
      online_booking_disabled: onlineBookingDisabled,
      online_booking_disabled_reason: onlineBookingDisabled ? r.pick(ONLINE_BOOKING_DISABLED_REASONS) : null,
      source,
      marketing_allowed: marketingAllowed,
      push_enabled: hasApp && r.chance(0.7),
      mobile_app_platform: hasApp
        ? r.weighted([
            ['ios', 55],
            ['android', 45],
          ] as const)
        : null,
      mobile_app_last_used_at: hasApp ? iso(Math.max(createdMs, anchorMs - r.int(0, 90 * 24) * HOUR_MS)) : null,
      created_location_id: (o.locations[home] as LocationPlan).id,
      visits_count: 0,
      first_visit_at: null,
      last_visit_at: null,
      total_sold: 0,
      total_paid: 0,
      balance: 0,
      location_ids: [],
      staff_ids: [],
      service_ids: [],
      membership_expires_at: null,
      search_name: foldForSearch(firstName, middleName, lastName),
      created_at: iso(createdMs),
      updated_at: iso(createdMs),
    };

    // --- cards and account plans -----------------------------------------------------------------
    let loyalty: LoyaltyCardRow | null = null;
    if (r.chance(0.25)) {
      loyalty = this.card(out, clientId, 'loyalty', 'LC', 'Lumière rewards', createdMs);
      client.card_number = loyalty.number;
    } else if (r.chance(0.1)) {
      client.card_number = `C${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
    }
    let gift: GiftCardState | null = null;
    if (r.chance(0.04) && createdMs < anchorMs - 2 * DAY_MS) {
      const issuedMs = r.int(createdMs, anchorMs - DAY_MS);
      const expiresMs = issuedMs + 365 * DAY_MS;
      const row = this.card(out, clientId, 'gift_card', 'GC', 'Gift card', issuedMs);
      row.expires_at = iso(expiresMs);
      const face = r.pick([2500, 5000, 7500, 10_000]);
      row.balance = face;
      out.loyaltyTransactions.push({
        id: this.childId(),
        card_id: row.id,
        kind: 'accrue',
        amount: face,
        promotion: null,
        comment: 'Gift card purchased',
        expires_at: row.expires_at,
        appointment_id: null,
        created_at: iso(issuedMs),
      });
      gift = { row, issuedMs, expiresMs };
    }
    const membership = r.chance(0.05) ? this.membership(out, clientId, createdMs) : null;
    const topUps: number[] = [];
    if (r.chance(0.09)) {
      const n = r.int(1, 3);
      for (let k = 0; k < n; k++) topUps.push(r.int(createdMs, anchorMs - HOUR_MS));
      topUps.sort((a, b) => a - b);
    }
    let balance = 0;
    let topUpIndex = 0;
    const applyTopUpsUntil = (ms: number) => {
      while (topUpIndex < topUps.length && (topUps[topUpIndex] as number) <= ms) {
        const amount = r.pick([5000, 10_000, 15_000, 20_000, 30_000]);
        balance += amount;
        out.accountTransactions.push({
          id: this.childId(),
          client_id: clientId,
          kind: 'top_up',
          amount,
          balance_after: balance,
          comment: r.pick(['Top-up at reception', 'Prepaid package', 'Birthday gift from family']),
          appointment_id: null,
          created_at: iso(topUps[topUpIndex] as number),
        });
        topUpIndex++;
      }
    };

    // --- past appointments -----------------------------------------------------------------------
    const tenureYears = (anchorMs - createdMs) / (365 * DAY_MS);
    const regular = r.chance(0.12);
    const mean = regular ? tenureYears * 5 : 0.25 + tenureYears * 0.9;
    const firstPossible = createdDay + 1;
    const lastPossible = this.anchorDay - 1;
    const count = firstPossible <= lastPossible ? Math.min(60, r.poisson(mean)) : 0;
    const desiredDays: number[] = [];
    for (let k = 0; k < count; k++) desiredDays.push(r.int(firstPossible, lastPossible));
    desiredDays.sort((a, b) => a - b);
    const favouriteGroup = r.weighted([
      ['hair', 60],
      ['beauty', 30],
      ['spa', 10],
    ] as const);
    const favourite = this.pickService(favouriteGroup, home);

    // Book first (a slot can move a day or two from the one wished for), then settle in time order so
    // the ledger, the loyalty points and first/last visit follow the calendar.
    const booked: Booked[] = [];
    for (const desiredDay of desiredDays) {
      const status = r.weighted([
        ['arrived', 85],
        ['no_show', 7],
        ['cancelled', 8],
      ] as const);
      const appointment = this.appointment(out, {
        clientId,
        firstName,
        phone,
        createdMs,
        desiredDay,
        minDay: firstPossible,
        maxDay: lastPossible,
        location: r.chance(0.9) ? home : (home + 1) % o.locations.length,
        service: r.chance(0.55) ? favourite : this.pickService(r.chance(0.7) ? favouriteGroup : 'any', home),
        discount,
        status,
        source: r.chance(source === 'online' ? 0.5 : 0.15) ? 'online' : 'admin',
      });
      if (appointment) booked.push(appointment);
    }
    // Settled in order of the moment of payment (the end), which is also the order of the ledger rows.
    booked.sort((a, b) => a.endMs - b.endMs || a.startMs - b.startMs);

    let visits = 0;
    let firstVisit: number | null = null;
    let lastVisit: number | null = null;
    let totalSold = 0;
    let totalPaid = 0;
    let noShows = 0;
    let lastActivity = createdMs;
    const locationIds = new Set([client.created_location_id as string]);
    const staffIds = new Set<string>();
    const serviceIds = new Set<string>();
    for (const { row: appointment, serviceIds: received, startMs, endMs } of booked) {
      lastActivity = Math.max(lastActivity, endMs);
      if (appointment.status === 'no_show') noShows++;
      if (appointment.status !== 'arrived') continue;
      visits++;
      locationIds.add(appointment.location_id);
      staffIds.add(appointment.staff_id);
      for (const serviceId of received) serviceIds.add(serviceId);
      firstVisit = firstVisit === null ? startMs : Math.min(firstVisit, startMs);
      lastVisit = lastVisit === null ? startMs : Math.max(lastVisit, startMs);
      totalSold += appointment.total;
      applyTopUpsUntil(endMs + MINUTE_MS);
      const paid = this.pay(out, appointment, endMs, gift, balance, (charged) => {
        balance -= charged;
        out.accountTransactions.push({
          id: this.childId(),
          client_id: clientId,
          kind: 'charge',
          amount: charged,
          balance_after: balance,
          comment: 'Paid for a visit from the account',
          appointment_id: appointment.id,
          created_at: iso(endMs + MINUTE_MS),
        });
      });
      appointment.paid = paid;
      totalPaid += paid;
      if (loyalty && paid >= 20) {
        const points = Math.floor(paid / 20);
        loyalty.balance += points;
        out.loyaltyTransactions.push({
          id: this.childId(),
          card_id: loyalty.id,
          kind: 'accrue',
          amount: points,
          promotion: '5% back',
          comment: null,
          expires_at: iso(endMs + 365 * DAY_MS),
          appointment_id: appointment.id,
          created_at: iso(endMs + MINUTE_MS),
        });
      }
    }
    applyTopUpsUntil(anchorMs);
    if (loyalty && loyalty.balance > 300 && r.chance(0.25)) {
      const kind = r.chance(0.8) ? 'redeem' : 'write_off';
      const amount = r.int(1, Math.floor(loyalty.balance / 2));
      loyalty.balance -= amount;
      const at = r.int(Math.min(lastActivity + HOUR_MS, anchorMs - HOUR_MS), anchorMs - HOUR_MS);
      out.loyaltyTransactions.push({
        id: this.childId(),
        card_id: loyalty.id,
        kind,
        amount,
        promotion: null,
        comment: kind === 'redeem' ? 'Redeemed at reception' : 'Balance correction',
        expires_at: null,
        appointment_id: null,
        created_at: iso(at),
      });
    }
    if (gift && gift.expiresMs < anchorMs && gift.row.balance > 0) {
      out.loyaltyTransactions.push({
        id: this.childId(),
        card_id: gift.row.id,
        kind: 'expire',
        amount: gift.row.balance,
        promotion: null,
        comment: 'Gift card expired',
        expires_at: null,
        appointment_id: null,
        created_at: iso(gift.expiresMs),
      });
      gift.row.balance = 0;
    }

    // --- an upcoming booking for some ------------------------------------------------------------
    if (r.chance(0.05) && !onlineBookingDisabled) {
      this.appointment(out, {
        clientId,
        firstName,
        phone,
        createdMs,
        desiredDay: this.anchorDay + r.int(1, UPCOMING_DAYS),
        minDay: this.anchorDay + 1,
        maxDay: this.anchorDay + UPCOMING_DAYS,
        location: home,
        service: favourite,
        discount,
        status: requiresConfirmation || noShows >= 2 ? 'pending' : 'confirmed',
        source: r.chance(0.5) ? 'online' : 'admin',
      });
    }

    // --- messages --------------------------------------------------------------------------------
    if (email && r.chance(0.2)) {
      const at = r.int(createdMs, anchorMs - HOUR_MS);
      this.message(out, clientId, 'email', 'marketing', email, at, marketingAllowed, {
        subject: `New season at ${o.businessName}`,
        body: `Hi ${firstName}, our new season menu is here: 15% off colour services this month.`,
      });
    }
    if (birthDate && marketingAllowed && r.chance(0.15)) {
      const at = r.int(createdMs, anchorMs - HOUR_MS);
      this.message(out, clientId, 'sms', 'birthday', phone, at, true, {
        subject: null,
        body: `Happy birthday, ${firstName}! Enjoy 20% off any treatment this month at ${o.businessName}.`,
      });
    }

    // --- aggregates and categories ---------------------------------------------------------------
    client.visits_count = visits;
    client.first_visit_at = firstVisit === null ? null : iso(firstVisit);
    client.last_visit_at = lastVisit === null ? null : iso(lastVisit);
    client.total_sold = totalSold;
    client.total_paid = totalPaid;
    client.balance = balance;
    client.location_ids = [...locationIds].sort();
    client.staff_ids = [...staffIds].sort();
    client.service_ids = [...serviceIds].sort();
    client.membership_expires_at = membership && !membership.deleted_at ? membership.expires_at : null;
    client.updated_at = iso(Math.min(lastActivity, anchorMs));
    out.clients.push(client);

    const categories = o.categories;
    const assign = (categoryId: string | undefined) => {
      if (categoryId)
        out.clientCategories.push({ client_id: clientId, category_id: categoryId, created_at: iso(createdMs) });
    };
    if (totalSold >= 120_000 || r.chance(0.01)) assign(categories.vip);
    if (visits >= 5) assign(categories.regular);
    if (createdMs >= anchorMs - 60 * DAY_MS) assign(categories.new_client);
    if (requiresConfirmation || noShows >= 2) assign(categories.requires_confirmation);
  }

  private pickService(group: string, location: number): number {
    const r = this.random;
    const services = this.options.services;
    const pool =
      group === 'any' ? services.map((_, i) => i) : (this.servicesByGroup.get(group) ?? services.map((_, i) => i));
    for (let attempt = 0; attempt < 8; attempt++) {
      const service = r.pick(pool);
      if (this.schedule.offers(location, service)) return service;
    }
    return r.int(0, services.length - 1);
  }

  private card(
    out: ChunkRows,
    clientId: string,
    kind: LoyaltyCardRow['kind'],
    prefix: string,
    name: string,
    issuedMs: number,
  ) {
    const row: LoyaltyCardRow = {
      id: this.childId(),
      client_id: clientId,
      kind,
      number: this.nextCardNumber(prefix),
      name,
      balance: 0,
      visits_left: null,
      discount: 0,
      expires_at: null,
      issued_at: iso(issuedMs),
      deleted_at: null,
    };
    out.loyaltyCards.push(row);
    return row;
  }

  private membership(out: ChunkRows, clientId: string, createdMs: number): LoyaltyCardRow {
    const r = this.random;
    const anchorMs = this.options.anchorMs;
    const when = r.weighted([
      ['expired', 25],
      ['soon', 25],
      ['later', 50],
    ] as const);
    const expiresMs =
      when === 'expired'
        ? anchorMs - r.int(1, 300) * DAY_MS
        : when === 'soon'
          ? anchorMs + r.int(1, 30) * DAY_MS - r.int(1, 12) * HOUR_MS
          : anchorMs + r.int(31, 365) * DAY_MS;
    const months = r.pick([3, 6, 12]);
    const issuedMs = Math.max(createdMs, Math.min(expiresMs - months * 30 * DAY_MS, anchorMs - HOUR_MS));
    const row = this.card(
      out,
      clientId,
      'membership',
      'MB',
      r.pick(['10 blow-dries', 'Monthly nails', 'Spa membership', 'Fringe trims']),
      issuedMs,
    );
    row.expires_at = iso(Math.max(expiresMs, issuedMs + DAY_MS));
    row.visits_left = when === 'expired' ? r.int(0, 3) : r.int(0, 10);
    row.discount = r.pick([10, 15, 20]);
    // Some ended memberships were removed at the desk.
    if (when === 'expired' && r.chance(0.1)) row.deleted_at = iso(Math.max(issuedMs, expiresMs) + HOUR_MS);
    return row;
  }

  private appointment(
    out: ChunkRows,
    a: {
      clientId: string;
      firstName: string;
      phone: string;
      createdMs: number;
      desiredDay: number;
      minDay: number;
      maxDay: number;
      location: number;
      service: number;
      discount: number;
      status: AppointmentRow['status'];
      source: 'online' | 'admin';
    },
  ): Booked | null {
    const r = this.random;
    const o = this.options;
    const main = o.services[a.service] as ServicePlan;
    const chosen = [a.service];
    const extras = r.weighted([
      [0, 76],
      [1, 20],
      [2, 4],
    ] as const);
    const sameGroup = this.servicesByGroup.get(main.group) ?? [];
    for (let k = 0; k < extras && sameGroup.length > chosen.length; k++) {
      const extra = r.pick(sameGroup);
      if (!chosen.includes(extra)) chosen.push(extra);
    }
    const minutes = chosen.reduce((sum, s) => sum + (o.services[s] as ServicePlan).durationMinutes, 0);
    const slot = this.schedule.place(r, a.desiredDay, a.minDay, a.maxDay, a.location, a.service, minutes);
    if (!slot) return null;
    const staff = o.staff[slot.staff] as StaffPlan;
    // Extras must be services this staff member does.
    const services = chosen.filter((s, k) => k === 0 || staff.services.includes(s));
    const startMs = this.calendar.toUtc(slot.location, slot.day, slot.startMinutes);
    const endMs = startMs + minutes * MINUTE_MS;
    // Booked up to two weeks ahead, never before the client existed nor after "now".
    const createdMs = Math.max(
      a.createdMs,
      Math.min(startMs - r.int(1, 14 * 24) * HOUR_MS, this.options.anchorMs - MINUTE_MS),
    );
    const id = this.childId();
    let total = 0;
    const promo = a.discount === 0 && r.chance(0.08) ? r.pick([10, 20]) : 0;
    for (const s of services) {
      const service = o.services[s] as ServicePlan;
      const discount = a.discount || promo;
      const amount = Math.round((service.price * (100 - discount)) / 100);
      total += amount;
      out.appointmentItems.push({
        id: this.childId(),
        appointment_id: id,
        kind: 'service',
        service_id: service.id,
        product_id: null,
        staff_id: staff.id,
        name: service.name,
        quantity: 1,
        price: service.price,
        discount,
        amount,
      });
    }
    if (a.status === 'arrived' && o.products.length > 0 && r.chance(0.2)) {
      const product = r.pick(o.products);
      const quantity = r.chance(0.9) ? 1 : 2;
      const amount = product.price * quantity;
      total += amount;
      out.appointmentItems.push({
        id: this.childId(),
        appointment_id: id,
        kind: 'product',
        service_id: null,
        product_id: product.id,
        staff_id: staff.id,
        name: product.name,
        quantity,
        price: product.price,
        discount: 0,
        amount,
      });
    }
    const updatedMs =
      a.status === 'cancelled'
        ? Math.min(startMs - HOUR_MS, createdMs + r.int(1, 48) * HOUR_MS)
        : a.status === 'arrived' || a.status === 'no_show'
          ? endMs
          : createdMs;
    const row: AppointmentRow = {
      id,
      location_id: (o.locations[slot.location] as LocationPlan).id,
      staff_id: staff.id,
      client_id: a.clientId,
      starts_at: iso(startMs),
      ends_at: iso(endMs),
      status: a.status,
      source: a.source,
      comment: r.chance(0.07) ? r.pick(APPOINTMENT_COMMENTS) : null,
      total,
      paid: 0,
      created_at: iso(createdMs),
      updated_at: iso(Math.max(createdMs, updatedMs)),
    };
    out.appointments.push(row);
    const upcoming = a.status === 'pending' || a.status === 'confirmed';
    if (upcoming ? r.chance(0.5) : a.status !== 'cancelled' && r.chance(0.25)) {
      const location = o.locations[slot.location] as LocationPlan;
      const body = upcoming
        ? `Hi ${a.firstName}, your ${main.name} at ${location.name} is booked for ${hhmm(slot.startMinutes)}.`
        : `Hi ${a.firstName}, a reminder of your ${main.name} tomorrow at ${hhmm(slot.startMinutes)}, ${location.name}.`;
      const at = upcoming ? createdMs : Math.max(createdMs, startMs - 24 * HOUR_MS);
      this.message(out, a.clientId, 'sms', upcoming ? 'confirmation' : 'reminder', a.phone, at, true, {
        subject: null,
        body,
      });
    }
    return { row, serviceIds: services.map((s) => (o.services[s] as ServicePlan).id), startMs, endMs };
  }

  /** Pays an arrived visit: in full, in part (a debt) or not at all. Returns the amount paid. */
  private pay(
    out: ChunkRows,
    appointment: AppointmentRow,
    endMs: number,
    gift: GiftCardState | null,
    accountBalance: number,
    chargeAccount: (amount: number) => void,
  ): number {
    const r = this.random;
    if (appointment.total <= 0) return 0;
    const mode = r.weighted([
      ['full', 90],
      ['unpaid', 4],
      ['debt', 6],
    ] as const);
    let due =
      mode === 'full'
        ? appointment.total
        : mode === 'debt'
          ? Math.max(1, Math.min(appointment.total - 1, Math.round(appointment.total * (0.2 + 0.6 * r.next()))))
          : 0;
    let paid = 0;
    const payment = (
      method: 'cash' | 'card' | 'account' | 'gift_card',
      amount: number,
      cardId: string | null = null,
    ) => {
      out.payments.push({
        id: this.childId(),
        appointment_id: appointment.id,
        client_id: appointment.client_id,
        method,
        amount,
        loyalty_card_id: cardId,
        created_at: iso(endMs + MINUTE_MS),
      });
      paid += amount;
      due -= amount;
    };
    if (due > 0 && gift && gift.row.balance > 0 && endMs >= gift.issuedMs && endMs < gift.expiresMs && r.chance(0.7)) {
      const amount = Math.min(gift.row.balance, due);
      gift.row.balance -= amount;
      out.loyaltyTransactions.push({
        id: this.childId(),
        card_id: gift.row.id,
        kind: 'redeem',
        amount,
        promotion: null,
        comment: null,
        expires_at: null,
        appointment_id: appointment.id,
        created_at: iso(endMs + MINUTE_MS),
      });
      payment('gift_card', amount, gift.row.id);
    }
    if (due > 0 && accountBalance >= due && r.chance(0.75)) {
      const amount = due;
      payment('account', amount);
      chargeAccount(amount);
    }
    if (due > 0) {
      if (due >= 200 && r.chance(0.05)) {
        const cash = Math.round(due / 2);
        payment('cash', cash);
        payment('card', due);
      } else {
        payment(r.chance(0.65) ? 'card' : 'cash', due);
      }
    }
    return paid;
  }

  private message(
    out: ChunkRows,
    clientId: string,
    channel: MessageRow['channel'],
    kind: string,
    to: string,
    atMs: number,
    consent: boolean,
    content: { subject: string | null; body: string },
  ) {
    const r = this.random;
    const status: MessageRow['status'] = consent
      ? r.weighted([
          ['delivered', 85],
          ['sent', 8],
          ['failed', 7],
        ] as const)
      : 'skipped';
    const error =
      status === 'failed'
        ? channel === 'sms'
          ? 'Handset unreachable'
          : 'Mailbox unavailable'
        : status === 'skipped'
          ? 'No marketing consent'
          : null;
    const sent = status === 'delivered' || status === 'sent';
    out.messages.push({
      id: this.childId(),
      client_id: clientId,
      channel,
      kind,
      status,
      to_address: to,
      subject: content.subject,
      body: content.body,
      provider: status === 'skipped' ? null : 'dev',
      provider_message_id: sent ? `dev_${r.hex(16)}` : null,
      error,
      created_at: iso(atMs),
      sent_at: sent ? iso(atMs + 5_000) : null,
      updated_at: iso(atMs + (status === 'delivered' ? 30_000 : 5_000)),
    });
  }
}
