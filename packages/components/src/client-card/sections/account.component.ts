import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AccountAnswer, AccountTransaction, AccountTransactionKind } from '../../api/types.js';
import { errorText, message } from '../../localize.js';
import {
  CardSection,
  emptyBlock,
  errorBlock,
  errorCode,
  fieldErrors,
  moreBlock,
  type Notice,
  noticeBlock,
  PagedList,
  parseMoney,
  skeleton,
} from '../section.js';
import { sectionStyles } from '../section.styles.js';

const KINDS: AccountTransactionKind[] = ['top_up', 'charge', 'refund'];

/**
 * @summary The client's account: balance, the ledger of top-ups, charges and refunds, and a form to add one (a charge
 * beyond the balance is refused by the API and the refusal shown).
 * @tag cb-client-card-account
 */
@localized()
export class CbClientCardAccount extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      .balance {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: var(--cb-space-2, 0.5rem);
      }

      .balance strong {
        font-size: var(--cb-font-size-xl, 1.375rem);
        font-variant-numeric: tabular-nums;
      }

      form {
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-3, 0.75rem);
      }

      .amount {
        display: flex;
        align-items: center;
        gap: var(--cb-space-2, 0.5rem);
      }

      .amount input {
        max-width: 10rem;
      }

      .ledger li {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.125rem var(--cb-space-3, 0.75rem);
        align-items: baseline;
      }

      .ledger .right {
        text-align: end;
      }

      .ledger .comment {
        grid-column: 1 / -1;
        overflow-wrap: anywhere;
      }

      form h3 {
        margin: 0;
      }
    `,
  ];

  @state() private kind: AccountTransactionKind = 'top_up';
  @state() private amount = '';
  @state() private comment = '';
  @state() private saving = false;
  @state() private errors: Record<string, string> = {};
  @state() private notice: Notice = null;

  private readonly ledger = new PagedList<AccountTransaction, AccountAnswer>(
    this,
    () => this.api,
    (offset, limit) => `${this.clientPath}/account?offset=${offset}&limit=${limit}`,
    () => (this.client ? [this.client.id] : null),
  );

  override refresh(): void {
    this.ledger.reload();
  }

  protected override render() {
    if (!this.client) return nothing;
    const list = this.ledger;
    if (list.state === 'error') return errorBlock(list.error, list.reload);
    if (list.state !== 'ready' || !list.answer) return skeleton(5);
    return html`<div class="stack">
      <p class="balance">
        <span class="muted">${message('col.balance')}</span>
        <strong data-balance>${this.money(list.answer.balance)}</strong>
      </p>
      ${this.can('account_write') ? this.renderForm() : nothing}
      <section aria-labelledby="ledger-heading">
        <h3 id="ledger-heading">${message('card.account.history')}</h3>
        ${
          list.items.length
            ? html`<ul class="list ledger" part="table">
              ${list.items.map((t) => this.renderTransaction(t))}
            </ul>`
            : emptyBlock(message('card.account.empty'))
        }
        ${moreBlock(list, this.locale)}
      </section>
    </div>`;
  }

  private renderForm() {
    const amountError = this.errors.amount;
    const commentError = this.errors.comment;
    return html`<form class="panel" novalidate @submit=${this.submit} aria-labelledby="account-form-heading">
      <h3 id="account-form-heading">${message('card.account.new')}</h3>
      <fieldset class="segmented">
        <legend>${message('card.account.kind')}</legend>
        ${KINDS.map(
          (k) => html`<label
            ><input
              type="radio"
              name="kind"
              value=${k}
              .checked=${this.kind === k}
              @change=${() => {
                this.kind = k;
                this.notice = null;
              }}
            /><span>${message(`card.account.kind.${k}`)}</span></label
          >`,
        )}
      </fieldset>
      <div class="fields">
        <div class="field">
          <label for="amount">${message('card.account.amount', { currency: this.currency })}</label>
          <input
            id="amount"
            name="amount"
            part="input"
            inputmode="decimal"
            autocomplete="off"
            .value=${this.amount}
            @input=${(e: Event) => {
              this.amount = (e.target as HTMLInputElement).value;
            }}
            aria-invalid=${amountError ? 'true' : 'false'}
            aria-describedby=${amountError ? 'amount-error' : nothing}
          />
          ${amountError ? html`<span class="field-error" part="field-error" id="amount-error">${amountError}</span>` : nothing}
        </div>
        <div class="field">
          <label for="comment">${message('card.account.comment')}</label>
          <input
            id="comment"
            name="comment"
            part="input"
            maxlength="500"
            .value=${this.comment}
            @input=${(e: Event) => {
              this.comment = (e.target as HTMLInputElement).value;
            }}
            aria-invalid=${commentError ? 'true' : 'false'}
            aria-describedby=${commentError ? 'comment-error' : nothing}
          />
          ${commentError ? html`<span class="field-error" part="field-error" id="comment-error">${commentError}</span>` : nothing}
        </div>
      </div>
      <div class="row">
        <button type="submit" class="button" part="button" ?disabled=${this.saving}>
          ${this.saving ? message('card.saving') : message(`card.account.submit.${this.kind}`)}
        </button>
        ${noticeBlock(this.notice)}
      </div>
    </form>`;
  }

  private renderTransaction(t: AccountTransaction) {
    const sign = t.kind === 'charge' ? '−' : '+';
    return html`<li>
      <span class="item-title">${message(`card.account.kind.${t.kind}`)}</span>
      <span class="right num ${t.kind === 'charge' ? 'negative' : 'positive'}">${sign}${this.money(t.amount)}</span>
      <span class="meta">
        <span>${this.dateTime(t.created_at)}</span>
        ${t.appointment_id ? html`<span>${message('card.account.forVisit')}</span>` : nothing}
      </span>
      <span class="right muted small num">${message('card.account.balanceAfter', { amount: this.money(t.balance_after) })}</span>
      ${t.comment ? html`<span class="comment small">${t.comment}</span>` : nothing}
    </li>`;
  }

  private submit = async (event: Event) => {
    event.preventDefault();
    if (!this.api || this.saving) return;
    const amount = parseMoney(this.amount, this.currency);
    if (amount === null) {
      this.errors = { amount: message('card.account.amountInvalid') };
      this.notice = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#amount')?.focus();
      return;
    }
    this.saving = true;
    this.errors = {};
    this.notice = null;
    try {
      const done = await this.api.request<AccountTransaction & { balance: number }>(
        'POST',
        `${this.clientPath}/account/transactions`,
        { kind: this.kind, amount, comment: this.comment.trim() || null },
      );
      this.amount = '';
      this.comment = '';
      this.notice = {
        kind: 'success',
        text: message('card.account.done', {
          what: message(`card.account.kind.${done.kind}`),
          amount: this.money(done.amount),
          balance: this.money(done.balance),
        }),
      };
      this.ledger.reload();
      this.dataChanged({ client: true });
    } catch (error) {
      if (errorCode(error) === 'insufficient_balance') {
        const balance = (error as { details?: { balance?: number } }).details?.balance;
        this.notice = {
          kind: 'danger',
          text: message('card.account.insufficient', {
            balance: this.money(typeof balance === 'number' ? balance : (this.ledger.answer?.balance ?? 0)),
          }),
        };
        // The balance may have changed meanwhile (another desk, a payment): show the current one.
        this.ledger.reload();
      } else {
        this.errors = fieldErrors(error);
        if (!Object.keys(this.errors).length) this.notice = { kind: 'danger', text: errorText(error) };
      }
    } finally {
      this.saving = false;
    }
  };
}
