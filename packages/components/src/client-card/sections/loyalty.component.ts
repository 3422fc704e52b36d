import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type {
  LoyaltyCard,
  LoyaltyCardDetails,
  LoyaltyCardKind,
  LoyaltyOverview,
  LoyaltyTransaction,
} from '../../api/types.js';
import { formatNumber } from '../../format.js';
import { errorText, message } from '../../localize.js';
import {
  CardSection,
  emptyBlock,
  errorBlock,
  errorCode,
  fieldErrors,
  type Notice,
  noticeBlock,
  parseMoney,
  Resource,
  skeleton,
} from '../section.js';
import { sectionStyles } from '../section.styles.js';

const KINDS: LoyaltyCardKind[] = ['loyalty', 'gift_card', 'membership'];
const SHOWN_TRANSACTIONS = 5;

interface TransactionDraft {
  kind: 'accrue' | 'write_off';
  amount: string;
  comment: string;
  expires: string;
}

interface IssueDraft {
  kind: LoyaltyCardKind;
  name: string;
  discount: string;
  expires: string;
  balance: string;
  visits: string;
}

const emptyTransaction = (): TransactionDraft => ({ kind: 'accrue', amount: '', comment: '', expires: '' });
const emptyIssue = (): IssueDraft => ({
  kind: 'loyalty',
  name: '',
  discount: '',
  expires: '',
  balance: '',
  visits: '',
});

/** The end of a picked day (`YYYY-MM-DD`) in the reader's time zone, as an ISO instant. */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

/**
 * @summary The client's loyalty: bonus balance and discount in force, every card issued (loyalty, gift card,
 * membership) with its figures, expiring bonuses and history, accruing and writing off bonuses, issuing and deleting
 * cards.
 * @tag cb-client-card-loyalty
 */
@localized()
export class CbClientCardLoyalty extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      .cards {
        list-style: none;
        margin: 0;
        padding: 0;
      }

      .card-item {
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-3, 0.75rem);
      }

      .card-item.deleted {
        opacity: 0.75;
      }

      .card-title {
        margin: 0;
        font-size: var(--cb-font-size-md, 0.9375rem);
      }

      .card-title .number {
        font-weight: var(--cb-font-weight-normal, 400);
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
        margin-inline-start: 0.375rem;
      }

      form {
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-3, 0.75rem);
        border-top: 1px dashed var(--_border);
        padding-top: var(--cb-space-3, 0.75rem);
      }

      .history li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0 var(--cb-space-3, 0.75rem);
        padding: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
      }

      .history .meta {
        grid-column: 1 / -1;
      }

      .history .num {
        text-align: end;
      }

      .expiring {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: var(--cb-font-size-sm, 0.8125rem);
        color: var(--_warning);
      }

      .disclosure {
        align-self: flex-start;
      }
    `,
  ];

  @state() private drafts: Record<string, TransactionDraft> = {};
  @state() private cardErrors: Record<string, Record<string, string>> = {};
  @state() private cardNotices: Record<string, Notice> = {};
  @state() private busy: string | null = null;
  @state() private expanded = new Set<string>();
  /** Cards whose add / write-off form is open. */
  @state() private formsOpen = new Set<string>();
  @state() private confirmDelete: string | null = null;
  @state() private issueOpen = false;
  @state() private issue: IssueDraft = emptyIssue();
  @state() private issueErrors: Record<string, string> = {};
  @state() private issueNotice: Notice = null;

  private readonly overview = new Resource<LoyaltyOverview>(
    this,
    () => this.api,
    (api, signal) => api.request<LoyaltyOverview>('GET', `${this.clientPath}/loyalty`, undefined, { signal }),
    () => (this.client ? [this.client.id] : null),
  );

  override refresh(): void {
    this.overview.reload();
  }

  private get canWrite(): boolean {
    return this.can('loyalty_write');
  }

  private points(value: number): string {
    return message('card.loyalty.points', { count: formatNumber(value, this.locale) });
  }

  /** A card's balance in its own unit: points, money, or visits. */
  private balanceOf(card: LoyaltyCard): string {
    if (card.kind === 'gift_card') return this.money(card.balance);
    if (card.kind === 'membership') {
      return card.visits_left === null
        ? message('card.loyalty.unlimited')
        : message('card.loyalty.visitsLeft', { count: formatNumber(card.visits_left, this.locale) });
    }
    return this.points(card.balance);
  }

  protected override render() {
    if (!this.client) return nothing;
    const o = this.overview;
    if (o.state === 'error') return errorBlock(o.error, o.reload);
    if (o.state !== 'ready' || !o.value) return skeleton(5);
    const { status, items } = o.value;
    return html`<div class="stack">
      <dl class="figures">
        <div>
          <dt>${message('card.loyalty.bonus')}</dt>
          <dd data-bonus>${this.points(status.bonus_balance)}</dd>
        </div>
        <div><dt>${message('card.info.cardNumber')}</dt><dd>${status.card_number ?? '—'}</dd></div>
        <div><dt>${message('card.loyalty.discountInForce')}</dt><dd>${formatNumber(status.discount, this.locale)} %</dd></div>
      </dl>
      ${this.canWrite ? this.renderIssue() : nothing}
      ${
        items.length
          ? html`<ul class="stack cards" part="table" aria-label=${message('card.loyalty.cards')}>
            ${items.map((card) => html`<li class="panel" data-card=${card.id}>${this.renderCard(card)}</li>`)}
          </ul>`
          : emptyBlock(message('card.loyalty.empty'))
      }
    </div>`;
  }

  // --- one card ------------------------------------------------------------------------------------------------

  private renderCard(card: LoyaltyCardDetails) {
    const titleId = `title-${card.id}`;
    const active = !card.deleted;
    const history = this.expanded.has(card.id) ? card.transactions : card.transactions.slice(0, SHOWN_TRANSACTIONS);
    return html`<article class="card-item ${card.deleted ? 'deleted' : ''}" aria-labelledby=${titleId}>
      <div class="item-head">
        <h3 class="card-title" id=${titleId}>
          ${card.name || message(`card.loyalty.kind.${card.kind}`)}<span class="number">${card.number}</span>
        </h3>
        <span class="row">
          <span class="badge info" part="badge">${message(`card.loyalty.kind.${card.kind}`)}</span>
          ${card.deleted ? html`<span class="badge danger" part="badge">${message('card.loyalty.deleted')}</span>` : nothing}
          ${card.expired && !card.deleted ? html`<span class="badge warning" part="badge">${message('card.loyalty.expired')}</span>` : nothing}
        </span>
      </div>
      <dl class="figures">
        <div><dt>${message(card.kind === 'membership' ? 'card.loyalty.visits' : 'col.balance')}</dt><dd data-balance>${this.balanceOf(card)}</dd></div>
        <div><dt>${message('col.discount')}</dt><dd>${formatNumber(card.discount, this.locale)} %</dd></div>
        <div><dt>${message('card.loyalty.expires')}</dt><dd>${card.expires_at ? this.date(card.expires_at) : message('card.loyalty.never')}</dd></div>
        ${card.visits_count ? html`<div><dt>${message('card.loyalty.used')}</dt><dd>${formatNumber(card.visits_count, this.locale)}</dd></div>` : nothing}
        ${card.payments_total ? html`<div><dt>${message('card.loyalty.paidWith')}</dt><dd>${this.money(card.payments_total)}</dd></div>` : nothing}
        ${card.discount_given ? html`<div><dt>${message('card.loyalty.discountGiven')}</dt><dd>${this.money(card.discount_given)}</dd></div>` : nothing}
      </dl>
      ${
        card.expiring.length
          ? html`<ul class="expiring" aria-label=${message('card.loyalty.expiring')}>
            ${card.expiring.map(
              (e) => html`<li>
                ${message('card.loyalty.expiresOn', {
                  amount: card.kind === 'gift_card' ? this.money(e.amount) : this.points(e.amount),
                  date: this.date(e.expires_at),
                })}
              </li>`,
            )}
          </ul>`
          : nothing
      }
      ${this.canWrite && active && card.kind !== 'membership' ? this.renderTransactionForm(card) : nothing}
      ${
        card.transactions.length
          ? html`<section aria-label=${message('card.loyalty.history')}>
            <h4>${message('card.loyalty.history')}</h4>
            <ul class="list history">${history.map((t) => this.renderTransaction(card, t))}</ul>
            ${
              card.transactions.length > SHOWN_TRANSACTIONS
                ? html`<button
                  type="button"
                  class="button link small"
                  part="button"
                  aria-expanded=${this.expanded.has(card.id) ? 'true' : 'false'}
                  @click=${() => this.toggleHistory(card.id)}
                >
                  ${
                    this.expanded.has(card.id)
                      ? message('card.loyalty.showLess')
                      : message('card.loyalty.showAll', { count: card.transactions.length })
                  }
                </button>`
                : nothing
            }
          </section>`
          : nothing
      }
      ${this.canWrite && active ? this.renderDelete(card) : nothing}
    </article>`;
  }

  private renderTransaction(card: LoyaltyCardDetails, t: LoyaltyTransaction) {
    const credit = t.kind === 'accrue';
    const amount = card.kind === 'gift_card' ? this.money(t.amount) : this.points(t.amount);
    const details = [t.promotion, t.comment].filter(Boolean).join(' · ');
    return html`<li>
      <span class="item-title">${message(`card.loyalty.tx.${t.kind}`)}</span>
      <span class="num ${credit ? 'positive' : 'negative'}">${credit ? '+' : '−'}${amount}</span>
      <span class="meta">
        <span>${this.dateTime(t.created_at)}</span>
        ${t.appointment ? html`<span>${message('card.loyalty.forVisit', { date: this.date(t.appointment.starts_at) })}</span>` : nothing}
        ${details ? html`<span>${details}</span>` : nothing}
        ${t.expires_at && credit ? html`<span>${message('card.loyalty.until', { date: this.date(t.expires_at) })}</span>` : nothing}
      </span>
    </li>`;
  }

  private renderTransactionForm(card: LoyaltyCardDetails) {
    const draft = this.drafts[card.id] ?? emptyTransaction();
    const errors = this.cardErrors[card.id] ?? {};
    const id = (name: string) => `${name}-${card.id}`;
    const set = (patch: Partial<TransactionDraft>) => {
      this.drafts = { ...this.drafts, [card.id]: { ...draft, ...patch } };
    };
    const unit = card.kind === 'gift_card' ? this.currency : message('card.loyalty.pointsUnit');
    if (!this.formsOpen.has(card.id)) {
      return html`<div class="row">
        <button
          type="button"
          class="button quiet small"
          part="button"
          data-action="open-form"
          aria-expanded="false"
          @click=${() => this.openForm(card.id)}
        >
          ${message('card.loyalty.changeOpen')}
        </button>
        ${noticeBlock(this.cardNotices[card.id] ?? null)}
      </div>`;
    }
    return html`<form novalidate @submit=${(e: Event) => this.submitTransaction(e, card)} aria-label=${message('card.loyalty.change')}>
      <fieldset class="segmented">
        <legend>${message('card.loyalty.change')}</legend>
        ${(['accrue', 'write_off'] as const).map(
          (k) => html`<label
            ><input
              type="radio"
              name=${id('kind')}
              value=${k}
              .checked=${draft.kind === k}
              @change=${() => set({ kind: k })}
            /><span>${message(`card.loyalty.tx.${k}`)}</span></label
          >`,
        )}
      </fieldset>
      <div class="fields">
        <div class="field">
          <label for=${id('amount')}>${message('card.loyalty.amount', { unit })}</label>
          <input
            id=${id('amount')}
            part="input"
            inputmode=${card.kind === 'gift_card' ? 'decimal' : 'numeric'}
            autocomplete="off"
            .value=${draft.amount}
            @input=${(e: Event) => set({ amount: (e.target as HTMLInputElement).value })}
            aria-invalid=${errors.amount ? 'true' : 'false'}
            aria-describedby=${errors.amount ? id('amount-error') : nothing}
          />
          ${errors.amount ? html`<span class="field-error" part="field-error" id=${id('amount-error')}>${errors.amount}</span>` : nothing}
        </div>
        <div class="field">
          <label for=${id('comment')}>${message('card.account.comment')}</label>
          <input
            id=${id('comment')}
            part="input"
            maxlength="500"
            .value=${draft.comment}
            @input=${(e: Event) => set({ comment: (e.target as HTMLInputElement).value })}
          />
        </div>
        ${
          draft.kind === 'accrue'
            ? html`<div class="field">
              <label for=${id('expires')}>${message('card.loyalty.bonusExpires')}</label>
              <input
                id=${id('expires')}
                type="date"
                part="input"
                .value=${draft.expires}
                @input=${(e: Event) => set({ expires: (e.target as HTMLInputElement).value })}
                aria-invalid=${errors.expires_at ? 'true' : 'false'}
                aria-describedby=${errors.expires_at ? id('expires-error') : nothing}
              />
              ${errors.expires_at ? html`<span class="field-error" part="field-error" id=${id('expires-error')}>${errors.expires_at}</span>` : nothing}
            </div>`
            : nothing
        }
      </div>
      <div class="row">
        <button type="submit" class="button" part="button" ?disabled=${this.busy === card.id}>
          ${this.busy === card.id ? message('card.saving') : message(`card.loyalty.submit.${draft.kind}`)}
        </button>
        <button type="button" class="button quiet" part="button" @click=${() => this.closeForm(card.id)}>
          ${message('card.close')}
        </button>
        ${noticeBlock(this.cardNotices[card.id] ?? null)}
      </div>
    </form>`;
  }

  private async submitTransaction(event: Event, card: LoyaltyCardDetails): Promise<void> {
    event.preventDefault();
    if (!this.api || this.busy) return;
    const draft = this.drafts[card.id] ?? emptyTransaction();
    const amount =
      card.kind === 'gift_card'
        ? parseMoney(draft.amount, this.currency)
        : /^\s*\d+\s*$/.test(draft.amount) && Number(draft.amount) > 0
          ? Number(draft.amount)
          : null;
    if (amount === null) {
      this.cardErrors = {
        ...this.cardErrors,
        [card.id]: {
          amount: message(card.kind === 'gift_card' ? 'card.account.amountInvalid' : 'card.loyalty.pointsInvalid'),
        },
      };
      this.cardNotices = { ...this.cardNotices, [card.id]: null };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#amount-${card.id}`)?.focus();
      return;
    }
    this.busy = card.id;
    this.cardErrors = { ...this.cardErrors, [card.id]: {} };
    this.cardNotices = { ...this.cardNotices, [card.id]: null };
    const body: Record<string, unknown> = { kind: draft.kind, amount, comment: draft.comment.trim() || null };
    if (draft.kind === 'accrue' && draft.expires) body.expires_at = endOfDay(draft.expires);
    try {
      const done = await this.api.request<{ balance: number }>(
        'POST',
        `/v1/loyalty-cards/${encodeURIComponent(card.id)}/transactions`,
        body,
      );
      this.drafts = { ...this.drafts, [card.id]: emptyTransaction() };
      const balance = card.kind === 'gift_card' ? this.money(done.balance) : this.points(done.balance);
      this.cardNotices = {
        ...this.cardNotices,
        [card.id]: { kind: 'success', text: message('card.loyalty.done', { balance }) },
      };
      this.overview.reload();
      this.dataChanged({ sections: ['ecard'] });
    } catch (error) {
      const code = errorCode(error);
      let text: string | null = null;
      if (code === 'insufficient_balance') {
        const held = (error as { details?: { balance?: number } }).details?.balance ?? card.balance;
        text = message('card.loyalty.insufficient', {
          balance: card.kind === 'gift_card' ? this.money(held) : this.points(held),
        });
        this.overview.reload();
      } else if (code === 'card_expired') text = message('card.loyalty.cardExpired');
      else if (code === 'card_deleted') text = message('card.loyalty.cardDeleted');
      const fields = text ? {} : fieldErrors(error);
      if (!text && !Object.keys(fields).length) text = errorText(error);
      this.cardErrors = { ...this.cardErrors, [card.id]: fields };
      this.cardNotices = { ...this.cardNotices, [card.id]: text ? { kind: 'danger', text } : null };
    } finally {
      this.busy = null;
    }
  }

  private async openForm(id: string): Promise<void> {
    this.formsOpen = new Set([...this.formsOpen, id]);
    this.cardNotices = { ...this.cardNotices, [id]: null };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#amount-${id}`)?.focus();
  }

  private async closeForm(id: string): Promise<void> {
    const next = new Set(this.formsOpen);
    next.delete(id);
    this.formsOpen = next;
    this.cardErrors = { ...this.cardErrors, [id]: {} };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`[data-card="${id}"] [data-action="open-form"]`)?.focus();
  }

  private toggleHistory(id: string): void {
    const next = new Set(this.expanded);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.expanded = next;
  }

  private renderDelete(card: LoyaltyCardDetails) {
    if (this.confirmDelete !== card.id) {
      return html`<div>
        <button type="button" class="button quiet danger small" part="button" data-action="delete-card" @click=${() => this.askDelete(card.id)}>
          ${message('card.loyalty.delete')}<span class="visually-hidden"> ${card.number}</span>
        </button>
      </div>`;
    }
    return html`<div class="row">
      <span class="small">${message('card.loyalty.deleteExplain')}</span>
      <button type="button" class="button danger small" part="button" data-action="confirm-delete" ?disabled=${this.busy === card.id} @click=${() => this.deleteCard(card)}>
        ${message('card.loyalty.deleteConfirm')}<span class="visually-hidden"> ${card.number}</span>
      </button>
      <button type="button" class="button quiet small" part="button" @click=${() => (this.confirmDelete = null)}>
        ${message('card.cancel')}
      </button>
    </div>`;
  }

  private async askDelete(id: string): Promise<void> {
    this.confirmDelete = id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`[data-card="${id}"] [data-action="confirm-delete"]`)?.focus();
  }

  private async deleteCard(card: LoyaltyCardDetails): Promise<void> {
    if (!this.api) return;
    this.busy = card.id;
    try {
      await this.api.request('DELETE', `/v1/loyalty-cards/${encodeURIComponent(card.id)}`);
      this.confirmDelete = null;
      this.overview.reload();
      this.dataChanged({ client: true, sections: ['ecard'] });
    } catch (error) {
      this.cardNotices = { ...this.cardNotices, [card.id]: { kind: 'danger', text: errorText(error) } };
    } finally {
      this.busy = null;
    }
  }

  // --- issuing -------------------------------------------------------------------------------------------------

  private renderIssue() {
    if (!this.issueOpen) {
      return html`<div class="row">
        <button type="button" class="button quiet disclosure" part="button" aria-expanded="false" @click=${this.openIssue}>
          ${message('card.loyalty.issue')}
        </button>
        ${noticeBlock(this.issueNotice)}
      </div>`;
    }
    const d = this.issue;
    const errors = this.issueErrors;
    const set = (patch: Partial<IssueDraft>) => {
      this.issue = { ...this.issue, ...patch };
    };
    const field = (
      name: keyof IssueDraft,
      apiField: string,
      label: string,
      attrs: { type?: string; inputmode?: string } = {},
    ) =>
      html`<div class="field">
        <label for="issue-${name}">${label}</label>
        <input
          id="issue-${name}"
          part="input"
          type=${attrs.type ?? 'text'}
          inputmode=${attrs.inputmode ?? nothing}
          autocomplete="off"
          .value=${d[name]}
          @input=${(e: Event) => set({ [name]: (e.target as HTMLInputElement).value })}
          aria-invalid=${errors[apiField] ? 'true' : 'false'}
          aria-describedby=${errors[apiField] ? `issue-${name}-error` : nothing}
        />
        ${errors[apiField] ? html`<span class="field-error" part="field-error" id="issue-${name}-error">${errors[apiField]}</span>` : nothing}
      </div>`;
    return html`<form class="panel" novalidate @submit=${this.submitIssue} aria-labelledby="issue-heading">
      <h3 id="issue-heading">${message('card.loyalty.issue')}</h3>
      <fieldset class="segmented">
        <legend>${message('card.loyalty.kind')}</legend>
        ${KINDS.map(
          (k) => html`<label
            ><input type="radio" name="issue-kind" value=${k} .checked=${d.kind === k} @change=${() => set({ kind: k })} /><span
              >${message(`card.loyalty.kind.${k}`)}</span
            ></label
          >`,
        )}
      </fieldset>
      <div class="fields">
        ${field('name', 'name', message('card.loyalty.name'))}
        ${field('discount', 'discount', message('card.info.discount'), { inputmode: 'numeric' })}
        ${field('expires', 'expires_at', message('card.loyalty.expires'), { type: 'date' })}
        ${d.kind === 'gift_card' ? field('balance', 'balance', message('card.loyalty.initialValue', { currency: this.currency }), { inputmode: 'decimal' }) : nothing}
        ${d.kind === 'membership' ? field('visits', 'visits_left', message('card.loyalty.visitsIncluded'), { inputmode: 'numeric' }) : nothing}
      </div>
      <div class="row">
        <button type="submit" class="button" part="button" ?disabled=${this.busy === 'issue'}>
          ${this.busy === 'issue' ? message('card.saving') : message('card.loyalty.issueSubmit')}
        </button>
        <button type="button" class="button quiet" part="button" @click=${this.closeIssue}>${message('card.cancel')}</button>
        ${noticeBlock(this.issueNotice)}
      </div>
    </form>`;
  }

  private openIssue = async () => {
    this.issueOpen = true;
    this.issueNotice = null;
    this.issueErrors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name="issue-kind"]:checked')?.focus();
  };

  private closeIssue = async () => {
    this.issueOpen = false;
    this.issue = emptyIssue();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.disclosure')?.focus();
  };

  private submitIssue = async (event: Event) => {
    event.preventDefault();
    if (!this.api || this.busy) return;
    const d = this.issue;
    const body: Record<string, unknown> = { kind: d.kind };
    const errors: Record<string, string> = {};
    if (d.name.trim()) body.name = d.name.trim();
    if (d.discount.trim()) body.discount = Number(d.discount);
    if (d.expires) body.expires_at = endOfDay(d.expires);
    if (d.kind === 'gift_card' && d.balance.trim()) {
      const value = parseMoney(d.balance, this.currency);
      if (value === null) errors.balance = message('card.account.amountInvalid');
      else body.balance = value;
    }
    if (d.kind === 'membership' && d.visits.trim()) body.visits_left = Number(d.visits);
    if (Object.keys(errors).length) {
      this.issueErrors = errors;
      return;
    }
    this.busy = 'issue';
    this.issueNotice = null;
    this.issueErrors = {};
    try {
      const card = await this.api.request<LoyaltyCard>('POST', `${this.clientPath}/loyalty-cards`, body);
      this.issueOpen = false;
      this.issue = emptyIssue();
      this.issueNotice = { kind: 'success', text: message('card.loyalty.issued', { number: card.number }) };
      this.overview.reload();
      this.dataChanged({ client: true, sections: ['ecard'] });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('.disclosure')?.focus();
    } catch (error) {
      if (errorCode(error) === 'loyalty_card_exists') {
        this.issueNotice = { kind: 'danger', text: message('card.loyalty.exists') };
      } else {
        this.issueErrors = fieldErrors(error);
        if (!Object.keys(this.issueErrors).length) this.issueNotice = { kind: 'danger', text: errorText(error) };
      }
    } finally {
      this.busy = null;
    }
  };
}
