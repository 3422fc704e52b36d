import { localized } from '@lit/localize';
import { css, html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import type { ClientStats, RankedItem } from '../../api/types.js';
import { formatNumber } from '../../format.js';
import type { Locale } from '../../localize.js';
import { message } from '../../localize.js';
import { styleProps } from '../../styles/style-props.js';
import { CardSection, emptyBlock, errorBlock, Resource, skeleton } from '../section.js';
import { sectionStyles } from '../section.styles.js';

type Period = '12m' | 'year' | 'last-year' | '3y' | 'custom';
const PERIODS: Period[] = ['12m', 'year', 'last-year', '3y', 'custom'];

/** Today's date (`YYYY-MM-DD`) in the business's time zone. */
function today(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      new Date(),
    );
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

/** The first day of the month `months` months before `date`'s. */
function monthsBefore(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function range(period: Period, timeZone: string, custom: { from: string; to: string }): { from?: string; to?: string } {
  const now = today(timeZone);
  const year = Number(now.slice(0, 4));
  switch (period) {
    case 'year':
      return { from: `${year}-01-01`, to: now };
    case 'last-year':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case '3y':
      return { from: monthsBefore(now, 35), to: now };
    case 'custom':
      return { from: custom.from || undefined, to: custom.to || undefined };
    default:
      return {};
  }
}

/** Round axis maximum: 1, 2, 2.5 or 5 times a power of ten, at least `value`. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();
function monthLabel(month: string, locale: Locale, style: 'short' | 'long'): string {
  const key = `${locale}/${style}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(key, format);
  }
  return format.format(new Date(`${month}-01T00:00:00Z`));
}

function shortMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * @summary The client's statistics for a period: revenue by month as a bar chart (with the same figures as a table
 * for screen readers, which can be shown), totals, average check, visit frequency, no-shows, cancellations and the
 * favourite services and staff.
 * @tag cb-client-card-stats
 */
@localized()
export class CbClientCardStats extends CardSection {
  static override styles = [
    sectionStyles,
    css`
      .period {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--cb-space-2, 0.5rem) var(--cb-space-3, 0.75rem);
      }

      .period .field {
        flex: 0 1 12rem;
      }

      figure {
        margin: 0;
      }

      .chart-head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: baseline;
        gap: var(--cb-space-2, 0.5rem);
        margin-bottom: var(--cb-space-2, 0.5rem);
      }

      figcaption {
        font-weight: var(--cb-font-weight-semibold, 600);
      }

      .chart {
        display: block;
        width: 100%;
        height: auto;
        overflow: visible;
      }

      .chart .bar {
        fill: var(--cb-client-card-chart-color, var(--_accent));
      }

      .chart .bar-paid {
        fill: var(--cb-client-card-chart-paid-color, color-mix(in srgb, var(--_accent) 55%, var(--_bg)));
      }

      .chart .bar-group:hover .bar {
        opacity: 0.8;
      }

      .chart .grid {
        stroke: var(--_border);
        stroke-width: 1;
      }

      .chart .axis {
        stroke: var(--_muted);
        stroke-width: 1;
      }

      .chart text {
        fill: var(--_muted);
        font-size: 11px;
        font-family: inherit;
      }

      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cb-space-3, 0.75rem);
        font-size: var(--cb-font-size-sm, 0.8125rem);
        color: var(--_muted);
        margin-top: var(--cb-space-1, 0.25rem);
      }

      .swatch {
        display: inline-block;
        width: 0.75rem;
        height: 0.75rem;
        border-radius: 2px;
        vertical-align: -1px;
        margin-inline-end: 0.25rem;
        background: var(--cb-client-card-chart-color, var(--_accent));
      }

      .swatch.paid {
        background: var(--cb-client-card-chart-paid-color, color-mix(in srgb, var(--_accent) 55%, var(--_bg)));
      }

      table {
        width: 100%;
        border-collapse: collapse;
        font-size: var(--cb-font-size-sm, 0.8125rem);
        margin-top: var(--cb-space-2, 0.5rem);
      }

      th,
      td {
        padding: 0.3125rem 0.5rem;
        text-align: end;
        border-bottom: 1px solid var(--_border);
        font-variant-numeric: tabular-nums;
      }

      th:first-child,
      td:first-child {
        text-align: start;
      }

      thead th {
        color: var(--_muted);
        font-weight: var(--cb-font-weight-semibold, 600);
      }

      .favourites {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
        gap: var(--cb-space-4, 1rem);
      }

      .ranked {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: var(--cb-space-2, 0.5rem);
      }

      .ranked li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0 var(--cb-space-2, 0.5rem);
        align-items: baseline;
      }

      .ranked .meter {
        grid-column: 1 / -1;
        height: 4px;
        border-radius: 2px;
        background: var(--_surface);
        overflow: hidden;
      }

      .ranked .meter span {
        display: block;
        height: 100%;
        background: var(--cb-client-card-chart-color, var(--_accent));
        border-radius: 2px;
      }
    `,
  ];

  @state() private period: Period = '12m';
  @state() private custom = { from: '', to: '' };
  @state() private showTable = false;
  @state() private chartWidth = 560;

  private resizeObserver: ResizeObserver | null = null;
  private observed: Element | null = null;

  private readonly stats = new Resource<ClientStats>(
    this,
    () => this.api,
    (api, signal) => {
      const { from, to } = this.query();
      const params = new URLSearchParams();
      if (from) params.set('from', from);
      if (to) params.set('to', to);
      const search = params.toString();
      return api.request<ClientStats>('GET', `${this.clientPath}/stats${search ? `?${search}` : ''}`, undefined, {
        signal,
      });
    },
    () => {
      if (!this.client) return null;
      const { from, to } = this.query();
      return [this.client.id, from, to];
    },
  );

  private appliedCustom = { from: '', to: '' };

  private query() {
    return range(this.period, this.timeZone, this.appliedCustom);
  }

  override refresh(): void {
    this.stats.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.observed = null;
  }

  protected override updated(): void {
    const figure = this.renderRoot.querySelector('figure');
    if (figure === this.observed) return;
    this.resizeObserver?.disconnect();
    this.observed = figure;
    if (!figure) return;
    this.resizeObserver ??= new ResizeObserver((entries) => {
      const width = Math.floor(entries[0]?.contentRect.width ?? 0);
      // Re-drawn in the next frame: changing the chart inside the observer's callback would resize it again.
      if (width > 0 && Math.abs(width - this.chartWidth) > 1) requestAnimationFrame(() => (this.chartWidth = width));
    });
    this.resizeObserver.observe(figure);
  }

  protected override render() {
    if (!this.client) return nothing;
    return html`<div class="stack">${this.renderPeriod()} ${this.renderBody()}</div>`;
  }

  private renderPeriod() {
    return html`<form class="period" @submit=${this.applyCustom}>
      <div class="field">
        <label for="period">${message('card.stats.period')}</label>
        <select id="period" part="input" @change=${this.onPeriod}>
          ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === this.period}>${message(`card.stats.period.${p}`)}</option>`)}
        </select>
      </div>
      ${
        this.period === 'custom'
          ? html`<div class="field">
              <label for="from">${message('card.stats.from')}</label>
              <input id="from" type="date" part="input" required .value=${this.custom.from} @input=${(e: Event) => {
                this.custom = { ...this.custom, from: (e.target as HTMLInputElement).value };
              }} />
            </div>
            <div class="field">
              <label for="to">${message('card.stats.to')}</label>
              <input id="to" type="date" part="input" required .value=${this.custom.to} @input=${(e: Event) => {
                this.custom = { ...this.custom, to: (e.target as HTMLInputElement).value };
              }} />
            </div>
            <button type="submit" class="button" part="button">${message('card.stats.apply')}</button>`
          : nothing
      }
    </form>`;
  }

  private onPeriod = (event: Event) => {
    this.period = (event.target as HTMLSelectElement).value as Period;
    if (this.period === 'custom' && !this.custom.from) {
      const now = today(this.timeZone);
      this.custom = { from: monthsBefore(now, 11), to: now };
      this.appliedCustom = this.custom;
    }
  };

  private applyCustom = (event: Event) => {
    event.preventDefault();
    this.appliedCustom = { ...this.custom };
    this.requestUpdate();
  };

  private renderBody() {
    const stats = this.stats;
    if (stats.state === 'error') {
      const fields = (stats.error as { details?: unknown })?.details;
      const invalidRange = Array.isArray(fields) && fields.length > 0;
      return invalidRange
        ? html`<p class="notice danger" role="alert">${message('card.stats.badRange')}</p>`
        : errorBlock(stats.error, stats.reload);
    }
    if (stats.state !== 'ready' || !stats.value) return skeleton(6);
    const s = stats.value;
    const n = (v: number) => formatNumber(v, this.locale);
    return html`<dl class="figures">
        <div><dt>${message('card.visits.count')}</dt><dd>${n(s.totals.visits)}</dd></div>
        <div><dt>${message('card.visits.sold')}</dt><dd>${this.money(s.totals.sold)}</dd></div>
        <div><dt>${message('card.visits.paid')}</dt><dd>${this.money(s.totals.paid)}</dd></div>
        <div><dt>${message('col.average_check')}</dt><dd>${s.average_check === null ? '—' : this.money(s.average_check)}</dd></div>
        <div>
          <dt>${message('card.stats.frequency')}</dt>
          <dd>${s.visit_frequency_days === null ? '—' : message('card.stats.everyDays', { days: n(s.visit_frequency_days) })}</dd>
        </div>
        <div><dt>${message('card.stats.noShows')}</dt><dd class=${s.no_shows ? 'negative' : ''}>${n(s.no_shows)}</dd></div>
        <div><dt>${message('card.stats.cancellations')}</dt><dd>${n(s.cancellations)}</dd></div>
      </dl>
      ${this.renderChart(s)}
      <div class="favourites">
        ${this.renderRanked(message('card.stats.favouriteServices'), s.favourite_services)}
        ${this.renderRanked(message('card.stats.favouriteStaff'), s.favourite_staff)}
      </div>`;
  }

  private renderChart(s: ClientStats) {
    const months = s.revenue_by_month;
    const caption = message('card.stats.revenueByMonth');
    const period = `${this.date(s.from)} – ${this.date(s.to)}`;
    const hasRevenue = months.some((m) => m.sold > 0 || m.paid > 0);
    return html`<figure part="chart" aria-labelledby="chart-caption">
      <div class="chart-head">
        <figcaption id="chart-caption">${caption} <span class="muted small">${period}</span></figcaption>
        <button
          type="button"
          class="button quiet small"
          part="button"
          aria-pressed=${this.showTable ? 'true' : 'false'}
          aria-controls="revenue-table"
          @click=${() => {
            this.showTable = !this.showTable;
          }}
        >
          ${message('card.stats.showTable')}
        </button>
      </div>
      ${hasRevenue ? this.renderSvg(months) : emptyBlock(message('card.stats.noRevenue'))}
      ${
        hasRevenue
          ? html`<div class="legend" aria-hidden="true">
            <span><span class="swatch"></span>${message('card.visits.sold')}</span>
            <span><span class="swatch paid"></span>${message('card.visits.paid')}</span>
          </div>`
          : nothing
      }
      <table id="revenue-table" class=${this.showTable ? '' : 'visually-hidden'}>
        <caption class="visually-hidden">${caption}, ${period}</caption>
        <thead>
          <tr>
            <th scope="col">${message('card.stats.month')}</th>
            <th scope="col">${message('card.visits.count')}</th>
            <th scope="col">${message('card.visits.sold')}</th>
            <th scope="col">${message('card.visits.paid')}</th>
          </tr>
        </thead>
        <tbody>
          ${months.map(
            (m) => html`<tr>
              <th scope="row">${monthLabel(m.month, this.locale, 'long')}</th>
              <td>${formatNumber(m.visits, this.locale)}</td>
              <td>${this.money(m.sold)}</td>
              <td>${this.money(m.paid)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </figure>`;
  }

  private renderSvg(months: ClientStats['revenue_by_month']) {
    const width = Math.max(240, this.chartWidth);
    const height = 200;
    const left = 56;
    const right = 4;
    const top = 8;
    const bottom = 34;
    const plotW = width - left - right;
    const plotH = height - top - bottom;
    const max = niceMax(Math.max(...months.map((m) => Math.max(m.sold, m.paid))));
    const slot = plotW / months.length;
    const barW = Math.max(2, Math.min(28, slot * 0.7));
    // Label every nth month so the labels never overlap (about 34 px each).
    const every = Math.max(1, Math.ceil(34 / slot));
    const y = (v: number) => top + plotH - (v / max) * plotH;
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
    const compact = (v: number) =>
      new Intl.NumberFormat(this.locale, {
        style: 'currency',
        currency: this.currency,
        notation: 'compact',
        maximumFractionDigits: 1,
      }).format(v / 10 ** this.minorDigits);
    return html`<svg
      class="chart"
      viewBox="0 0 ${width} ${height}"
      width=${width}
      height=${height}
      aria-hidden="true"
      focusable="false"
    >
      ${ticks.map(
        (t) => svg`<line class="grid" x1=${left} x2=${width - right} y1=${y(t)} y2=${y(t)}></line>
          <text x=${left - 6} y=${y(t) + 4} text-anchor="end">${compact(t)}</text>`,
      )}
      ${months.map((m, i) => {
        const x = left + i * slot + (slot - barW) / 2;
        const label = i % every === 0;
        const showYear = label && (i === 0 || m.month.endsWith('-01'));
        return svg`<g class="bar-group">
          <title>${monthLabel(m.month, this.locale, 'long')}: ${this.money(m.sold)} / ${this.money(m.paid)}</title>
          <rect class="bar" x=${x} y=${y(m.sold)} width=${barW * 0.62} height=${Math.max(0, top + plotH - y(m.sold))} rx="2"></rect>
          <rect class="bar-paid" x=${x + barW * 0.62} y=${y(m.paid)} width=${barW * 0.38} height=${Math.max(0, top + plotH - y(m.paid))} rx="2"></rect>
          ${
            label
              ? svg`<text x=${left + i * slot + slot / 2} y=${height - bottom + 15} text-anchor="middle">${shortMonth(m.month, this.locale)}</text>`
              : nothing
          }
          ${showYear ? svg`<text x=${left + i * slot + slot / 2} y=${height - bottom + 29} text-anchor="middle">${m.month.slice(0, 4)}</text>` : nothing}
        </g>`;
      })}
      <line class="axis" x1=${left} x2=${width - right} y1=${top + plotH} y2=${top + plotH}></line>
    </svg>`;
  }

  private get minorDigits(): number {
    try {
      return (
        new Intl.NumberFormat('en', { style: 'currency', currency: this.currency }).resolvedOptions()
          .maximumFractionDigits ?? 2
      );
    } catch {
      return 2;
    }
  }

  private renderRanked(title: string, items: RankedItem[]) {
    const top = Math.max(1, ...items.map((i) => i.count));
    return html`<section>
      <h3>${title}</h3>
      ${
        items.length
          ? html`<ol class="ranked">
            ${items.map(
              (item) => html`<li>
                <span>${item.name}</span>
                <span class="muted small num"
                  >${message('card.stats.times', { count: formatNumber(item.count, this.locale) })} ·
                  ${this.money(item.amount)}</span
                >
                <span class="meter" aria-hidden="true"
                  ><span ${styleProps({ width: `${Math.round((item.count / top) * 100)}%` })}></span
                ></span>
              </li>`,
            )}
          </ol>`
          : html`<p class="muted small">${message('card.stats.none')}</p>`
      }
    </section>`;
  }
}
