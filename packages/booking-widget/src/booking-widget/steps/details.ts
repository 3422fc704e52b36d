import { html, nothing } from 'lit';
import { type MessageKey, message } from '../../localize.js';
import type { Contact, ContactField } from '../../state.js';
import { alert } from '../icons.js';
import { summary } from './common.js';
import type { StepView } from './view.js';

export interface DetailsView extends StepView {
  /** Messages by field, from the visitor's last try or the server's 422. */
  readonly errors: Partial<Record<ContactField, string>>;
  /** `field`: the field whose error the edit clears. */
  edit(patch: Partial<Contact>, field?: ContactField): void;
}

interface FieldSpec {
  field: 'name' | 'phone' | 'email' | 'comment';
  label: MessageKey;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  hint?: MessageKey;
  optional?: boolean;
}

const FIELDS: FieldSpec[] = [
  { field: 'name', label: 'name', autocomplete: 'name' },
  { field: 'phone', label: 'phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: 'phoneHint' },
  { field: 'email', label: 'email', type: 'email', autocomplete: 'email', inputmode: 'email', optional: true },
  { field: 'comment', label: 'comment', optional: true },
];

const errorText = (id: string, text: string | undefined) =>
  text ? html`<p class="field-error" id="${id}-error">${alert}<span>${text}</span></p>` : nothing;

/** Ids for aria-describedby: only of the hint and error that are there. */
const describedBy = (id: string, hint: boolean, error: boolean) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || nothing;

/** Name, phone, optional email and comment, the consent the booking needs and the optional marketing consent. */
export function detailsStep(view: DetailsView) {
  const { config, draft, errors, lang } = view;
  const contact = draft.contact;
  const input = (spec: FieldSpec) => {
    const id = `field-${spec.field}`;
    const error = errors[spec.field];
    const attributes = {
      id,
      describedby: describedBy(id, !!spec.hint, !!error),
      invalid: error ? 'true' : 'false',
    };
    const onInput = (event: Event) => view.edit({ [spec.field]: (event.target as HTMLInputElement).value }, spec.field);
    return html`
      <div part="field" class="field" data-field=${spec.field}>
        <label class="label" for=${id}>
          ${message(spec.label)} ${spec.optional ? html`<span class="optional">${message('optional')}</span>` : nothing}
        </label>
        ${
          spec.field === 'comment'
            ? html`<textarea
              part="input"
              class="input"
              id=${attributes.id}
              rows="3"
              maxlength="1000"
              aria-invalid=${attributes.invalid}
              aria-describedby=${attributes.describedby}
              .value=${contact.comment}
              @input=${onInput}
            ></textarea>`
            : html`<input
              part="input"
              class="input"
              id=${attributes.id}
              type=${spec.type ?? 'text'}
              autocomplete=${spec.autocomplete ?? 'off'}
              inputmode=${spec.inputmode ?? 'text'}
              ?required=${!spec.optional}
              aria-invalid=${attributes.invalid}
              aria-describedby=${attributes.describedby}
              .value=${contact[spec.field]}
              @input=${onInput}
            />`
        }
        ${spec.hint ? html`<p class="hint" id="${id}-hint">${message(spec.hint)}</p>` : nothing}
        ${errorText(id, error)}
      </div>
    `;
  };
  const consentError = errors.consent;
  return html`
    ${summary(config, draft, lang)}
    <div class="fields">
      ${FIELDS.map(input)}
      <div part="field" class="field" data-field="consent">
        <label class="check">
          <input
            id="field-consent"
            type="checkbox"
            required
            aria-invalid=${consentError ? 'true' : 'false'}
            aria-describedby=${describedBy('field-consent', false, !!consentError)}
            .checked=${contact.consent}
            @change=${(event: Event) => view.edit({ consent: (event.target as HTMLInputElement).checked }, 'consent')}
          />
          <span>${message('consent')}</span>
        </label>
        ${errorText('field-consent', consentError)}
      </div>
      <div part="field" class="field" data-field="marketing">
        <label class="check">
          <input
            id="field-marketing"
            type="checkbox"
            .checked=${contact.marketing}
            @change=${(event: Event) => view.edit({ marketing: (event.target as HTMLInputElement).checked })}
          />
          <span>${message('marketing')}</span>
        </label>
      </div>
    </div>
  `;
}
