import { ApiError } from '../api/api-error.js';
import type { ApiClient } from '../api/client.js';
import type { Client, ClientFilter } from '../api/types.js';

export const PAGE_SIZE = 100;
/** Pages kept: 40 × 100 rows. The cache never grows past this however far the user scrolls. */
export const MAX_CACHED_PAGES = 40;

export interface RowQuery {
  query: string;
  filter: ClientFilter;
  sort: string;
}

export type CacheStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Rows of one search (query + filter + sort), fetched in pages of {@link PAGE_SIZE} from `POST /v1/clients/search`
 * and kept in a bounded LRU. Concurrent asks for a page share one request; changing the search aborts every request
 * of the previous one.
 */
export class RowCache {
  total: number | null = null;
  status: CacheStatus = 'idle';
  error: ApiError | null = null;
  /** Requests sent since creation, for tests and diagnostics. */
  requests = 0;

  private readonly pages = new Map<number, Client[]>();
  private readonly inFlight = new Map<number, AbortController>();
  private search: RowQuery | null = null;
  private generation = 0;

  constructor(
    private readonly onChange: () => void,
    private readonly maxPages = MAX_CACHED_PAGES,
  ) {}

  get cachedPages(): number {
    return this.pages.size;
  }

  /** Starts over for a new search; answers of the previous one are dropped. */
  reset(search: RowQuery): void {
    this.abortAll();
    this.generation += 1;
    this.search = search;
    this.pages.clear();
    this.total = null;
    this.error = null;
    this.status = 'idle';
  }

  get(index: number): Client | undefined {
    const page = this.pages.get(Math.floor(index / PAGE_SIZE));
    return page?.[index % PAGE_SIZE];
  }

  /** Every loaded row in [start, end]. */
  loaded(start: number, end: number): Client[] {
    const rows: Client[] = [];
    for (let i = start; i <= end; i++) {
      const row = this.get(i);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Makes sure the pages covering rows [start, end] are cached or on their way; stops requests no longer needed. */
  ensure(start: number, end: number, api: ApiClient | undefined): void {
    if (!api || !this.search) return;
    const first = Math.max(0, Math.floor(start / PAGE_SIZE));
    const last = Math.max(first, Math.floor(Math.max(start, end) / PAGE_SIZE));
    for (const [page, controller] of this.inFlight) {
      if (page < first - 1 || page > last + 1) {
        controller.abort();
        this.inFlight.delete(page);
      }
    }
    for (let page = first; page <= last; page++) {
      if (this.total !== null && page * PAGE_SIZE >= this.total && page > 0) break;
      const cached = this.pages.get(page);
      if (cached) {
        // Touch: most recently used moves to the end of the Map's order.
        this.pages.delete(page);
        this.pages.set(page, cached);
        continue;
      }
      if (!this.inFlight.has(page)) this.fetchPage(page, api);
    }
  }

  retry(api: ApiClient | undefined, start: number, end: number): void {
    this.error = null;
    this.status = 'idle';
    this.ensure(start, end, api);
  }

  abortAll(): void {
    for (const controller of this.inFlight.values()) controller.abort();
    this.inFlight.clear();
  }

  private fetchPage(page: number, api: ApiClient): void {
    const search = this.search as RowQuery;
    const generation = this.generation;
    const controller = new AbortController();
    this.inFlight.set(page, controller);
    this.requests += 1;
    if (this.status !== 'ready') this.status = 'loading';
    const body: Record<string, unknown> = { sort: search.sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
    if (search.query) body.query = search.query;
    if (Object.keys(search.filter).length) body.filter = search.filter;
    // Counting is the expensive part of a search; later windows of a list whose total is known skip it.
    if (this.total !== null) body.with_total = false;
    api
      .request<{ items: Client[]; total: number | null }>('POST', '/v1/clients/search', body, {
        signal: controller.signal,
      })
      .then((answer) => {
        if (generation !== this.generation) return;
        this.inFlight.delete(page);
        this.pages.set(page, answer.items);
        while (this.pages.size > this.maxPages) {
          const oldest = this.pages.keys().next().value as number;
          this.pages.delete(oldest);
        }
        if (answer.total !== null) this.total = answer.total;
        this.status = 'ready';
        this.error = null;
        this.onChange();
      })
      .catch((error: unknown) => {
        if (generation !== this.generation) return;
        if (this.inFlight.get(page) === controller) this.inFlight.delete(page);
        if (controller.signal.aborted) return;
        this.error =
          error instanceof ApiError
            ? error
            : new ApiError(0, { error: { code: 'network_error', message: String(error) } });
        this.status = 'error';
        this.onChange();
      });
  }
}
