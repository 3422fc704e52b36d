import type { ReactiveControllerHost } from 'lit';
import type { BookingClient, Slot, SlotChoice } from '../api.js';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error' };
/** A shown week: the number of free starts of each of its dates. */
export type Week = Loaded<Record<string, number>>;
/** A day's free starts. */
export type Times = Loaded<Slot[]>;

/**
 * Free days per shown week (one `/days` request) and free times per chosen day (one `/slots` request), for each
 * choice of location, services and staff; kept while the widget lives, so paging back and moving between steps cost
 * no requests. The host re-renders as each answer arrives; `clear()` forgets everything (after a slot was taken).
 */
export class Availability {
  private known = new Map<string, Loaded<unknown>>();
  private pending = new Map<string, Promise<Loaded<unknown>>>();
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => BookingClient,
  ) {}

  static key(choice: SlotChoice, kind: 'week' | 'day', date: string): string {
    return [choice.location_id, choice.service_ids.join(','), choice.staff_id ?? '', kind, date].join('|');
  }

  /** The week from `from` as known now. */
  week(choice: SlotChoice, from: string): Week | undefined {
    return this.known.get(Availability.key(choice, 'week', from)) as Week | undefined;
  }

  /** The week from `from` once loaded. */
  loadWeek(choice: SlotChoice, from: string): Promise<Week> {
    return this.load(Availability.key(choice, 'week', from), async () => {
      const days = await this.client().days({ ...choice, from });
      return Object.fromEntries(days.map((day) => [day.date, day.free]));
    });
  }

  /** The free times of `date` as known now. */
  times(choice: SlotChoice, date: string): Times | undefined {
    return this.known.get(Availability.key(choice, 'day', date)) as Times | undefined;
  }

  /** The free times of `date` once loaded. */
  loadTimes(choice: SlotChoice, date: string): Promise<Times> {
    return this.load(Availability.key(choice, 'day', date), () => this.client().slots({ ...choice, date }));
  }

  /** The answer once loaded; one that failed is asked again. */
  private load<T>(key: string, ask: () => Promise<T>): Promise<Loaded<T>> {
    const known = this.known.get(key) as Loaded<T> | undefined;
    if (known?.status === 'ready') return Promise.resolve(known);
    let request = this.pending.get(key) as Promise<Loaded<T>> | undefined;
    if (!request) {
      const generation = this.generation;
      this.known.set(key, { status: 'loading' });
      request = ask()
        .then(
          (value): Loaded<T> => ({ status: 'ready', value }),
          (): Loaded<T> => ({ status: 'error' }),
        )
        .then((state) => {
          if (generation === this.generation) {
            this.known.set(key, state);
            this.pending.delete(key);
            this.host.requestUpdate();
          }
          return state;
        });
      this.pending.set(key, request);
    }
    return request;
  }

  clear(): void {
    this.generation++;
    this.known.clear();
    this.pending.clear();
  }
}
