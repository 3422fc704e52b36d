import { html, nothing } from 'lit';
import type { Appointment, BookingConfig } from '../../api.js';
import { message } from '../../localize.js';
import { check, clock, phone } from '../icons.js';
import { summary } from './common.js';

/** The confirmation: "You're booked!", or "We'll confirm your booking shortly" when the answer is pending. */
export function confirmation(config: BookingConfig, appointment: Appointment, lang: string, again: () => void) {
  const pending = appointment.status === 'pending';
  return html`
    <div part="confirmation" class="result ${pending ? 'pending' : 'confirmed'}" data-status=${appointment.status}>
      <span class="result-icon" aria-hidden="true">${pending ? clock : check}</span>
      <h3 class="step-heading" id="step-heading" tabindex="-1">
        ${message(pending ? 'pendingTitle' : 'confirmedTitle')}
      </h3>
      <p class="result-text">${message(pending ? 'pendingText' : 'confirmedText')}</p>
    </div>
    ${summary(
      config,
      {
        serviceIds: appointment.service_ids,
        staffId: appointment.staff_id,
        locationId: appointment.location_id,
        startsAt: appointment.starts_at,
      },
      lang,
    )}
    <button part="button secondary" class="button secondary wide" type="button" @click=${again}>
      ${message('bookAnother')}
    </button>
  `;
}

/** Online booking refused for this visitor: a neutral message that tells nothing about them, and the salon's phone. */
export function refusal(salonPhone: string | null | undefined) {
  return html`
    <div part="message refusal" class="result refused">
      <span class="result-icon" aria-hidden="true">${phone}</span>
      <p class="step-heading refusal-text" id="step-heading" tabindex="-1">
        ${message(salonPhone ? 'refused' : 'refusedNoPhone')}
        ${
          salonPhone
            ? html`<a part="phone-link" class="phone-link" href="tel:${salonPhone.replace(/[^\d+]/g, '')}">${salonPhone}</a>`
            : nothing
        }
      </p>
    </div>
  `;
}
