import { localized } from '@lit/localize';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { Category, Client, CustomFieldDefinition, ListAnswer } from '../../api/types.js';
import { formatDate, readableTextColor } from '../../format.js';
import { errorText, type MessageKey, message } from '../../localize.js';
import { styleProps } from '../../styles/style-props.js';
import { CbClientDeletedEvent, CbClientUpdatedEvent } from '../events.js';
import {
  CardSection,
  errorBlock,
  errorCode,
  fieldErrors,
  type Notice,
  noticeBlock,
  Resource,
  skeleton,
} from '../section.js';
import { sectionStyles } from '../section.styles.js';

interface Definitions {
  customFields: CustomFieldDefinition[];
  categories: Category[];
}

const digits = (value: string | null | undefined) => (value ?? '').replace(/\D/g, '');
/** The client's categories staff assigned: the ones the form edits and sends as `category_ids`. */
const manualIds = (client: Client) => client.categories.filter((c) => c.assigned_by !== 'rule').map((c) => c.id);
const GENDERS = ['female', 'male', 'unspecified'] as const;
const IMPORTANCE = [0, 1, 2, 3] as const;

/**
 * @summary The client card's details: every field of the client editable in place (saved with one PATCH, the API's
 * field messages shown at each field), read-only figures, and deleting the client after typing DELETE.
 * @tag cb-client-card-info
 *
 * @event {CbClientUpdatedEvent} cb-client-updated - The client was saved.
 * @event {CbClientDeletedEvent} cb-client-deleted - The client was deleted.
 */
@localized()
export class CbClientCardInfo extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-5, 1.5rem);
      }

      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }

      legend {
        font-weight: var(--cb-font-weight-semibold, 600);
        padding: 0;
        margin-bottom: var(--cb-space-3, 0.75rem);
      }

      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cb-space-2, 0.5rem);
        list-style: none;
        margin: 0 0 var(--cb-space-2, 0.5rem);
        padding: 0;
      }

      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.125rem;
        border-radius: var(--cb-radius-pill, 999px);
        font-size: var(--cb-font-size-sm, 0.8125rem);
        font-weight: var(--cb-font-weight-semibold, 600);
        padding: 0.125rem 0.25rem 0.125rem 0.625rem;
      }

      .chip button {
        font: inherit;
        color: inherit;
        background: transparent;
        border: 0;
        border-radius: 50%;
        width: 1.375rem;
        height: 1.375rem;
        line-height: 1;
        cursor: pointer;
        display: inline-grid;
        place-items: center;
      }

      .chip button:hover {
        background: rgb(0 0 0 / 0.15);
      }

      .chip.rule {
        padding-inline-end: 0.625rem;
        cursor: help;
      }

      .chip .by-rule {
        margin-inline-start: 0.25rem;
        padding-inline-start: 0.375rem;
        border-inline-start: 1px solid currentColor;
        font-size: 0.6875rem;
        font-weight: var(--cb-font-weight-normal, 400);
        opacity: 0.85;
      }

      .add-category {
        max-width: 18rem;
      }

      .checks {
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-3, 0.75rem);
      }

      .reason {
        margin-inline-start: 1.5rem;
        max-width: 28rem;
      }

      .actions {
        position: sticky;
        bottom: 0;
        z-index: 1;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
        padding: var(--cb-space-3, 0.75rem) 0;
        background: var(--_bg);
        border-top: 1px solid var(--_border);
      }

      .actions .notice {
        flex: 1 1 12rem;
      }

      .readonly {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 13rem), 1fr));
        gap: var(--cb-space-3, 0.75rem) var(--cb-space-4, 1rem);
        margin: 0;
      }

      .readonly dt {
        font-size: var(--cb-font-size-sm, 0.8125rem);
        color: var(--_muted);
      }

      .readonly dd {
        margin: 0;
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }

      .danger-zone {
        border: 1px solid color-mix(in srgb, var(--_danger) 35%, transparent);
        border-radius: var(--cb-radius-md, 8px);
        padding: var(--cb-space-3, 0.75rem);
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-3, 0.75rem);
      }

      .confirm {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cb-space-2, 0.5rem);
        align-items: flex-end;
      }

      .confirm .field {
        flex: 1 1 12rem;
        max-width: 16rem;
      }
    `,
  ];

  @state() private dirty = false;
  @state() private saving = false;
  @state() private errors: Record<string, string> = {};
  @state() private notice: Notice = null;
  @state() private categoryIds: string[] = [];
  @state() private formVersion = 0;
  /** The "Disable online booking" box as ticked now: the reason field shows only while it is. */
  @state() private bookingDisabled = false;
  @state() private deleteOpen = false;
  @state() private deleteText = '';
  @state() private deleting = false;
  @state() private deleteError = '';

  @query('form') private form!: HTMLFormElement | null;

  private readonly definitions = new Resource<Definitions>(
    this,
    () => this.api,
    async (api, signal) => {
      const [fields, categories] = await Promise.all([
        api.request<ListAnswer<CustomFieldDefinition>>('GET', '/v1/custom-fields', undefined, { signal }),
        api.request<ListAnswer<Category>>('GET', '/v1/categories', undefined, { signal }),
      ]);
      return { customFields: fields.items, categories: categories.items };
    },
    () => (this.client ? [] : null),
  );

  override refresh(): void {
    this.definitions.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A client saved elsewhere (or our own save) replaces the draft unless the person is editing.
    if (changed.has('client') && this.client && !this.dirty) {
      this.categoryIds = manualIds(this.client);
      this.bookingDisabled = this.client.online_booking_disabled;
    }
  }

  protected override render() {
    if (!this.client) return nothing;
    const defs = this.definitions;
    if (defs.state === 'error') return errorBlock(defs.error, defs.reload);
    if (defs.state !== 'ready' || !defs.value) return skeleton(6);
    return html`<div class="stack">
      ${this.can('clients_write') ? keyed(this.formVersion, this.renderForm(defs.value)) : this.renderReadOnly(defs.value)}
      ${this.renderFigures()} ${this.can('clients_delete') ? this.renderDelete() : nothing}
    </div>`;
  }

  // --- editing -------------------------------------------------------------------------------------------------

  private renderForm(defs: Definitions) {
    const c = this.client;
    const summary = Object.keys(this.errors).length ? message('card.info.fixFields') : '';
    return html`<form novalidate @submit=${this.save} @input=${this.markDirty} @change=${this.markDirty}>
      <p class="notice danger" role="alert">${summary}</p>
      <fieldset>
        <legend>${message('card.info.personal')}</legend>
        <div class="fields">
          ${this.input('first_name', message('card.info.firstName'), c.first_name, { required: true, autocomplete: 'off' })}
          ${this.input('middle_name', message('card.info.middleName'), c.middle_name)}
          ${this.input('last_name', message('card.info.lastName'), c.last_name)}
          ${this.select(
            'gender',
            message('f.gender'),
            c.gender,
            GENDERS.map((g) => [g, message(`filters.${g}`)]),
          )}
          ${this.input('birth_date', message('col.birth_date'), c.birth_date, { type: 'date' })}
          ${this.select(
            'importance',
            message('f.importance'),
            String(c.importance),
            IMPORTANCE.map((i) => [String(i), message(`filters.importance.${i}`)]),
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${message('card.info.contact')}</legend>
        <div class="fields">
          ${this.input('phone', message('col.phone'), c.phone_display ?? c.phone, { type: 'tel', autocomplete: 'off' })}
          ${this.input('additional_phone', message('card.info.additionalPhone'), c.additional_phone, { type: 'tel' })}
          ${this.input('email', message('col.email'), c.email, { type: 'email' })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${message('col.categories')}</legend>
        ${this.renderCategoryEditor(defs.categories)}
      </fieldset>
      <fieldset>
        <legend>${message('card.info.discountAndCard')}</legend>
        <div class="fields">
          ${this.input('discount', message('card.info.discount'), String(c.discount), {
            type: 'number',
            min: '0',
            max: '100',
            step: '1',
            inputmode: 'numeric',
          })}
          ${this.input('card_number', message('card.info.cardNumber'), c.card_number)}
        </div>
      </fieldset>
      ${
        defs.customFields.length
          ? html`<fieldset>
            <legend>${message('card.info.customFields')}</legend>
            <div class="fields">${defs.customFields.map((f) => this.customInput(f))}</div>
          </fieldset>`
          : nothing
      }
      <fieldset>
        <legend>${message('card.info.bookingConsent')}</legend>
        <div class="checks">
          ${this.checkbox(
            'online_booking_disabled',
            'card.info.disableOnline',
            c.online_booking_disabled,
            (e: Event) => {
              this.bookingDisabled = (e.target as HTMLInputElement).checked;
            },
          )}
          ${
            this.bookingDisabled
              ? html`<div class="reason">
                ${this.input('online_booking_disabled_reason', message('card.info.disabledReason'), c.online_booking_disabled_reason)}
              </div>`
              : nothing
          }
          ${this.checkbox('marketing_allowed', 'card.info.marketing', c.marketing_allowed)}
          ${this.checkbox('push_enabled', 'card.info.push', c.push_enabled)}
        </div>
      </fieldset>
      <div class="field wide">
        <label for="f-note">${message('card.info.note')}</label>
        <textarea
          id="f-note"
          name="note"
          part="input"
          rows="3"
          .value=${c.note ?? ''}
          aria-invalid=${this.errors.note ? 'true' : 'false'}
          aria-describedby=${this.errors.note ? 'e-note' : nothing}
        ></textarea>
        ${this.errorFor('note')}
      </div>
      <div class="actions">
        <button type="submit" class="button" part="button" ?disabled=${this.saving}>
          ${this.saving ? message('card.saving') : message('card.info.save')}
        </button>
        <button type="button" class="button quiet" part="button" ?disabled=${!this.dirty || this.saving} @click=${this.discard}>
          ${message('card.info.discard')}
        </button>
        ${noticeBlock(this.notice)}
      </div>
    </form>`;
  }

  private input(
    name: string,
    label: string,
    value: string | null | undefined,
    attrs: Partial<Record<'type' | 'min' | 'max' | 'step' | 'inputmode' | 'autocomplete', string>> & {
      required?: boolean;
    } = {},
  ) {
    const error = this.errors[name];
    return html`<div class="field" part="field">
      <label for="f-${name}">${label}</label>
      <input
        id="f-${name}"
        name=${name}
        part="input"
        type=${attrs.type ?? 'text'}
        min=${attrs.min ?? nothing}
        max=${attrs.max ?? nothing}
        step=${attrs.step ?? nothing}
        inputmode=${attrs.inputmode ?? nothing}
        autocomplete=${attrs.autocomplete ?? 'off'}
        ?required=${attrs.required ?? false}
        .value=${value ?? ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `e-${name}` : nothing}
      />
      ${this.errorFor(name)}
    </div>`;
  }

  private select(name: string, label: string, value: string, options: [string, string][], empty = false) {
    const error = this.errors[name];
    return html`<div class="field" part="field">
      <label for="f-${name}">${label}</label>
      <select
        id="f-${name}"
        name=${name}
        part="input"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `e-${name}` : nothing}
      >
        ${empty ? html`<option value="" ?selected=${value === ''}>—</option>` : nothing}
        ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
      </select>
      ${this.errorFor(name)}
    </div>`;
  }

  private checkbox(name: string, label: MessageKey, checked: boolean, onChange?: (event: Event) => void) {
    return html`<label class="check"
      ><input type="checkbox" name=${name} part="input" .checked=${checked} @change=${onChange ?? nothing} />${message(
        label,
      )}</label
    >`;
  }

  private customInput(field: CustomFieldDefinition) {
    const name = `cf.${field.key}`;
    const raw = this.client.custom_fields[field.key];
    const value = raw === null || raw === undefined ? '' : String(raw);
    if (field.type === 'select') {
      // A value no longer among the options stays choosable, so saving does not drop it unasked.
      const options = value && !field.options.includes(value) ? [...field.options, value] : field.options;
      return this.select(
        name,
        field.label,
        value,
        options.map((o): [string, string] => [o, o]),
        true,
      );
    }
    const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
    return this.input(name, field.label, value, { type });
  }

  private errorFor(name: string) {
    const error = this.errors[name];
    return error ? html`<span class="field-error" part="field-error" id="e-${name}">${error}</span>` : nothing;
  }

  private renderCategoryEditor(all: Category[]) {
    const byId = new Map<string, { id: string; name: string; color: string }>(all.map((c) => [c.id, c]));
    for (const chip of this.client.categories) if (!byId.has(chip.id)) byId.set(chip.id, chip);
    // Rule chips are shown but not edited: a rule re-assigns what is removed, and takes away what no longer matches.
    const byRule = this.client.categories.filter((c) => c.assigned_by === 'rule');
    const ruleIds = byRule.map((c) => c.id);
    const chosen = this.categoryIds
      .filter((id) => !ruleIds.includes(id))
      .map((id) => byId.get(id))
      .filter((c) => c !== undefined);
    const available = all.filter((c) => !this.categoryIds.includes(c.id) && !ruleIds.includes(c.id));
    const error = this.errors.category_ids;
    return html`${
      chosen.length || byRule.length
        ? html`<ul class="chips" aria-label=${message('col.categories')}>
          ${byRule.map(
            (c) =>
              html`<li
                class="chip rule"
                part="chip"
                data-assigned-by="rule"
                title=${message('card.info.byRuleHint', { name: c.name })}
                ${styleProps({ background: c.color, color: readableTextColor(c.color) })}
              >
                ${c.name}<span class="by-rule">${message('card.info.byRule')}</span>
              </li>`,
          )}
          ${chosen.map(
            (c) =>
              html`<li class="chip" part="chip" ${styleProps({ background: c.color, color: readableTextColor(c.color) })}>
                ${c.name}
                <button
                  type="button"
                  aria-label=${message('card.info.removeCategory', { name: c.name })}
                  @click=${() => this.setCategories(this.categoryIds.filter((id) => id !== c.id))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>`,
          )}
        </ul>`
        : html`<p class="muted small">${message('card.info.noCategories')}</p>`
    }
      ${
        available.length
          ? html`<div class="field add-category">
            <label for="f-add-category" class="visually-hidden">${message('card.info.addCategory')}</label>
            <select id="f-add-category" part="input" @change=${this.onAddCategory}>
              <option value="" selected>${message('card.info.addCategory')}</option>
              ${available.map((c) => html`<option value=${c.id}>${c.name}</option>`)}
            </select>
          </div>`
          : nothing
      }
      ${error ? html`<span class="field-error" part="field-error" role="alert">${error}</span>` : nothing}`;
  }

  private onAddCategory = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const id = select.value;
    // Adding happens here; the form's change listener must not read this control as a field.
    event.stopPropagation();
    if (!id) return;
    select.value = '';
    this.setCategories([...this.categoryIds, id]);
  };

  private setCategories(ids: string[]): void {
    this.categoryIds = ids;
    this.dirty = true;
    this.notice = null;
    // A removed chip takes its button with it: keep the keyboard in the category editor.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.chip button, #f-add-category')?.focus(),
    );
  }

  private markDirty = (event: Event) => {
    if ((event.target as HTMLElement).id === 'f-add-category') return;
    this.dirty = true;
    if (this.notice?.kind === 'success') this.notice = null;
  };

  private discard = () => {
    this.dirty = false;
    this.errors = {};
    this.notice = null;
    this.categoryIds = manualIds(this.client);
    this.bookingDisabled = this.client.online_booking_disabled;
    this.formVersion++;
  };

  /** The changed fields, as PATCH takes them. */
  private changes(form: HTMLFormElement): Record<string, unknown> {
    const c = this.client;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const patch: Record<string, unknown> = {};
    const nullable = (name: keyof Client) => {
      const value = text(name) || null;
      if (value !== (c[name] ?? null)) patch[name] = value;
    };
    if (text('first_name') !== c.first_name) patch.first_name = text('first_name');
    nullable('middle_name');
    nullable('last_name');
    const phone = text('phone');
    if (digits(phone) !== digits(c.phone) || (phone === '') !== (c.phone === null)) patch.phone = phone;
    const additional = text('additional_phone') || null;
    if (digits(additional) !== digits(c.additional_phone) || (additional === null) !== (c.additional_phone === null))
      patch.additional_phone = additional;
    const email = text('email') || null;
    if ((email ?? '').toLowerCase() !== (c.email ?? '').toLowerCase()) patch.email = email;
    if (text('gender') !== c.gender) patch.gender = text('gender');
    if (Number(text('importance')) !== c.importance) patch.importance = Number(text('importance'));
    const discountText = text('discount') || '0';
    const discount = Number(discountText);
    if (discount !== c.discount) patch.discount = Number.isFinite(discount) ? discount : discountText;
    nullable('card_number');
    nullable('birth_date');
    nullable('note');
    const custom: Record<string, string | number | null> = {};
    let customChanged = false;
    for (const field of this.definitions.value?.customFields ?? []) {
      const raw = text(`cf.${field.key}`);
      let value: string | number | null = raw === '' ? null : raw;
      if (field.type === 'number' && raw !== '' && Number.isFinite(Number(raw))) value = Number(raw);
      const current = c.custom_fields[field.key] ?? null;
      if (value !== current) {
        custom[field.key] = value;
        customChanged = true;
      }
    }
    if (customChanged) patch.custom_fields = { ...c.custom_fields, ...custom };
    // Only the manual set: the API keeps rule categories with their rules either way.
    const currentIds = manualIds(c);
    if (currentIds.length !== this.categoryIds.length || this.categoryIds.some((id) => !currentIds.includes(id))) {
      patch.category_ids = this.categoryIds;
    }
    const disabled = data.has('online_booking_disabled');
    if (disabled !== c.online_booking_disabled) patch.online_booking_disabled = disabled;
    if (disabled) nullable('online_booking_disabled_reason');
    else if (c.online_booking_disabled_reason !== null) patch.online_booking_disabled_reason = null;
    for (const flag of ['marketing_allowed', 'push_enabled'] as const) {
      if (data.has(flag) !== c[flag]) patch[flag] = data.has(flag);
    }
    return patch;
  }

  private save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!this.api || this.saving) return;
    const patch = this.changes(form);
    if (!Object.keys(patch).length) {
      this.dirty = false;
      this.notice = { kind: 'success', text: message('card.info.noChanges') };
      return;
    }
    this.saving = true;
    this.notice = null;
    try {
      const updated = await this.api.request<Client>('PATCH', this.clientPath, patch);
      this.errors = {};
      this.dirty = false;
      this.categoryIds = manualIds(updated);
      this.notice = { kind: 'success', text: message('card.info.saved') };
      this.dispatchEvent(new CbClientUpdatedEvent(updated));
    } catch (error) {
      const code = errorCode(error);
      const fields = fieldErrors(error);
      if (code === 'phone_taken') fields.phone = message('card.info.phoneTaken');
      // Custom fields are answered as custom_fields.<key>; their inputs are named cf.<key>.
      this.errors = Object.fromEntries(
        Object.entries(fields).map(([field, text]) => [field.replace(/^custom_fields\./, 'cf.'), text]),
      );
      if (!Object.keys(this.errors).length) this.notice = { kind: 'danger', text: errorText(error) };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.saving = false;
    }
  };

  // --- reading -------------------------------------------------------------------------------------------------

  private renderReadOnly(defs: Definitions) {
    const c = this.client;
    const rows: [string, string | TemplateResult | null][] = [
      [message('card.info.firstName'), c.first_name],
      [message('card.info.middleName'), c.middle_name],
      [message('card.info.lastName'), c.last_name],
      [message('col.phone'), c.phone_display ?? c.phone],
      [message('card.info.additionalPhone'), c.additional_phone],
      [message('col.email'), c.email],
      [message('f.gender'), message(`filters.${c.gender}`)],
      [message('col.birth_date'), formatDate(c.birth_date, this.locale)],
      [message('f.importance'), message(`filters.importance.${c.importance as 0 | 1 | 2 | 3}`)],
      [message('card.info.discount'), `${c.discount}`],
      [message('card.info.cardNumber'), c.card_number],
      ...defs.customFields.map((f): [string, string | null] => [f.label, String(c.custom_fields[f.key] ?? '') || null]),
      [
        message('card.info.disableOnline'),
        c.online_booking_disabled
          ? [message('filters.yes'), c.online_booking_disabled_reason].filter(Boolean).join(': ')
          : message('filters.no'),
      ],
      [message('card.info.marketing'), message(c.marketing_allowed ? 'filters.yes' : 'filters.no')],
      [message('card.info.push'), message(c.push_enabled ? 'filters.yes' : 'filters.no')],
      [message('card.info.note'), c.note],
    ];
    return html`<section aria-labelledby="details-heading">
      <h3 id="details-heading">${message('card.info.personal')}</h3>
      <p class="muted small">${message('card.info.readOnly')}</p>
      <dl class="readonly">
        ${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value || '—'}</dd></div>`)}
      </dl>
    </section>`;
  }

  private renderFigures() {
    const c = this.client;
    const app = c.mobile_app
      ? [
          c.mobile_app.platform,
          c.mobile_app.last_used_at
            ? message('card.info.lastUsed', { date: this.date(c.mobile_app.last_used_at) })
            : '',
        ]
          .filter(Boolean)
          .join(', ')
      : message('card.info.noApp');
    return html`<section aria-labelledby="figures-heading">
      <h3 id="figures-heading">${message('card.info.figures')}</h3>
      <dl class="readonly">
        <div><dt>${message('col.total_sold')}</dt><dd class="num">${this.money(c.total_sold)}</dd></div>
        <div><dt>${message('col.total_paid')}</dt><dd class="num">${this.money(c.total_paid)}</dd></div>
        <div><dt>${message('col.balance')}</dt><dd class="num">${this.money(c.balance)}</dd></div>
        <div><dt>${message('col.average_check')}</dt><dd class="num">${this.money(c.average_check) || '—'}</dd></div>
        <div><dt>${message('col.first_visit_at')}</dt><dd>${this.date(c.first_visit_at) || '—'}</dd></div>
        <div><dt>${message('col.last_visit_at')}</dt><dd>${this.date(c.last_visit_at) || '—'}</dd></div>
        <div><dt>${message('card.info.mobileApp')}</dt><dd>${app}</dd></div>
        <div><dt>${message('f.source')}</dt><dd>${message(`filters.source.${c.source}`)}</dd></div>
        <div><dt>${message('card.info.since')}</dt><dd>${this.date(c.created_at)}</dd></div>
      </dl>
    </section>`;
  }

  // --- deleting ------------------------------------------------------------------------------------------------

  private renderDelete() {
    const ready = this.deleteText.trim() === 'DELETE';
    return html`<section class="danger-zone" aria-labelledby="delete-heading">
      <h3 id="delete-heading">${message('card.delete.title')}</h3>
      ${
        this.deleteOpen
          ? html`<p>${message('card.delete.explain', { name: this.client.name })}</p>
            <div class="confirm">
              <div class="field">
                <label for="f-delete-confirm">${message('card.delete.typeLabel')}</label>
                <input
                  id="f-delete-confirm"
                  part="input"
                  autocomplete="off"
                  spellcheck="false"
                  .value=${this.deleteText}
                  @input=${(e: Event) => {
                    this.deleteText = (e.target as HTMLInputElement).value;
                  }}
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Enter' && ready) void this.deleteClient();
                  }}
                />
              </div>
              <button
                type="button"
                class="button danger"
                part="button"
                ?disabled=${!ready || this.deleting}
                @click=${this.deleteClient}
              >
                ${this.deleting ? message('card.delete.deleting') : message('card.delete.confirm')}
              </button>
              <button type="button" class="button quiet" part="button" @click=${this.closeDelete}>
                ${message('card.cancel')}
              </button>
            </div>
            <p class="notice danger" role="alert">${this.deleteError}</p>`
          : html`<p class="muted small">${message('card.delete.hint')}</p>
            <div>
              <button type="button" class="button quiet danger" part="button" @click=${this.openDelete}>
                ${message('card.delete.open')}
              </button>
            </div>`
      }
    </section>`;
  }

  private openDelete = async () => {
    this.deleteOpen = true;
    this.deleteText = '';
    this.deleteError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#f-delete-confirm')?.focus();
  };

  private closeDelete = async () => {
    this.deleteOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.danger-zone button')?.focus();
  };

  private deleteClient = async () => {
    if (!this.api || this.deleting || this.deleteText.trim() !== 'DELETE') return;
    this.deleting = true;
    this.deleteError = '';
    try {
      await this.api.request('DELETE', this.clientPath);
      this.dispatchEvent(new CbClientDeletedEvent(this.client.id));
    } catch (error) {
      this.deleteError = errorText(error);
    } finally {
      this.deleting = false;
    }
  };

  /** The form element, for tests and hosts that want to submit it. */
  get formElement(): HTMLFormElement | null {
    return this.form;
  }
}
