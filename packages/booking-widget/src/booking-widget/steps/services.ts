import { html, nothing } from 'lit';
import { formatDuration, formatPrice } from '../../format.js';
import { message } from '../../localize.js';
import { eligibleStaff, MAX_SERVICES, servicesAt, toggleService } from '../../state.js';
import { notice, option } from './common.js';
import type { StepView } from './view.js';

/** One or more services: checkboxes, with duration and price. */
export function servicesStep(view: StepView) {
  const { config, draft, lang } = view;
  const services = servicesAt(config, draft.locationId);
  if (!services.length) return html`<p part="message" class="empty">${message('noServices')}</p>`;
  const full = draft.serviceIds.length >= MAX_SERVICES;
  const impossible = draft.serviceIds.length > 0 && eligibleStaff(config, draft).length === 0;
  return html`
    <p class="lead" id="services-hint">${message('servicesHint')}</p>
    <div part="services" class="options" role="group" aria-labelledby="step-heading" aria-describedby="services-hint">
      ${services.map((service) => {
        const checked = draft.serviceIds.includes(service.id);
        return option({
          part: 'service',
          type: 'checkbox',
          name: 'service',
          id: service.id,
          checked,
          disabled: full && !checked,
          title: service.name,
          meta: formatDuration(service.duration_minutes, lang),
          end: service.price === null ? null : formatPrice(service.price, lang, config.business.currency),
          onChange: () => view.change(toggleService(config, draft, service.id)),
        });
      })}
    </div>
    <div role="status">
      ${impossible ? notice(message('noCombination'), undefined, 'info') : full ? notice(message('maxServices'), undefined, 'info') : nothing}
    </div>
  `;
}
