import { html } from 'lit';
import { message } from '../../localize.js';
import { chooseStaff, eligibleStaff } from '../../state.js';
import { people } from '../icons.js';
import { initials, option } from './common.js';
import type { StepView } from './view.js';

/** "Any staff member" first, then everyone at the location who does all the chosen services. */
export function staffStep(view: StepView) {
  const { config, draft } = view;
  const avatar = (content: unknown) => html`<span class="avatar" aria-hidden="true">${content}</span>`;
  return html`
    <div part="staff-list" class="options" role="radiogroup" aria-labelledby="step-heading">
      ${option({
        part: 'staff',
        type: 'radio',
        name: 'staff',
        id: '',
        checked: draft.staffId === null,
        title: message('anyStaff'),
        meta: message('anyStaffHint'),
        lead: avatar(people),
        onChange: () => view.change(chooseStaff(draft, null)),
      })}
      ${eligibleStaff(config, draft).map((member) =>
        option({
          part: 'staff',
          type: 'radio',
          name: 'staff',
          id: member.id,
          checked: draft.staffId === member.id,
          title: member.name,
          lead: avatar(initials(member.name)),
          onChange: () => view.change(chooseStaff(draft, member.id)),
        }),
      )}
    </div>
  `;
}
