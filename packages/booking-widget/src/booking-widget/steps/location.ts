import { html } from 'lit';
import { chooseLocation } from '../../state.js';
import { option } from './common.js';
import type { StepView } from './view.js';

/** The branch to book at, when the business has several and the host fixed none. */
export function locationStep(view: StepView) {
  const { config, draft } = view;
  return html`
    <div part="locations" class="options" role="radiogroup" aria-labelledby="step-heading">
      ${config.locations.map((location) =>
        option({
          part: 'location',
          type: 'radio',
          name: 'location',
          id: location.id,
          checked: draft.locationId === location.id,
          title: location.name,
          meta: location.address ?? null,
          onChange: () => view.change(chooseLocation(config, draft, location.id)),
        }),
      )}
    </div>
  `;
}
