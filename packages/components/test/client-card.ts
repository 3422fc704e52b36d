// Helpers for the <cb-client-card> tests: mount a card inside a provider on the real API, find seeded clients, and
// reach into a section's shadow root.
import { fixture, html } from '@open-wc/testing';
import type { Client, ListAnswer } from '../src/api/types.js';
import type { CbClientCard, SectionName } from '../src/client-card/client-card.component.js';
import '../src/client-card/client-card.js';
import type { CardSection } from '../src/client-card/section.js';
import '../src/provider/provider.js';
import { apiCall, type TestSession, waitFor } from './real-api.js';

export interface MountOptions {
  sections?: string;
  active?: SectionName;
  width?: string;
  theme?: 'light' | 'dark';
  locale?: string;
}

/** A card for `clientId` inside a provider, resolved once the header shows the client. */
export async function mountCard(session: TestSession, clientId: string, options: MountOptions = {}) {
  const provider = await fixture(html`<cb-provider
    api-base=${session.apiBase}
    session=${session.session}
    theme=${options.theme ?? 'light'}
    locale=${options.locale ?? 'en'}
  >
    <cb-client-card
      client-id=${clientId}
      sections=${options.sections ?? ''}
      active-section=${options.active ?? ''}
      style="width: ${options.width ?? '760px'}"
    ></cb-client-card>
  </cb-provider>`);
  const card = provider.querySelector('cb-client-card') as CbClientCard;
  await waitFor(() => card.data && card.shadowRoot?.querySelector('[part="name"]'), 8000, 'the card header');
  await waitFor(() => card.shadowRoot?.querySelector('[role="tab"]'), 8000, 'the tabs');
  return card;
}

/** The rendered element of a section (the card renders it once its tab was opened). */
export function section<T extends CardSection = CardSection>(card: CbClientCard, name: SectionName): T | null {
  return card.shadowRoot!.querySelector<T>(`[data-section="${name}"]`);
}

export function inSection<E extends Element = HTMLElement>(card: CbClientCard, name: SectionName, selector: string) {
  return section(card, name)?.shadowRoot?.querySelector<E>(selector) ?? null;
}

export function allInSection<E extends Element = HTMLElement>(
  card: CbClientCard,
  name: SectionName,
  selector: string,
): E[] {
  return [...(section(card, name)?.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

export function tab(card: CbClientCard, name: SectionName): HTMLButtonElement | null {
  return card.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${name}`);
}

/** Opens a section's tab and waits until it shows something other than its skeleton. */
export async function openSection(card: CbClientCard, name: SectionName, ready = '.stack, .error, .empty') {
  tab(card, name)!.click();
  await card.updateComplete;
  await waitFor(
    () => {
      const root = section(card, name)?.shadowRoot;
      return root && !root.querySelector('.skeleton') && root.querySelector(ready);
    },
    8000,
    `the ${name} section`,
  );
  return section(card, name)!;
}

/** Seeded clients sorted by `sort` (e.g. the one with most visits). */
export async function findClients(session: TestSession, sort: string, limit = 1, filter: object = {}) {
  const answer = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', { sort, limit, filter });
  return answer.items;
}

let created = 0;

/** A fresh client of this test run, for tests that change or delete it. */
export async function createClient(session: TestSession, fields: Partial<Client> = {}): Promise<Client> {
  created += 1;
  const unique = String(10000 + ((Date.now() + created * 7919) % 90000));
  return apiCall<Client>(session, 'POST', '/v1/clients', {
    first_name: 'Testy',
    last_name: `Card${created}`,
    phone: `+44 7700 9${unique}`,
    email: `testy.card${unique}@example.com`,
    ...fields,
  });
}

/** A `<dl>` of figures as "label value" lines joined by "; ". */
export function figures(list: Element | null): string {
  return [...(list?.querySelectorAll('dt') ?? [])]
    .map((dt) => `${dt.textContent!.trim()} ${(dt.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim()}`)
    .join('; ');
}

export { waitFor };
