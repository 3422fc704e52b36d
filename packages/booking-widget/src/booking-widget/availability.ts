import type { ReactiveControllerHost } from 'lit';
import type { BookingClient, Slot, SlotQuery } from '../api.js';

export type DayState = { status: 'loading' } | { status: 'ready'; slots: Slot[] } | { status: 'error' };

/**
 * Free slots per day, fetched once per query and kept while the widget lives: moving between dates and steps costs
 * no requests. The host re-renders as each day arrives; `clear()` forgets everything (after a slot was taken).
 */
export class Availability {
  private days = new Map<string, DayState>();
  private pending = new Map<string, Promise<DayState>>();
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly client: () => BookingClient,
  ) {}

  static key(query: SlotQuery): string {
    return [query.location_id, query.service_ids.join(','), query.staff_id ?? '', query.date].join('|');
  }

  get(query: SlotQuery): DayState | undefined {
    return this.days.get(Availability.key(query));
  }

  /** The day's state once loaded; a day that failed is tried again. */
  load(query: SlotQuery): Promise<DayState> {
    const key = Availability.key(query);
    const known = this.days.get(key);
    if (known?.status === 'ready') return Promise.resolve(known);
    let request = this.pending.get(key);
    if (!request) {
      const generation = this.generation;
      this.days.set(key, { status: 'loading' });
      request = this.client()
        .slots(query)
        .then(
          (slots): DayState => ({ status: 'ready', slots }),
          (): DayState => ({ status: 'error' }),
        )
        .then((state) => {
          if (generation === this.generation) {
            this.days.set(key, state);
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
    this.days.clear();
    this.pending.clear();
  }
}
