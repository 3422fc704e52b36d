import { html, nothing, type TemplateResult } from 'lit';
import type { BookingConfig } from '../../api.js';
import { formatDuration, formatLongDate, formatPrice, formatTime } from '../../format.js';
import { message } from '../../localize.js';
import { totals } from '../../state.js';
import { alert, check } from '../icons.js';

export interface OptionSpec {
  /** The part names, e.g. `service`; `option` is always added, and `selected` when chosen. */
  part: string;
  type: 'radio' | 'checkbox';
  name: string;
  id: string;
  checked: boolean;
  disabled?: boolean;
  title: string;
  meta?: string | null;
  end?: string | null;
  lead?: TemplateResult;
  onChange: () => void;
}

/** A selectable row: a native radio or checkbox (keyboard and screen readers for free) dressed as a card. */
export function option(spec: OptionSpec) {
  return html`
    <label part="option ${spec.part}${spec.checked ? ' selected' : ''}" class="option" data-id=${spec.id}>
      <input
        class="native"
        type=${spec.type}
        name=${spec.name}
        .checked=${spec.checked}
        ?disabled=${spec.disabled}
        @change=${spec.onChange}
      />
      ${spec.lead ?? nothing}
      <span class="option-text">
        <span class="option-title">${spec.title}</span>
        ${spec.meta ? html`<span class="option-meta">${spec.meta}</span>` : nothing}
      </span>
      ${spec.end ? html`<span class="option-end">${spec.end}</span>` : nothing}
      <span class="mark" aria-hidden="true">${check}</span>
    </label>
  `;
}

/** A message in the flow: an error or a warning, with an optional action (e.g. "Try again"). */
export function notice(text: string, action?: { label: string; run: () => void }, tone: 'error' | 'info' = 'error') {
  return html`
    <div part="message" class="notice ${tone}" role=${tone === 'error' ? 'alert' : nothing}>
      ${alert}
      <p>${text}</p>
      ${action ? html`<button part="button" class="button small" type="button" @click=${action.run}>${action.label}</button>` : nothing}
    </div>
  `;
}

/** Shimmer blocks shaped like the content that is coming. */
export function skeleton(count: number, kind: 'row' | 'chip' = 'row') {
  return html`<div class="skeleton ${kind}s" aria-hidden="true">
    ${Array.from({ length: count }, () => html`<div class="shimmer ${kind}"></div>`)}
  </div>`;
}

/** `€30.00 · 45 min` for the chosen services (no price part when one of them has none). */
export function totalText(config: BookingConfig, serviceIds: readonly string[], lang: string): string {
  const { minutes, price } = totals(config, serviceIds);
  const duration = formatDuration(minutes, lang);
  return price === null ? duration : `${formatPrice(price, lang, config.business.currency)} · ${duration}`;
}

export interface Booked {
  serviceIds: readonly string[];
  staffId: string | null;
  locationId: string | null;
  startsAt: string | null;
}

/** The booking at a glance: on the details step and on the confirmation. */
export function summary(config: BookingConfig, booked: Booked, lang: string) {
  const location = config.locations.find((item) => item.id === booked.locationId);
  const zone = location?.timezone ?? 'UTC';
  const services = config.services.filter((service) => booked.serviceIds.includes(service.id));
  const staff = config.staff.find((member) => member.id === booked.staffId);
  const row = (label: string, value: string) => html`<div class="summary-row"><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`
    <dl part="summary" class="summary">
      ${row(message('summaryServices'), services.map((service) => service.name).join(', '))}
      ${row(message('summaryStaff'), staff?.name ?? message('anyStaff'))}
      ${
        booked.startsAt
          ? row(
              message('summaryWhen'),
              `${formatLongDate(booked.startsAt, lang, zone)}, ${formatTime(booked.startsAt, lang, zone)}`,
            )
          : nothing
      }
      ${location && config.locations.length > 1 ? row(message('summaryWhere'), location.name) : nothing}
      ${row(message('summaryTotal'), totalText(config, booked.serviceIds, lang))}
    </dl>
  `;
}

/** Up to two initials for a staff member's avatar. */
export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
}
