import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../api/client.js';
import type { Category, ClientFilter, CustomFieldDefinition, ListAnswer, NamedItem, Segment } from '../api/types.js';
import { apiClientContext, localeContext, type SessionInfo, sessionContext } from '../context.js';
import { CbFilterChangeEvent } from '../events/filter-change.js';
import { currencyDigits, formatDate, formatMoney, readableTextColor } from '../format.js';
import { errorText, type Locale, type MessageKey, message } from '../localize.js';
import { baseStyles } from '../styles/base.styles.js';
import { buttonStyles } from '../styles/button.styles.js';
import { styleProps } from '../styles/style-props.js';
import { clientFiltersStyles } from './client-filters.styles.js';
import { FILTERS, type FilterDefinition, isActive, withoutKeys } from './filter-definitions.js';

type Draft = Record<string, string | string[]>;

/**
 * @summary Segment filters for the client list: an "Add filter" menu over every filter of the API, active filters as
 * removable chips, and saved segments (save, load, delete).
 * @tag cb-client-filters
 *
 * @event {CbFilterChangeEvent} cb-filter-change - The filter changed: `{ filter, query }` (`query` only when a saved
 * segment with a search text was loaded). A `<cb-client-table>` in the same `<cb-provider>` follows it by itself.
 *
 * @csspart base - The wrapper.
 * @csspart chips - The row of active filters.
 * @csspart chip - An active filter.
 * @csspart chip-remove - The × of an active filter.
 * @csspart add-button - The "Add filter" button.
 * @csspart menu - The list of filters to add.
 * @csspart editor - The panel editing one filter.
 * @csspart segments - The saved-segment controls.
 * @csspart button - Every other button.
 * @csspart status - Status messages (saved, deleted, errors).
 *
 * @cssproperty --cb-client-filters-chip-background - Chip background. Defaults to `--cb-color-surface`.
 * @cssproperty --cb-client-filters-accent - Buttons and focus. Defaults to `--cb-color-primary`.
 */
@localized()
export class CbClientFilters extends LitElement {
  static override styles = [baseStyles, buttonStyles, clientFiltersStyles];

  /** The current filter, as `POST /v1/clients/search` takes it. */
  @property({ attribute: false }) filter: ClientFilter = {};

  @consume({ context: apiClientContext, subscribe: true }) @state() private api?: ApiClient;
  @consume({ context: sessionContext, subscribe: true }) @state() private session?: SessionInfo;
  @consume({ context: localeContext, subscribe: true }) @state() private locale: Locale = 'en';

  @state() private categories: Category[] = [];
  @state() private customFields: CustomFieldDefinition[] = [];
  @state() private catalogues: Record<string, NamedItem[]> = {};
  @state() private segments: Segment[] = [];
  @state() private menuOpen = false;
  @state() private editing: string | null = null;
  @state() private draft: Draft = {};
  @state() private savingSegment = false;
  @state() private segmentName = '';
  @state() private chosenSegment = '';
  @state() private status = '';
  @state() private error = '';

  private loadedFor: ApiClient | null = null;

  // A menu closes when the pointer goes down anywhere outside it, as native menus do.
  private readonly closeMenuOutside = (event: PointerEvent) => {
    const anchor = this.renderRoot.querySelector('.menu-anchor');
    if (anchor && !event.composedPath().includes(anchor)) this.menuOpen = false;
  };

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('menuOpen')) return;
    if (this.menuOpen) {
      document.addEventListener('pointerdown', this.closeMenuOutside, true);
      this.renderRoot.querySelector<HTMLElement>('.menu [role="menuitem"]')?.focus();
    } else {
      document.removeEventListener('pointerdown', this.closeMenuOutside, true);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.closeMenuOutside, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter') && !this.filter) this.filter = {};
    if (this.api && this.session?.authenticated && this.loadedFor !== this.api) {
      this.loadedFor = this.api;
      void this.loadLists(this.api);
    }
  }

  private async loadLists(api: ApiClient): Promise<void> {
    const list = async <T>(path: string): Promise<T[]> => {
      try {
        return (await api.request<ListAnswer<T>>('GET', path)).items;
      } catch {
        return [];
      }
    };
    const [categories, customFields, segments, locations, staff, services] = await Promise.all([
      list<Category>('/v1/categories'),
      list<CustomFieldDefinition>('/v1/custom-fields'),
      list<Segment>('/v1/segments'),
      list<NamedItem>('/v1/locations'),
      list<NamedItem>('/v1/staff'),
      list<NamedItem>('/v1/services'),
    ]);
    this.categories = categories;
    this.customFields = customFields;
    this.segments = segments;
    this.catalogues = { '/v1/locations': locations, '/v1/staff': staff, '/v1/services': services };
  }

  private get currency(): string {
    return this.session?.business?.currency ?? 'EUR';
  }

  /** Built-in filters plus one per custom field (`cf.<key>`). */
  private get definitions(): FilterDefinition[] {
    return [
      ...FILTERS,
      ...this.customFields.map(
        (field): FilterDefinition => ({
          id: `cf.${field.key}`,
          kind: field.type === 'select' ? 'choice' : field.type === 'date' ? 'date' : 'days',
          label: 'filters.value',
          keys: [],
          choices: field.options.map((option) => ({ value: option, label: option as MessageKey })),
        }),
      ),
    ];
  }

  private labelOf(definition: FilterDefinition): string {
    if (definition.id.startsWith('cf.')) {
      const key = definition.id.slice(3);
      return this.customFields.find((field) => field.key === key)?.label ?? key;
    }
    return message(definition.label);
  }

  private activeOf(definition: FilterDefinition): boolean {
    if (definition.id.startsWith('cf.')) return this.filter.custom_fields?.[definition.id.slice(3)] !== undefined;
    return isActive(definition, this.filter);
  }

  private customField(definition: FilterDefinition): CustomFieldDefinition | undefined {
    return this.customFields.find((field) => `cf.${field.key}` === definition.id);
  }

  // --- applying ------------------------------------------------------------------------------------------------

  private emit(filter: ClientFilter, query?: string): void {
    this.filter = filter;
    this.dispatchEvent(new CbFilterChangeEvent(filter, query));
  }

  private removeFilter(definition: FilterDefinition): void {
    if (definition.id.startsWith('cf.')) {
      const custom = { ...this.filter.custom_fields };
      delete custom[definition.id.slice(3)];
      const next = withoutKeys(this.filter, ['custom_fields']);
      this.emit(Object.keys(custom).length ? { ...next, custom_fields: custom } : next);
    } else {
      this.emit(withoutKeys(this.filter, definition.keys));
    }
    if (this.editing === definition.id) this.editing = null;
  }

  private clearAll(): void {
    this.editing = null;
    this.chosenSegment = '';
    this.emit({});
  }

  private startEditing(definition: FilterDefinition): void {
    this.menuOpen = false;
    this.editing = definition.id;
    this.draft = this.draftFrom(definition);
    this.error = '';
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.editor input, .editor select')?.focus(),
    );
  }

  private draftFrom(definition: FilterDefinition): Draft {
    const f = this.filter as Record<string, unknown>;
    const scale = 10 ** currencyDigits(this.currency);
    switch (definition.kind) {
      case 'categories':
        return {
          any: this.filter.categories?.any ?? [],
          all: this.filter.categories?.all ?? [],
          none: this.filter.categories?.none ?? [],
        };
      case 'count-range':
      case 'money-range': {
        const [minKey, maxKey] = definition.keys as [string, string];
        const show = (v: unknown) =>
          typeof v === 'number' ? String(definition.kind === 'money-range' ? v / scale : v) : '';
        return { min: show(f[minKey]), max: show(f[maxKey]) };
      }
      case 'birthday-range':
        return { min: String(f.birthday_from ?? ''), max: String(f.birthday_to ?? '') };
      case 'ids':
        return { ids: (f[definition.keys[0] as string] as string[] | undefined) ?? [] };
      default: {
        const value = definition.id.startsWith('cf.')
          ? this.filter.custom_fields?.[definition.id.slice(3)]
          : f[definition.keys[0] as string];
        return { value: value === undefined ? (definition.kind === 'boolean' ? 'true' : '') : String(value) };
      }
    }
  }

  private apply(event: Event): void {
    event.preventDefault();
    const definition = this.definitions.find((d) => d.id === this.editing);
    if (!definition) return;
    const next = this.applyDraft(definition);
    if (!next) return;
    this.editing = null;
    this.emit(next);
  }

  /** The filter with the draft of `definition` in it, or null (with `error` set) when the draft is not valid. */
  private applyDraft(definition: FilterDefinition): ClientFilter | null {
    const d = this.draft;
    const text = (key: string) => String(d[key] ?? '').trim();
    const base = definition.id.startsWith('cf.') ? this.filter : withoutKeys(this.filter, definition.keys);
    const out = { ...base } as Record<string, unknown>;
    const numberOf = (value: string) => (value === '' ? undefined : Number(value));
    switch (definition.kind) {
      case 'categories': {
        const categories: Record<string, string[]> = {};
        for (const mode of ['any', 'all', 'none']) {
          const ids = d[mode] as string[];
          if (ids.length) categories[mode] = ids;
        }
        if (!Object.keys(categories).length) return base;
        out.categories = categories;
        break;
      }
      case 'count-range':
      case 'money-range': {
        const [minKey, maxKey] = definition.keys as [string, string];
        const scale = definition.kind === 'money-range' ? 10 ** currencyDigits(this.currency) : 1;
        const min = numberOf(text('min'));
        const max = numberOf(text('max'));
        if ([min, max].some((n) => n !== undefined && !Number.isFinite(n))) return null;
        if (min !== undefined) out[minKey] = Math.round(min * scale);
        if (max !== undefined) out[maxKey] = Math.round(max * scale);
        if (min === undefined && max === undefined) return base;
        break;
      }
      case 'birthday-range': {
        const from = text('min');
        const to = text('max');
        if (!/^\d\d-\d\d$/.test(from) || !/^\d\d-\d\d$/.test(to)) {
          this.error = 'MM-DD';
          return null;
        }
        out.birthday_from = from;
        out.birthday_to = to;
        break;
      }
      case 'ids': {
        const ids = d.ids as string[];
        if (!ids.length) return base;
        out[definition.keys[0] as string] = ids;
        break;
      }
      default: {
        const raw = text('value');
        if (raw === '') return base;
        let value: unknown = raw;
        const field = this.customField(definition);
        if (definition.kind === 'boolean') value = raw === 'true';
        else if (definition.kind === 'days' && (!field || field.type === 'number')) value = Number(raw);
        else if (definition.id === 'importance') value = Number(raw);
        if (typeof value === 'number' && !Number.isFinite(value)) return null;
        if (field) out.custom_fields = { ...this.filter.custom_fields, [field.key]: value as string | number };
        else out[definition.keys[0] as string] = value;
      }
    }
    return out as ClientFilter;
  }

  // --- chips ---------------------------------------------------------------------------------------------------

  private summary(definition: FilterDefinition): string {
    const f = this.filter as Record<string, unknown>;
    const yesNo = (v: unknown) => message(v ? 'filters.yes' : 'filters.no');
    const money = (v: unknown) => (typeof v === 'number' ? formatMoney(v, this.locale, this.currency) : '…');
    switch (definition.kind) {
      case 'categories': {
        const name = (id: string) => this.categories.find((c) => c.id === id)?.name ?? id;
        const c = this.filter.categories ?? {};
        return [
          c.any?.length ? `${message('filters.any')} ${c.any.map(name).join(', ')}` : '',
          c.all?.length ? `${message('filters.all')} ${c.all.map(name).join(', ')}` : '',
          c.none?.length ? `${message('filters.notIn')} ${c.none.map(name).join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; ');
      }
      case 'count-range':
      case 'money-range': {
        const [minKey, maxKey] = definition.keys as [string, string];
        const show = definition.kind === 'money-range' ? money : (v: unknown) => (v === undefined ? '…' : String(v));
        return `${f[minKey] === undefined ? '…' : show(f[minKey])} – ${f[maxKey] === undefined ? '…' : show(f[maxKey])}`;
      }
      case 'birthday-range':
        return `${f.birthday_from} – ${f.birthday_to}`;
      case 'boolean':
        return yesNo(f[definition.keys[0] as string]);
      case 'date':
        if (definition.id.startsWith('cf.'))
          return formatDate(String(this.filter.custom_fields?.[definition.id.slice(3)]), this.locale);
        return formatDate(String(f[definition.keys[0] as string]), this.locale);
      case 'ids': {
        const items = this.catalogues[definition.source as string] ?? [];
        const ids = (f[definition.keys[0] as string] as string[]) ?? [];
        return ids.map((id) => items.find((item) => item.id === id)?.name ?? id).join(', ');
      }
      case 'choice': {
        const value = definition.id.startsWith('cf.')
          ? this.filter.custom_fields?.[definition.id.slice(3)]
          : f[definition.keys[0] as string];
        if (definition.id.startsWith('cf.')) return String(value);
        const choice = definition.choices?.find((c) => c.value === value);
        return choice ? message(choice.label) : String(value);
      }
      default: {
        const value = definition.id.startsWith('cf.')
          ? this.filter.custom_fields?.[definition.id.slice(3)]
          : f[definition.keys[0] as string];
        return String(value);
      }
    }
  }

  // --- segments ------------------------------------------------------------------------------------------------

  private async saveSegment(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.segmentName.trim();
    if (!name || !this.api) return;
    try {
      const segment = await this.api.request<Segment>('POST', '/v1/segments', { name, filter: this.filter });
      this.segments = [...this.segments, segment].sort((a, b) => a.name.localeCompare(b.name));
      this.chosenSegment = segment.id;
      this.savingSegment = false;
      this.segmentName = '';
      this.status = message('filters.segmentSaved', { name });
    } catch (error) {
      this.status = errorText(error);
    }
  }

  private loadSegment(id: string): void {
    this.chosenSegment = id;
    const segment = this.segments.find((s) => s.id === id);
    if (!segment) return;
    this.editing = null;
    this.emit(segment.filter ?? {}, segment.query ?? '');
  }

  private async deleteSegment(): Promise<void> {
    const id = this.chosenSegment;
    if (!id || !this.api) return;
    try {
      await this.api.request('DELETE', `/v1/segments/${id}`);
      this.segments = this.segments.filter((s) => s.id !== id);
      this.chosenSegment = '';
      this.status = message('filters.segmentDeleted');
    } catch (error) {
      this.status = errorText(error);
    }
  }

  // --- rendering -----------------------------------------------------------------------------------------------

  protected override render() {
    const definitions = this.definitions;
    const active = definitions.filter((d) => this.activeOf(d));
    const available = definitions.filter((d) => !this.activeOf(d) && d.id !== this.editing);
    const editing = definitions.find((d) => d.id === this.editing);
    return html`<div class="base" part="base" role="group" aria-label=${message('filters.label')}>
      <div class="row">
        <ul class="chips" part="chips" aria-label=${message('filters.label')}>
          ${active.map(
            (definition) => html`<li class="chip" part="chip" data-filter=${definition.id}>
              <button class="chip-label" aria-expanded=${this.editing === definition.id ? 'true' : 'false'} @click=${() => this.startEditing(definition)}>
                <span class="chip-name">${this.labelOf(definition)}:</span> ${this.summary(definition)}
              </button>
              <button class="chip-remove" part="chip-remove" aria-label=${message('filters.remove', { name: this.labelOf(definition) })} @click=${() => this.removeFilter(definition)}>×</button>
            </li>`,
          )}
        </ul>
        <div class="menu-anchor">
          <button part="add-button" class="button quiet add" aria-haspopup="true" aria-expanded=${this.menuOpen ? 'true' : 'false'} @click=${() => {
            this.menuOpen = !this.menuOpen;
          }}>+ ${message('filters.add')}</button>
          ${
            this.menuOpen
              ? html`<ul class="menu" part="menu" role="menu" aria-label=${message('filters.add')} @keydown=${this.onMenuKeydown}>
                  ${available.map(
                    (definition) =>
                      html`<li role="none"><button role="menuitem" data-filter=${definition.id} @click=${() => this.startEditing(definition)}>${this.labelOf(definition)}</button></li>`,
                  )}
                </ul>`
              : nothing
          }
        </div>
        ${active.length ? html`<button part="button" class="button quiet" data-action="clear-all" @click=${this.clearAll}>${message('filters.removeAll')}</button>` : nothing}
        ${this.renderSegments(active.length > 0)}
      </div>
      ${active.length === 0 && !editing ? html`<p class="none">${message('filters.none')}</p>` : nothing}
      ${editing ? this.renderEditor(editing) : nothing}
      <p class="status" part="status" role="status">${this.status}</p>
    </div>`;
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('.menu [role="menuitem"]')];
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      this.menuOpen = false;
      this.renderRoot.querySelector<HTMLElement>('.add')?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  }

  private renderSegments(canSave: boolean) {
    return html`<div class="segments" part="segments">
      <select aria-label=${message('filters.segments')} .value=${this.chosenSegment} @change=${(e: Event) => this.loadSegment((e.target as HTMLSelectElement).value)}>
        <option value="">${message('filters.segmentChoose')}</option>
        ${this.segments.map((s) => html`<option value=${s.id} ?selected=${s.id === this.chosenSegment}>${s.name}</option>`)}
      </select>
      ${this.chosenSegment ? html`<button part="button" class="button quiet" @click=${this.deleteSegment}>${message('filters.segmentDelete')}</button>` : nothing}
      ${
        this.savingSegment
          ? html`<form class="save" @submit=${this.saveSegment}>
              <input aria-label=${message('filters.segmentName')} placeholder=${message('filters.segmentName')} required maxlength="100" .value=${this.segmentName} @input=${(
                e: Event,
              ) => {
                this.segmentName = (e.target as HTMLInputElement).value;
              }} />
              <button part="button" class="button" type="submit">${message('filters.save')}</button>
              <button part="button" class="button quiet" type="button" @click=${() => {
                this.savingSegment = false;
              }}>${message('filters.cancel')}</button>
            </form>`
          : canSave
            ? html`<button part="button" class="button quiet" data-action="save-segment" @click=${() => {
                this.savingSegment = true;
                void this.updateComplete.then(() =>
                  this.renderRoot.querySelector<HTMLInputElement>('.save input')?.focus(),
                );
              }}>${message('filters.segmentSave')}</button>`
            : nothing
      }
    </div>`;
  }

  private renderEditor(definition: FilterDefinition) {
    const label = this.labelOf(definition);
    return html`<form class="editor" part="editor" aria-label=${label} @submit=${this.apply} @keydown=${(
      e: KeyboardEvent,
    ) => {
      if (e.key === 'Escape') this.editing = null;
    }}>
      <fieldset>
        <legend>${label}</legend>
        ${this.renderControls(definition)}
      </fieldset>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      <div class="actions">
        <button part="button" class="button" type="submit">${message('filters.apply')}</button>
        <button part="button" class="button quiet" type="button" @click=${() => {
          this.editing = null;
        }}>${message('filters.cancel')}</button>
      </div>
    </form>`;
  }

  private setDraft(key: string, value: string | string[]): void {
    this.draft = { ...this.draft, [key]: value };
  }

  private input(key: string, type: string, labelText: string, extra: { step?: string; placeholder?: string } = {}) {
    return html`<label class="field">
      <span>${labelText}</span>
      <input
        type=${type}
        name=${key}
        step=${extra.step ?? nothing}
        min=${type === 'number' && !extra.step ? '0' : nothing}
        placeholder=${extra.placeholder ?? nothing}
        .value=${String(this.draft[key] ?? '')}
        @input=${(e: Event) => this.setDraft(key, (e.target as HTMLInputElement).value)}
      />
    </label>`;
  }

  private renderControls(definition: FilterDefinition) {
    const field = this.customField(definition);
    switch (definition.kind) {
      case 'categories':
        return html`<div class="categories">
          ${this.categories.map((category) => {
            const mode =
              (['any', 'all', 'none'] as const).find((m) => (this.draft[m] as string[]).includes(category.id)) ?? '';
            return html`<label class="category">
              <span class="swatch" ${styleProps({ background: category.color, color: readableTextColor(category.color) })}>${category.name}</span>
              <select data-category=${category.id} aria-label=${category.name} .value=${mode} @change=${(e: Event) => {
                const chosen = (e.target as HTMLSelectElement).value;
                const next: Draft = { ...this.draft };
                for (const m of ['any', 'all', 'none']) {
                  const ids = (next[m] as string[]).filter((id) => id !== category.id);
                  next[m] = m === chosen ? [...ids, category.id] : ids;
                }
                this.draft = next;
              }}>
                <option value="">—</option>
                <option value="any" ?selected=${mode === 'any'}>${message('filters.any')}</option>
                <option value="all" ?selected=${mode === 'all'}>${message('filters.all')}</option>
                <option value="none" ?selected=${mode === 'none'}>${message('filters.notIn')}</option>
              </select>
            </label>`;
          })}
        </div>`;
      case 'date':
        return this.input('value', 'date', this.labelOf(definition));
      case 'days':
        return field && field.type === 'text'
          ? this.input('value', 'text', message('filters.value'))
          : this.input('value', 'number', field ? message('filters.value') : message('filters.days'));
      case 'count-range':
        return html`${this.input('min', 'number', message('filters.min'))}${this.input('max', 'number', message('filters.max'))}`;
      case 'money-range':
        return html`${this.input('min', 'number', `${message('filters.min')} (${this.currency})`, { step: '0.01' })}${this.input('max', 'number', `${message('filters.max')} (${this.currency})`, { step: '0.01' })}`;
      case 'birthday-range':
        return html`${this.input('min', 'text', message('filters.min'), { placeholder: 'MM-DD' })}${this.input('max', 'text', message('filters.max'), { placeholder: 'MM-DD' })}`;
      case 'boolean':
        return html`<label class="field"><span>${message('filters.value')}</span>
          <select name="value" .value=${String(this.draft.value ?? 'true')} @change=${(e: Event) => this.setDraft('value', (e.target as HTMLSelectElement).value)}>
            <option value="true" ?selected=${this.draft.value === 'true'}>${message('filters.yes')}</option>
            <option value="false" ?selected=${this.draft.value === 'false'}>${message('filters.no')}</option>
          </select></label>`;
      case 'choice':
        return html`<label class="field"><span>${message('filters.value')}</span>
          <select name="value" @change=${(e: Event) => this.setDraft('value', (e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            ${(definition.choices ?? []).map(
              (choice) =>
                html`<option value=${String(choice.value)} ?selected=${String(choice.value) === this.draft.value}>${field ? choice.value : message(choice.label)}</option>`,
            )}
          </select></label>`;
      case 'ids': {
        const items = this.catalogues[definition.source as string] ?? [];
        const chosen = this.draft.ids as string[];
        return html`<div class="options">
          ${items.map(
            (item) =>
              html`<label><input type="checkbox" .checked=${chosen.includes(item.id)} @change=${(e: Event) => {
                const on = (e.target as HTMLInputElement).checked;
                this.setDraft('ids', on ? [...chosen, item.id] : chosen.filter((id) => id !== item.id));
              }} />${item.name}</label>`,
          )}
        </div>`;
      }
    }
  }
}
