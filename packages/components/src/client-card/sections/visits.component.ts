import { localized } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AppointmentStatus, PaymentMethod, Visit, VisitLine, VisitList } from '../../api/types.js';
import { formatNumber } from '../../format.js';
import { message } from '../../localize.js';
import { CardSection, emptyBlock, errorBlock, moreBlock, PagedList, skeleton } from '../section.js';
import { sectionStyles } from '../section.styles.js';

type VisitFilter = 'all' | 'unpaid' | 'debt';
const FILTERS: VisitFilter[] = ['all', 'unpaid', 'debt'];

export const STATUS_TONE: Record<AppointmentStatus, string> = {
  arrived: 'success',
  confirmed: 'info',
  pending: 'warning',
  no_show: 'danger',
  cancelled: '',
};

/**
 * @summary The client's visits, newest first: filter all / unpaid / with debt, totals over the whole filter, and per
 * visit its staff, services, products, payments, comment and location.
 * @tag cb-client-card-visits
 */
@localized()
export class CbClientCardVisits extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      .lines {
        list-style: none;
        margin: var(--cb-space-2, 0.5rem) 0 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.125rem;
      }

      .lines li {
        display: flex;
        justify-content: space-between;
        gap: var(--cb-space-3, 0.75rem);
      }

      .lines .what {
        min-width: 0;
        overflow-wrap: anywhere;
      }

      .payments {
        margin-top: var(--cb-space-2, 0.5rem);
        padding-top: var(--cb-space-2, 0.5rem);
        border-top: 1px dashed var(--_border);
      }

      .comment {
        margin-top: var(--cb-space-2, 0.5rem);
        font-style: italic;
        color: var(--_muted);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }

      .when {
        font-weight: var(--cb-font-weight-semibold, 600);
      }
    `,
  ];

  @state() private filter: VisitFilter = 'all';

  private readonly visits = new PagedList<Visit, VisitList>(
    this,
    () => this.api,
    (offset, limit) => `${this.clientPath}/visits?type=${this.filter}&offset=${offset}&limit=${limit}`,
    () => (this.client ? [this.client.id, this.filter] : null),
  );

  override refresh(): void {
    this.visits.reload();
  }

  protected override render() {
    if (!this.client) return nothing;
    return html`<div class="stack">
      <fieldset class="segmented">
        <legend>${message('card.visits.filter')}</legend>
        ${FILTERS.map(
          (f) => html`<label
            ><input
              type="radio"
              name="visit-filter"
              value=${f}
              .checked=${this.filter === f}
              @change=${() => {
                this.filter = f;
              }}
            /><span>${message(`card.visits.filter.${f}`)}</span></label
          >`,
        )}
      </fieldset>
      ${this.renderBody()}
    </div>`;
  }

  private renderBody() {
    const list = this.visits;
    if (list.state === 'error') return errorBlock(list.error, list.reload);
    if (list.state !== 'ready' || !list.answer) return skeleton(5);
    const totals = list.answer.totals;
    return html`<dl class="figures" aria-label=${message('card.visits.totals')}>
        <div><dt>${message('card.visits.count')}</dt><dd>${formatNumber(totals.visits, this.locale)}</dd></div>
        <div><dt>${message('card.visits.sold')}</dt><dd>${this.money(totals.sold)}</dd></div>
        <div><dt>${message('card.visits.paid')}</dt><dd>${this.money(totals.paid)}</dd></div>
        <div>
          <dt>${message('card.visits.due')}</dt>
          <dd class=${totals.due > 0 ? 'negative' : ''}>${this.money(totals.due)}</dd>
        </div>
      </dl>
      ${
        list.items.length
          ? html`<ol class="list" part="table" aria-label=${message('card.visits.list')}>
            ${list.items.map((v) => this.renderVisit(v))}
          </ol>`
          : emptyBlock(message(`card.visits.empty.${this.filter}`))
      }
      ${moreBlock(this.visits, this.locale)}`;
  }

  private renderVisit(v: Visit) {
    const staff = v.staff?.name;
    return html`<li>
      <article aria-label=${this.dateTime(v.starts_at)}>
        <div class="item-head">
          <span class="when">${this.dateTime(v.starts_at)}</span>
          <span class="row">
            <span class="badge ${STATUS_TONE[v.status]}" part="badge">${message(`card.status.${v.status}`)}</span>
            <strong class="num">${this.money(v.total)}</strong>
          </span>
        </div>
        <p class="meta">
          ${v.location ? html`<span>${v.location.name}</span>` : nothing}
          ${staff ? html`<span>${staff}</span>` : nothing}
          ${v.source === 'online' ? html`<span>${message('filters.source.online')}</span>` : nothing}
        </p>
        ${
          v.services.length || v.products.length
            ? html`<ul class="lines" aria-label=${message('card.visits.lines')}>
              ${v.services.map((line) => this.renderLine(line, staff))}
              ${v.products.map((line) => this.renderLine(line, staff, true))}
            </ul>`
            : nothing
        }
        ${
          v.payments.length || v.due > 0
            ? html`<ul class="lines payments" aria-label=${message('card.visits.payments')}>
              ${v.payments.map(
                (p) => html`<li>
                  <span class="what muted">${message(`card.method.${p.method as PaymentMethod}`)} · ${this.date(p.at)}</span>
                  <span class="num">${this.money(p.amount)}</span>
                </li>`,
              )}
              ${
                v.due > 0
                  ? html`<li class="negative">
                    <span class="what">${message('card.visits.due')}</span><span class="num">${this.money(v.due)}</span>
                  </li>`
                  : nothing
              }
            </ul>`
            : nothing
        }
        ${v.comment ? html`<p class="comment">${v.comment}</p>` : nothing}
      </article>
    </li>`;
  }

  private renderLine(line: VisitLine, visitStaff: string | undefined, product = false) {
    const other = line.staff && line.staff.name !== visitStaff ? line.staff.name : null;
    const discount = line.discount ? ` −${line.discount}%` : '';
    return html`<li>
      <span class="what"
        >${product ? html`<span class="badge" part="badge">${message('card.visits.product')}</span> ` : nothing}${line.name}${
          line.quantity > 1 ? ` × ${line.quantity}` : ''
        }${other ? html` <span class="muted small">(${other})</span>` : nothing}${
          discount ? html` <span class="muted small">${discount}</span>` : nothing
        }</span
      >
      <span class="num">${this.money(line.amount)}</span>
    </li>`;
  }
}
