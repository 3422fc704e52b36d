import { html, nothing } from 'lit';
import { dayParts, formatTime, hourInZone, monthRange } from '../../format.js';
import { type MessageKey, message } from '../../localize.js';
import { chooseDate, chooseTime, slotTimes } from '../../state.js';
import type { Times, Week } from '../availability.js';
import { chevronLeft, chevronRight } from '../icons.js';
import { notice, skeleton } from './common.js';
import type { StepView } from './view.js';

export interface TimeView extends StepView {
  /** The location's time zone: every time is shown there. */
  readonly timezone: string;
  /** The days shown (a week from the page's first day). */
  readonly dates: readonly string[];
  /** The shown week's free starts per date (one `/days` answer): the state of each day. */
  readonly week: Week | undefined;
  /** The chosen day's free times. */
  readonly times: Times | undefined;
  readonly canEarlier: boolean;
  readonly canLater: boolean;
  page(delta: 1 | -1): void;
  retry(): void;
}

/** Parts of the day the times are grouped in, by the location's hour they start before. */
const PERIODS: [MessageKey, number][] = [
  ['morning', 12],
  ['afternoon', 17],
  ['evening', 24],
];

/** A week of days (paged), then the free times of the chosen day grouped by part of the day. */
export function timeStep(view: TimeView) {
  const { dates, lang, week } = view;
  const free = week?.status === 'ready' ? week.value : null;
  const failed = week?.status === 'error' || view.times?.status === 'error';
  const weekEmpty = free && dates.every((date) => !free[date]);
  const state = (date: string) =>
    free ? (free[date] ? 'free' : 'empty') : week?.status === 'error' ? 'error' : 'loading';
  const label = monthRange(dates[0] ?? '', dates.at(-1) ?? '', lang);
  return html`
    <div class="week">
      <p class="week-label" id="week-label">${label}</p>
      <button
        part="button week-button"
        class="icon-button"
        type="button"
        aria-label=${message('earlierDates')}
        ?disabled=${!view.canEarlier}
        @click=${() => view.page(-1)}
      >
        ${chevronLeft}
      </button>
      <button
        part="button week-button"
        class="icon-button"
        type="button"
        aria-label=${message('laterDates')}
        ?disabled=${!view.canLater}
        @click=${() => view.page(1)}
      >
        ${chevronRight}
      </button>
    </div>
    <div part="days" class="days" role="radiogroup" aria-label="${message('dates')}, ${label}">
      ${dates.map((date) => day(view, date, state(date)))}
    </div>
    ${failed ? notice(message('timesFailed'), { label: message('retry'), run: () => view.retry() }) : nothing}
    ${
      weekEmpty
        ? html`<div class="empty">
          <p>${message('noTimesWeek')}</p>
          ${
            view.canLater
              ? html`<button part="button" class="button secondary" type="button" @click=${() => view.page(1)}>
                ${message('showLater')}
              </button>`
              : nothing
          }
        </div>`
        : times(view, failed)
    }
  `;
}

function day(view: TimeView, date: string, status: string) {
  const parts = dayParts(date, view.lang);
  const checked = view.draft.date === date;
  return html`
    <label part="day${checked ? ' selected' : ''}" class="day" data-date=${date} data-state=${status}>
      <input
        class="native"
        type="radio"
        name="date"
        aria-label=${parts.label}
        .checked=${checked}
        ?disabled=${status === 'empty'}
        @change=${() => view.change(chooseDate(view.draft, date))}
      />
      <span class="day-weekday">${parts.weekday}</span>
      <span class="day-number">${parts.day}</span>
      <span class="day-dot"></span>
    </label>
  `;
}

/** The chosen day's times; a skeleton while they load. */
function times(view: TimeView, failed: boolean) {
  const state = view.times;
  if (state?.status === 'error' || (!state && failed)) return nothing;
  if (state?.status !== 'ready') {
    return html`<p class="visually-hidden" role="status">${message('loadingTimes')}</p>
      ${skeleton(9, 'chip')}`;
  }
  const starts = slotTimes(state.value);
  if (!starts.length) return html`<p class="empty">${message('noTimesDay')}</p>`;
  const { draft, lang, timezone } = view;
  let from = 0;
  return html`
    <div class="periods">
      ${PERIODS.map(([key, before]) => {
        const group = starts.filter((start) => {
          const hour = hourInZone(start, timezone);
          return hour >= from && hour < before;
        });
        from = before;
        if (!group.length) return nothing;
        return html`
          <div class="period">
            <p class="period-label" id="period-${key}">${message(key)}</p>
            <div part="slots" class="slots" role="radiogroup" aria-labelledby="period-${key}">
              ${group.map((start) => {
                const checked = draft.startsAt === start;
                return html`
                  <label part="slot${checked ? ' selected' : ''}" class="slot" data-starts-at=${start}>
                    <input
                      class="native"
                      type="radio"
                      name="slot"
                      .checked=${checked}
                      @change=${() => view.change(chooseTime(draft, start))}
                    />
                    ${formatTime(start, lang, timezone)}
                  </label>
                `;
              })}
            </div>
          </div>
        `;
      })}
    </div>
  `;
}
