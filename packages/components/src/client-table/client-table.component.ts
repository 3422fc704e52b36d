import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ApiClient } from '../api/client.js';
import type { Client, ClientFilter, ClientSelection, CustomFieldDefinition, ListAnswer } from '../api/types.js';
import { apiClientContext, localeContext, type SessionInfo, sessionContext } from '../context.js';
import { CbClientOpenEvent } from '../events/client-open.js';
import type { CbFilterChangeEvent } from '../events/filter-change.js';
import { CbSelectionChangeEvent } from '../events/selection-change.js';
import { formatNumber } from '../format.js';
import { type Locale, message } from '../localize.js';
import { buttonStyles } from '../styles/button.styles.js';
import { skeletonStyles } from '../styles/skeleton.styles.js';
import { styleProps } from '../styles/style-props.js';
import { clientTableStyles } from './client-table.styles.js';
import {
  BASE_COLUMNS,
  type CellContext,
  type ColumnDefinition,
  customColumn,
  DEFAULT_VISIBLE,
  MAX_LOCKED,
} from './columns.js';
import { PAGE_SIZE, RowCache } from './row-cache.js';
import { VirtualRowsController } from './virtual-rows.controller.js';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
const SELECT_WIDTH = 44;
const SEARCH_DEBOUNCE_MS = 300;
const PREFS_DEBOUNCE_MS = 600;
export const PREFERENCES_KEY = 'client-table';

interface ColumnPreferences {
  visible: string[];
  locked: string[];
}

/**
 * @summary The client list: a virtualised, sortable, selectable grid over every client matching a search and filter,
 * with a column chooser (show/hide, up to five locked columns) whose choices are saved per user.
 * @tag cb-client-table
 *
 * @event {CbClientOpenEvent} cb-client-open - A client's name was activated, or Enter pressed in a focused row.
 * @event {CbSelectionChangeEvent} cb-selection-change - The selection changed: `{ selection, count }`.
 *
 * @csspart base - The wrapper around toolbar and grid.
 * @csspart toolbar - The bar with the search box, counts, selection actions and the column menu button.
 * @csspart search - The search form.
 * @csspart search-input - The search input.
 * @csspart button - Every button of the toolbar.
 * @csspart columns-button - The cog button that opens the column menu.
 * @csspart column-menu - The column chooser.
 * @csspart hint - The status line (e.g. the locked-column limit).
 * @csspart table - The scrolling grid.
 * @csspart header - The header row.
 * @csspart header-cell - A column header.
 * @csspart row - A client row.
 * @csspart row-selected - A selected client row (with `row`).
 * @csspart cell - A data cell.
 * @csspart name - The client's name button.
 * @csspart chip - A category chip.
 * @csspart empty - The "no clients match" message.
 * @csspart error - The error message with its Retry button.
 *
 * @cssproperty --cb-client-table-height - Height of the element. Defaults to `36rem`.
 * @cssproperty --cb-client-table-background - Row background. Defaults to `--cb-color-background`.
 * @cssproperty --cb-client-table-header-background - Header background. Defaults to `--cb-color-surface`.
 * @cssproperty --cb-client-table-border-color - Lines between rows. Defaults to `--cb-color-border`.
 * @cssproperty --cb-client-table-row-hover - Background of the hovered row. Defaults to `--cb-color-surface`.
 * @cssproperty --cb-client-table-row-selected - Background of selected rows. Defaults to a tint of `--cb-color-primary`.
 * @cssproperty --cb-client-table-accent - Links, focus and active controls. Defaults to `--cb-color-primary`.
 */
@localized()
export class CbClientTable extends LitElement {
  static override styles = [buttonStyles, skeletonStyles, clientTableStyles];

  /** Visible columns as a comma list of ids (`name,phone,total_sold,cf.hair_type`), used until the user chooses. */
  @property() columns: string | null = null;

  /** Sort as `field:asc|desc`. */
  @property({ reflect: true }) sort = 'name:asc';

  /** Search text (name, phone, email, card number). Reflects the search box. */
  @property({ reflect: true }) query = '';

  /** The filter object of `POST /v1/clients/search`. */
  @property({ attribute: false }) filter: ClientFilter = {};

  /** Shows a checkbox per row and the selection actions. */
  @property({ type: Boolean, reflect: true }) selectable = false;

  @consume({ context: apiClientContext, subscribe: true }) @state() private api?: ApiClient;
  @consume({ context: sessionContext, subscribe: true }) @state() private session?: SessionInfo;
  @consume({ context: localeContext, subscribe: true }) @state() private locale: Locale = 'en';

  @state() private customFields: CustomFieldDefinition[] = [];
  @state() private visibleIds: string[] = [];
  @state() private lockedIds: string[] = [];
  @state() private menuOpen = false;
  @state() private hint = '';
  @state() private activeRow = -1;
  @state() private activeCol = 0;
  @state() private searchText = '';
  @state() private selectedIds = new Set<string>();
  @state() private allMatching = false;
  @state() private exceptIds = new Set<string>();

  @query('.scroller') private scroller!: HTMLElement | null;

  private readonly rows = new VirtualRowsController(this, {
    getScrollElement: () => this.scroller,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    overscan: 6,
  });
  private readonly cache = new RowCache(() => this.requestUpdate());
  private searchKey = '';
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private ensureTimer: ReturnType<typeof setTimeout> | undefined;
  private prefsTimer: ReturnType<typeof setTimeout> | undefined;
  private prefsLoadedFor: string | null = null;
  private prefsReady = false;
  private prefsLoading: Promise<void> | undefined;
  /** The user changed columns before their saved choice arrived: keep the change and save it instead. */
  private changedBeforePrefs = false;
  private fieldsLoadedFor: ApiClient | null = null;
  private followedProvider: Element | null = null;

  /** Rows currently in the DOM (visible plus overscan); exposed for tests and diagnostics. */
  get renderedRowCount(): number {
    return this.renderRoot.querySelectorAll('[part~="row"]').length;
  }

  /** Total clients matching, once known. */
  get total(): number | null {
    return this.cache.total;
  }

  /** Page requests sent so far. */
  get requestCount(): number {
    return this.cache.requests;
  }

  /** The current selection as bulk actions take it. */
  get selection(): ClientSelection {
    if (this.allMatching) return { filter: this.filter, query: this.query, except_ids: [...this.exceptIds] };
    return { ids: [...this.selectedIds] };
  }

  /** How many clients the selection covers. */
  get selectionCount(): number {
    if (this.allMatching) return Math.max(0, (this.cache.total ?? 0) - this.exceptIds.size);
    return this.selectedIds.size;
  }

  /** Reloads the rows (e.g. after a bulk action changed them). */
  refresh(): void {
    this.searchKey = '';
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Filters inside the same provider steer this table without any wiring by the host.
    this.followedProvider = this.closest('cb-provider');
    this.followedProvider?.addEventListener('cb-filter-change', this.onFilterChange);
    document.addEventListener('pointerdown', this.onDocumentPointerDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.followedProvider?.removeEventListener('cb-filter-change', this.onFilterChange);
    this.followedProvider = null;
    document.removeEventListener('pointerdown', this.onDocumentPointerDown);
    this.cache.abortAll();
    clearTimeout(this.searchTimer);
    clearTimeout(this.ensureTimer);
    void this.flushPreferences();
  }

  private readonly onFilterChange = (event: Event) => {
    if (!(event instanceof Event) || !('filter' in event)) return;
    const change = event as CbFilterChangeEvent;
    this.filter = change.filter;
    if (change.query !== undefined) {
      this.query = change.query;
      this.searchText = change.query;
    }
  };

  private readonly onDocumentPointerDown = (event: PointerEvent) => {
    if (!this.menuOpen) return;
    const path = event.composedPath();
    const menu = this.renderRoot.querySelector('.column-menu');
    const button = this.renderRoot.querySelector('.columns-button');
    if (menu && !path.includes(menu) && button && !path.includes(button)) this.menuOpen = false;
  };

  // --- columns -------------------------------------------------------------------------------------------------

  private get allColumns(): ColumnDefinition[] {
    return [...BASE_COLUMNS, ...this.customFields.map(customColumn)];
  }

  /** Locked columns first, in the order they were locked, then the other visible ones. */
  private get displayColumns(): ColumnDefinition[] {
    const byId = new Map(this.allColumns.map((column) => [column.id, column]));
    const visible = this.effectiveVisible();
    const locked = this.lockedIds.filter((id) => byId.has(id) && visible.includes(id));
    const rest = visible.filter((id) => !locked.includes(id) && byId.has(id));
    return [...locked, ...rest].map((id) => byId.get(id) as ColumnDefinition);
  }

  private effectiveVisible(): string[] {
    const ids = this.visibleIds.length ? this.visibleIds : this.defaultVisible();
    return ids.includes('name') ? ids : ['name', ...ids];
  }

  private defaultVisible(): string[] {
    const fromAttribute = (this.columns ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    return fromAttribute.length ? fromAttribute : DEFAULT_VISIBLE;
  }

  private toggleColumn(id: string, visible: boolean): void {
    const current = this.effectiveVisible();
    if (visible && !current.includes(id)) {
      const order = this.allColumns.map((column) => column.id);
      this.visibleIds = order.filter((columnId) => current.includes(columnId) || columnId === id);
    } else if (!visible) {
      this.visibleIds = current.filter((columnId) => columnId !== id);
      this.lockedIds = this.lockedIds.filter((columnId) => columnId !== id);
    }
    this.activeCol = Math.min(this.activeCol, this.columnCount - 1);
    this.savePreferences();
  }

  private toggleLock(id: string): void {
    const column = this.allColumns.find((c) => c.id === id);
    const name = column?.label() ?? id;
    if (this.lockedIds.includes(id)) {
      this.lockedIds = this.lockedIds.filter((columnId) => columnId !== id);
      this.hint = '';
    } else if (this.lockedIds.length >= MAX_LOCKED) {
      this.hint = message('table.lockLimit', { column: name });
      return;
    } else {
      this.lockedIds = [...this.lockedIds, id];
      if (!this.effectiveVisible().includes(id)) this.visibleIds = [...this.effectiveVisible(), id];
      this.hint = '';
    }
    this.savePreferences();
  }

  // --- preferences and custom fields ---------------------------------------------------------------------------

  private async loadPreferences(api: ApiClient, userId: string): Promise<void> {
    this.prefsLoadedFor = userId;
    try {
      const answer = await api.request<{ value: ColumnPreferences | null }>(
        'GET',
        `/v1/me/preferences/${PREFERENCES_KEY}`,
      );
      const value = answer.value;
      if (!this.changedBeforePrefs && value && Array.isArray(value.visible) && Array.isArray(value.locked)) {
        this.visibleIds = value.visible.filter((id) => typeof id === 'string');
        this.lockedIds = value.locked.filter((id) => typeof id === 'string').slice(0, MAX_LOCKED);
      }
    } catch {
      // No saved preferences: the defaults stay.
    }
    this.prefsReady = true;
    if (this.changedBeforePrefs) this.savePreferences();
  }

  private savePreferences(): void {
    if (!this.prefsReady) {
      this.changedBeforePrefs = true;
      return;
    }
    clearTimeout(this.prefsTimer);
    this.prefsTimer = setTimeout(() => this.flushPreferences(), PREFS_DEBOUNCE_MS);
  }

  /** Writes pending column preferences now (also called on disconnect so a quick navigation keeps them). */
  async flushPreferences(): Promise<void> {
    await this.prefsLoading;
    if (this.prefsTimer === undefined || !this.api) return;
    clearTimeout(this.prefsTimer);
    this.prefsTimer = undefined;
    const value: ColumnPreferences = { visible: this.effectiveVisible(), locked: this.lockedIds };
    return this.api
      .request('PUT', `/v1/me/preferences/${PREFERENCES_KEY}`, { value })
      .then(() => undefined)
      .catch(() => undefined);
  }

  private async loadCustomFields(api: ApiClient): Promise<void> {
    this.fieldsLoadedFor = api;
    try {
      const answer = await api.request<ListAnswer<CustomFieldDefinition>>('GET', '/v1/custom-fields');
      this.customFields = answer.items;
    } catch {
      this.customFields = [];
    }
  }

  // --- data ----------------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.searchText = this.query;
    if (this.api && this.session?.authenticated) {
      const userId = this.session.user?.id;
      if (userId && this.prefsLoadedFor !== userId) this.prefsLoading = this.loadPreferences(this.api, userId);
      if (this.fieldsLoadedFor !== this.api) void this.loadCustomFields(this.api);
    }
    const key = JSON.stringify([this.query, this.filter, this.sort, Boolean(this.api), this.session?.authenticated]);
    if (key !== this.searchKey) {
      const first = this.searchKey === '';
      this.searchKey = key;
      this.cache.reset({ query: this.query, filter: this.filter ?? {}, sort: this.sort });
      if (!first) this.clearSelection();
      if (this.scroller) this.scroller.scrollTop = 0;
      this.activeRow = Math.min(this.activeRow, 0);
    }
    this.rows.count = this.cache.total ?? 0;
  }

  protected override updated(): void {
    this.requestRows();
  }

  private requestRows(): void {
    if (!this.api || !this.session?.authenticated) return;
    if (this.cache.status === 'error') return;
    const placed = this.rows.rows();
    const first = placed[0]?.index ?? 0;
    const last = placed[placed.length - 1]?.index ?? PAGE_SIZE - 1;
    const needsFetch = this.cache.total === null || placed.some((row) => !this.cache.get(row.index));
    if (!needsFetch) return;
    clearTimeout(this.ensureTimer);
    // While the scrollbar is dragged, wait until it rests for a moment instead of asking for every window passed.
    if (this.cache.total === null) this.cache.ensure(first, last, this.api);
    else this.ensureTimer = setTimeout(() => this.cache.ensure(first, last, this.api), 60);
  }

  private retry(): void {
    const placed = this.rows.rows();
    this.cache.retry(this.api, placed[0]?.index ?? 0, placed[placed.length - 1]?.index ?? PAGE_SIZE - 1);
    this.requestUpdate();
  }

  // --- search and sort -----------------------------------------------------------------------------------------

  private onSearchInput(event: Event): void {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.applySearch(), SEARCH_DEBOUNCE_MS);
  }

  private onSearchSubmit(event: Event): void {
    event.preventDefault();
    this.applySearch();
  }

  private applySearch(): void {
    clearTimeout(this.searchTimer);
    this.query = this.searchText.trim();
  }

  private sortBy(column: ColumnDefinition): void {
    if (!column.sort) return;
    const [field, direction] = this.sort.split(':');
    this.sort = `${column.sort}:${field === column.sort && direction === 'asc' ? 'desc' : 'asc'}`;
  }

  private sortStateOf(column: ColumnDefinition): 'ascending' | 'descending' | 'none' | undefined {
    if (!column.sort) return undefined;
    const [field, direction] = this.sort.split(':');
    if (field !== column.sort) return 'none';
    return direction === 'desc' ? 'descending' : 'ascending';
  }

  // --- selection -----------------------------------------------------------------------------------------------

  private isSelected(id: string): boolean {
    return this.allMatching ? !this.exceptIds.has(id) : this.selectedIds.has(id);
  }

  private setSelected(ids: string[], selected: boolean): void {
    if (this.allMatching) {
      const except = new Set(this.exceptIds);
      for (const id of ids) selected ? except.delete(id) : except.add(id);
      this.exceptIds = except;
    } else {
      const chosen = new Set(this.selectedIds);
      for (const id of ids) selected ? chosen.add(id) : chosen.delete(id);
      this.selectedIds = chosen;
    }
    this.emitSelection();
  }

  private toggleRow(client: Client): void {
    this.setSelected([client.id], !this.isSelected(client.id));
  }

  /** Loaded rows inside the viewport (not the overscan). */
  private visibleClients(): Client[] {
    const scroller = this.scroller;
    if (!scroller) return [];
    const offset = this.rows.toVirtual(scroller.scrollTop);
    const first = Math.floor(offset / ROW_HEIGHT);
    const last = Math.min((this.cache.total ?? 0) - 1, first + this.rows.pageRows);
    return this.cache.loaded(first, last);
  }

  /** Selects the rows on screen. */
  selectPage(): void {
    this.setSelected(
      this.visibleClients().map((client) => client.id),
      true,
    );
  }

  /** Selects every client matching the search and filter, as a filter selection. */
  selectAllMatching(): void {
    this.allMatching = true;
    this.exceptIds = new Set();
    this.selectedIds = new Set();
    this.emitSelection();
  }

  clearSelection(): void {
    const had = this.allMatching || this.selectedIds.size > 0;
    this.allMatching = false;
    this.exceptIds = new Set();
    this.selectedIds = new Set();
    if (had) this.emitSelection();
  }

  private onHeaderCheckbox(): void {
    const visible = this.visibleClients();
    const allOn = visible.length > 0 && visible.every((client) => this.isSelected(client.id));
    this.setSelected(
      visible.map((client) => client.id),
      !allOn,
    );
  }

  private emitSelection(): void {
    this.dispatchEvent(new CbSelectionChangeEvent(this.selection, this.selectionCount));
  }

  // --- keyboard (ARIA grid) ------------------------------------------------------------------------------------

  private get columnCount(): number {
    return this.displayColumns.length + (this.selectable ? 1 : 0);
  }

  private onGridKeydown(event: KeyboardEvent): void {
    const total = this.cache.total ?? 0;
    const lastRow = total - 1;
    let row = this.activeRow;
    let col = this.activeCol;
    switch (event.key) {
      case 'ArrowDown':
        row = Math.min(lastRow, row + 1);
        break;
      case 'ArrowUp':
        row = Math.max(-1, row - 1);
        break;
      case 'ArrowRight':
        col = Math.min(this.columnCount - 1, col + 1);
        break;
      case 'ArrowLeft':
        col = Math.max(0, col - 1);
        break;
      case 'Home':
        if (event.ctrlKey || event.metaKey) row = Math.min(0, lastRow);
        else col = 0;
        break;
      case 'End':
        if (event.ctrlKey || event.metaKey) row = lastRow;
        else col = this.columnCount - 1;
        break;
      case 'PageDown':
        row = Math.min(lastRow, row + this.rows.pageRows);
        break;
      case 'PageUp':
        row = Math.max(row < 0 ? -1 : 0, row - this.rows.pageRows);
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        this.activateCell(event.key === 'Enter');
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    this.moveFocus(row, col);
  }

  private activateCell(enter: boolean): void {
    const column = this.columnAt(this.activeCol);
    if (this.activeRow < 0) {
      if (column) this.sortBy(column);
      else if (this.selectable) this.onHeaderCheckbox();
      return;
    }
    const client = this.cache.get(this.activeRow);
    if (!client) return;
    if (enter) this.dispatchEvent(new CbClientOpenEvent(client.id));
    else if (this.selectable) this.toggleRow(client);
  }

  /** The column at a grid column index, or undefined for the selection column. */
  private columnAt(col: number): ColumnDefinition | undefined {
    return this.displayColumns[col - (this.selectable ? 1 : 0)];
  }

  private async moveFocus(row: number, col: number): Promise<void> {
    this.activeRow = row;
    this.activeCol = col;
    if (row >= 0) this.rows.scrollToRow(row);
    await this.updateComplete;
    // A scroll re-renders on the next frame; wait for it so the row exists.
    if (!this.cellElement(row, col)) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      await this.updateComplete;
    }
    this.cellElement(row, col)?.focus({ preventScroll: row < 0 });
  }

  private cellElement(row: number, col: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`);
  }

  private onGridFocusIn(event: FocusEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    this.activeRow = Number(cell.dataset.row);
    this.activeCol = Number(cell.dataset.col);
  }

  private tabIndexFor(row: number, col: number): number {
    if (row === this.activeRow && col === this.activeCol) return 0;
    // The active row scrolled out of the DOM: the header cell keeps the grid reachable by Tab.
    if (row === -1 && col === this.activeCol && !this.cellRendered(this.activeRow)) return 0;
    return -1;
  }

  private cellRendered(row: number): boolean {
    if (row < 0) return true;
    return this.rows.rows().some((placed) => placed.index === row);
  }

  // --- rendering -----------------------------------------------------------------------------------------------

  private cellContext(): CellContext {
    return {
      locale: this.locale,
      currency: this.session?.business?.currency ?? 'EUR',
      timeZone: this.session?.business?.timezone ?? 'UTC',
    };
  }

  /** Grid track sizes and the left offsets of the sticky (locked) columns. */
  private layout(columns: ColumnDefinition[]) {
    const tracks: string[] = [];
    const stickyLeft = new Map<string, number>();
    let left = 0;
    if (this.selectable) {
      tracks.push(`${SELECT_WIDTH}px`);
      left = SELECT_WIDTH;
    }
    for (const column of columns) {
      if (this.lockedIds.includes(column.id)) stickyLeft.set(column.id, left);
      left += column.width;
      tracks.push(`${column.width}px`);
    }
    return { template: tracks.join(' '), width: left, stickyLeft };
  }

  protected override render() {
    const columns = this.displayColumns;
    const { template, width, stickyLeft } = this.layout(columns);
    const total = this.cache.total;
    const status = this.cache.status;
    const rowStyle = { gridTemplateColumns: template, width: `${width}px` };
    const lastLocked = columns.filter((column) => stickyLeft.has(column.id)).at(-1)?.id;
    const placed = this.rows.rows();
    const context = this.cellContext();
    const loadingFirst = total === null && status !== 'error';
    return html`<div part="base" class="base">
      ${this.renderToolbar(total)}
      <div class="grid-area">
      <div
        class="scroller"
        part="table"
        role="grid"
        aria-label=${message('table.label')}
        aria-rowcount=${total === null ? -1 : total + 1}
        aria-colcount=${this.columnCount}
        aria-multiselectable=${this.selectable ? 'true' : nothing}
        aria-busy=${status === 'loading' ? 'true' : 'false'}
        @keydown=${this.onGridKeydown}
        @focusin=${this.onGridFocusIn}
      >
        <div role="rowgroup" class="head">
          <div role="row" part="header" class="row header" aria-rowindex="1" ${styleProps(rowStyle)}>
            ${this.selectable ? this.renderHeaderCheckbox() : nothing}
            ${columns.map((column, i) => this.renderHeaderCell(column, i + (this.selectable ? 1 : 0), stickyLeft, lastLocked))}
          </div>
        </div>
        <div
          role="rowgroup"
          class="body"
          ${styleProps({ height: `${loadingFirst ? 10 * ROW_HEIGHT : this.rows.physicalHeight}px`, width: `${width}px` })}
        >
          ${
            loadingFirst
              ? Array.from({ length: 10 }, (_, i) => this.renderSkeletonRow(i, columns, rowStyle, i * ROW_HEIGHT))
              : repeat(
                  placed,
                  (row) => row.index,
                  (row) => {
                    const client = this.cache.get(row.index);
                    return client
                      ? this.renderRow(client, row.index, row.top, columns, rowStyle, stickyLeft, lastLocked, context)
                      : this.renderSkeletonRow(row.index, columns, rowStyle, row.top);
                  },
                )
          }
        </div>
      </div>
        ${total === 0 ? html`<div class="message" part="empty" role="status"><strong>${message('table.empty')}</strong><span>${message('table.emptyHint')}</span></div>` : nothing}
        ${
          status === 'error'
            ? html`<div class="message error" part="error" role="alert">
                <strong>${message('table.error')}</strong>
                <span>${this.cache.error?.message ?? ''}</span>
                <button part="button" class="button" @click=${this.retry}>${message('table.retry')}</button>
              </div>`
            : nothing
        }
      </div>
    </div>`;
  }

  private renderToolbar(total: number | null) {
    const count = this.selectionCount;
    return html`<div class="toolbar" part="toolbar">
      <form class="search" part="search" role="search" @submit=${this.onSearchSubmit}>
        <input
          part="search-input"
          type="search"
          .value=${this.searchText}
          placeholder=${message('table.searchPlaceholder')}
          aria-label=${message('table.search')}
          @input=${this.onSearchInput}
        />
        <button part="button" class="button" type="submit">${message('table.show')}</button>
      </form>
      <span class="count" aria-live="polite">${total === null ? message('loading') : message(total === 1 ? 'table.totalOne' : 'table.total', { count: formatNumber(total, this.locale) })}</span>
      ${
        this.selectable
          ? html`<span class="selection">
              ${count > 0 ? html`<span class="selected-count">${message('table.selected', { count: formatNumber(count, this.locale) })}</span>` : nothing}
              ${
                !this.allMatching && total
                  ? html`<button part="button" class="button link" data-action="select-all" @click=${this.selectAllMatching}>
                      ${message('table.selectAll', { count: formatNumber(total, this.locale) })}
                    </button>`
                  : nothing
              }
              ${count > 0 ? html`<button part="button" class="button link" data-action="clear" @click=${this.clearSelection}>${message('table.clearSelection')}</button>` : nothing}
            </span>`
          : nothing
      }
      <span class="hint" part="hint" role="status">${this.hint}</span>
      <div class="menu-anchor">
        <button
          part="button columns-button"
          class="button quiet columns-button"
          aria-haspopup="true"
          aria-expanded=${this.menuOpen ? 'true' : 'false'}
          aria-controls="column-menu"
          @click=${() => {
            this.menuOpen = !this.menuOpen;
          }}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16"><path fill="currentColor" d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.8c-.6.3-1.2.6-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.4-2.8c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"/></svg>
          ${message('table.columns')}
        </button>
        ${this.menuOpen ? this.renderColumnMenu() : nothing}
      </div>
    </div>`;
  }

  private renderColumnMenu() {
    const visible = this.effectiveVisible();
    return html`<div
      id="column-menu"
      class="column-menu"
      part="column-menu"
      role="dialog"
      aria-label=${message('table.columnsMenu')}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          this.menuOpen = false;
          this.renderRoot.querySelector<HTMLElement>('.columns-button')?.focus();
        }
      }}
    >
      <ul>
        ${this.allColumns.map((column) => {
          const name = column.label();
          const locked = this.lockedIds.includes(column.id);
          const lockIndex = this.lockedIds.indexOf(column.id);
          return html`<li data-column=${column.id}>
            <label>
              <input
                type="checkbox"
                .checked=${visible.includes(column.id)}
                ?disabled=${!column.hideable}
                @change=${(event: Event) => this.toggleColumn(column.id, (event.target as HTMLInputElement).checked)}
              />
              ${name}
            </label>
            <button
              class="lock"
              part="lock-button"
              aria-pressed=${locked ? 'true' : 'false'}
              aria-label=${locked ? message('table.unlock', { column: name }) : message('table.lock', { column: name })}
              title=${locked ? message('table.unlock', { column: name }) : message('table.lock', { column: name })}
              @click=${() => this.toggleLock(column.id)}
            >
              ${lockIcon(locked)}${locked ? html`<span class="lock-order">${lockIndex + 1}</span>` : nothing}
            </button>
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderHeaderCheckbox() {
    const visible = this.visibleClients();
    const selected = visible.filter((client) => this.isSelected(client.id)).length;
    return html`<div
      role="columnheader"
      class="cell select sticky"
      part="header-cell"
      aria-colindex="1"
      data-row="-1"
      data-col="0"
      tabindex=${this.tabIndexFor(-1, 0)}
      ${styleProps({ left: '0px' })}
    >
      <input
        type="checkbox"
        tabindex="-1"
        aria-label=${message('table.selectPage')}
        .checked=${visible.length > 0 && selected === visible.length}
        .indeterminate=${selected > 0 && selected < visible.length}
        @change=${() => this.onHeaderCheckbox()}
      />
    </div>`;
  }

  private renderHeaderCell(
    column: ColumnDefinition,
    col: number,
    stickyLeft: Map<string, number>,
    lastLocked: string | undefined,
  ) {
    const left = stickyLeft.get(column.id);
    const sort = this.sortStateOf(column);
    const classes = [
      'cell',
      column.numeric ? 'numeric' : '',
      left !== undefined ? 'sticky' : '',
      column.id === lastLocked ? 'last-locked' : '',
    ];
    const label = column.label();
    return html`<div
      role="columnheader"
      part="header-cell"
      class=${classes.join(' ')}
      aria-colindex=${col + 1}
      aria-sort=${sort ?? nothing}
      data-row="-1"
      data-col=${col}
      data-column=${column.id}
      tabindex=${this.tabIndexFor(-1, col)}
      ${styleProps(left !== undefined ? { left: `${left}px` } : {})}
    >
      ${
        column.sort
          ? html`<button class="sort" tabindex="-1" title=${message('table.sortBy', { column: label })} @click=${() => this.sortBy(column)}>
              <span>${label}</span>${sortArrow(sort)}
            </button>`
          : html`<span class="label">${label}</span>`
      }
      ${left !== undefined ? html`<span class="locked-mark" title=${message('table.locked')}>${lockIcon(true)}</span>` : nothing}
    </div>`;
  }

  private renderRow(
    client: Client,
    index: number,
    top: number,
    columns: ColumnDefinition[],
    rowStyle: Record<string, string>,
    stickyLeft: Map<string, number>,
    lastLocked: string | undefined,
    context: CellContext,
  ) {
    const selected = this.selectable && this.isSelected(client.id);
    const offset = this.selectable ? 1 : 0;
    return html`<div
      role="row"
      part=${selected ? 'row row-selected' : 'row'}
      class=${selected ? 'row selected' : 'row'}
      aria-rowindex=${index + 2}
      aria-selected=${this.selectable ? String(selected) : nothing}
      data-index=${index}
      data-id=${client.id}
      ${styleProps({ ...rowStyle, top: `${top}px` })}
    >
      ${
        this.selectable
          ? html`<div role="gridcell" class="cell select sticky" part="cell" aria-colindex="1" data-row=${index} data-col="0" tabindex=${this.tabIndexFor(index, 0)} ${styleProps({ left: '0px' })}>
              <input type="checkbox" tabindex="-1" aria-label=${message('table.selectRow', { name: client.name })} .checked=${selected} @change=${(
                event: Event,
              ) => this.setSelected([client.id], (event.target as HTMLInputElement).checked)} />
            </div>`
          : nothing
      }
      ${columns.map((column, i) => {
        const left = stickyLeft.get(column.id);
        const classes = [
          'cell',
          column.numeric ? 'numeric' : '',
          left !== undefined ? 'sticky' : '',
          column.id === lastLocked ? 'last-locked' : '',
        ];
        return html`<div
          role="gridcell"
          part="cell"
          class=${classes.join(' ')}
          aria-colindex=${i + offset + 1}
          data-row=${index}
          data-col=${i + offset}
          data-column=${column.id}
          tabindex=${this.tabIndexFor(index, i + offset)}
          ${styleProps(left !== undefined ? { left: `${left}px` } : {})}
        >
          ${
            column.id === 'name'
              ? html`<button part="name" class="name" tabindex="-1" @click=${() => this.dispatchEvent(new CbClientOpenEvent(client.id))}>${client.name}</button>`
              : this.renderValue(column.render(client, context))
          }
        </div>`;
      })}
    </div>`;
  }

  private renderSkeletonRow(index: number, columns: ColumnDefinition[], rowStyle: Record<string, string>, top: number) {
    return html`<div role="row" part="row" class="row skeleton" aria-rowindex=${index + 2} aria-busy="true" data-index=${index} ${styleProps({ ...rowStyle, top: `${top}px` })}>
      ${this.selectable ? html`<div role="gridcell" class="cell select" aria-colindex="1"></div>` : nothing}
      ${columns.map((column, i) => html`<div role="gridcell" class="cell" aria-colindex=${i + (this.selectable ? 2 : 1)}><span class="bone" ${styleProps({ width: `${Math.min(column.width - 24, 60 + ((index * 37 + i * 53) % 80))}px` })}></span></div>`)}
    </div>`;
  }
  /** Plain text sits in its own span: a flex cell cannot ellipsize bare text, and the title shows it whole. */
  private renderValue(value: unknown) {
    return typeof value === 'string' ? html`<span class="text" title=${value}>${value}</span>` : value;
  }
}

function sortArrow(sort: 'ascending' | 'descending' | 'none' | undefined) {
  if (!sort) return nothing;
  return html`<svg class="arrow ${sort}" aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">${
    sort === 'descending'
      ? svg`<path fill="currentColor" d="M8 12 3 6h10z"/>`
      : sort === 'ascending'
        ? svg`<path fill="currentColor" d="M8 4l5 6H3z"/>`
        : svg`<path fill="currentColor" opacity=".35" d="M8 2l4 5H4zM8 14l-4-5h8z"/>`
  }</svg>`;
}

function lockIcon(locked: boolean) {
  return html`<svg aria-hidden="true" viewBox="0 0 24 24" width="14" height="14"><path fill="currentColor" d=${
    locked
      ? 'M17 9V7a5 5 0 0 0-10 0v2H5v12h14V9zm-8 0V7a3 3 0 0 1 6 0v2z'
      : 'M17 9V7a5 5 0 0 0-9.8-1.4l1.9.6A3 3 0 0 1 15 7v2H5v12h14V9zm0 10H7v-8h10z'
  }/></svg>`;
}
