import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, findClients, mountCard, openSection, section, tab, waitFor } from '../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../test/real-api.js';
import type { Category, Client, ListAnswer } from '../api/types.js';
import { formatMoney } from '../format.js';
import type { CbClientCard } from './client-card.component.js';
import type { CbClientDeletedEvent } from './events.js';

function tabNames(card: CbClientCard): string[] {
  return [...card.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')].map((t) => t.id.replace('tab-', ''));
}

function header(card: CbClientCard): HTMLElement {
  return card.shadowRoot!.querySelector<HTMLElement>('[part="header"]')!;
}

describe('cb-client-card', () => {
  let session: TestSession;
  let categories: Category[];
  before(async () => {
    session = await testSession();
    categories = (await apiCall<ListAnswer<Category>>(session, 'GET', '/v1/categories')).items;
  });

  it('shows the client in the header: name, phone with a WhatsApp link, chips, markers and key figures', async () => {
    const confirmation = categories.find((c) => c.name === 'Requires booking confirmation')!;
    const vip = categories.find((c) => c.name === 'VIP')!;
    const client = await createClient(session, {
      online_booking_disabled: true,
      online_booking_disabled_reason: 'Three no-shows in a row',
      category_ids: [confirmation.id, vip.id],
      discount: 15,
    } as Partial<Client>);
    const card = await mountCard(session, client.id);
    const head = header(card);
    expect(head.querySelector('[part="name"]')!.textContent!.trim()).to.equal(client.name);
    const whatsapp = head.querySelector<HTMLAnchorElement>('[part="whatsapp"]')!;
    expect(whatsapp.href).to.equal(`https://wa.me/${client.phone!.replace(/\D/g, '')}`);
    expect(whatsapp.target).to.equal('_blank');
    expect(whatsapp.rel.split(' ')).to.include('noopener');
    expect(whatsapp.textContent).to.contain('Chat on WhatsApp');
    const chips = [...head.querySelectorAll('[part="chip"]')].map((c) => c.textContent!.trim());
    // The confirmation category shows as a marker, not also as a chip.
    expect(chips).to.deep.equal(['VIP']);
    const disabled = head.querySelector('[data-marker="online-booking-disabled"]')!;
    expect(disabled.textContent).to.contain('Online booking disabled');
    expect(disabled.textContent).to.contain('Three no-shows in a row');
    expect(head.querySelector('[data-marker="requires-confirmation"]')).to.not.equal(null);
    const figures = [...head.querySelectorAll('[part="figure"]')].map((f) =>
      f.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(figures).to.deep.equal([
      'Visits 0',
      'Total sold £0.00',
      'Total paid £0.00',
      'Balance £0.00',
      'Discount 15 %',
    ]);
    await expect(card).to.be.accessible();
  });

  it('shows the seeded figures of a client with history, and what is still due', async () => {
    const [client] = await findClients(session, 'total_sold:desc', 1, { has_debt: true });
    const card = await mountCard(session, client!.id);
    const text = header(card).querySelector('[part="figures"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(formatMoney(client!.total_sold, 'en', 'GBP'));
    expect(text).to.contain(formatMoney(client!.total_paid, 'en', 'GBP'));
    expect(text).to.contain(`${formatMoney(client!.total_sold - client!.total_paid, 'en', 'GBP')} due`);
    expect(text).to.contain(`Visits ${client!.visits_count}`);
  });

  it('offers the sections as ARIA tabs: arrows move focus, Enter opens, each loads when first opened', async () => {
    const [client] = await findClients(session, 'visits_count:desc');
    const card = await mountCard(session, client!.id);
    expect(tabNames(card)).to.deep.equal([
      'info',
      'visits',
      'stats',
      'account',
      'loyalty',
      'ecard',
      'messages',
      'send',
      'notifications',
      'files',
    ]);
    const tablist = card.shadowRoot!.querySelector('[role="tablist"]')!;
    expect(tablist.getAttribute('aria-labelledby')).to.equal('card-name');
    expect(tab(card, 'info')!.getAttribute('aria-selected')).to.equal('true');
    expect(tab(card, 'info')!.tabIndex).to.equal(0);
    expect(tab(card, 'visits')!.tabIndex).to.equal(-1);
    // Only the opened section exists.
    expect(section(card, 'info')).to.not.equal(null);
    expect(section(card, 'visits')).to.equal(null);
    expect(section(card, 'stats')).to.equal(null);

    tab(card, 'info')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(card.shadowRoot!.activeElement?.id).to.equal('tab-visits');
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(card.shadowRoot!.activeElement?.id).to.equal('tab-files');
    await sendKeys({ press: 'Home' });
    expect(card.shadowRoot!.activeElement?.id).to.equal('tab-info');
    await sendKeys({ press: 'End' });
    expect(card.shadowRoot!.activeElement?.id).to.equal('tab-files');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowRight' });
    // Moving focus does not open a section (manual activation: each one costs a request).
    expect(section(card, 'visits')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await card.updateComplete;
    expect(tab(card, 'visits')!.getAttribute('aria-selected')).to.equal('true');
    expect(card.activeSection).to.equal('visits');
    expect(section(card, 'visits')).to.not.equal(null);
    const visitsPanel = card.shadowRoot!.querySelector<HTMLElement>('#panel-visits')!;
    expect(visitsPanel.hidden).to.equal(false);
    expect(visitsPanel.getAttribute('aria-labelledby')).to.equal('tab-visits');
    expect(card.shadowRoot!.querySelector<HTMLElement>('#panel-info')!.hidden).to.equal(true);
    // The info section stays (hidden) with whatever was typed into it.
    expect(section(card, 'info')).to.not.equal(null);
  });

  it('limits the tabs to the sections attribute, in its order, skipping unknown ones and repeats', async () => {
    const [client] = await findClients(session, 'visits_count:desc');
    const card = await mountCard(session, client!.id, { sections: 'visits, info,nonsense,visits' });
    expect(tabNames(card)).to.deep.equal(['visits', 'info']);
    expect(tab(card, 'visits')!.getAttribute('aria-selected')).to.equal('true');
    card.sections = 'stats';
    await card.updateComplete;
    expect(tabNames(card)).to.deep.equal(['stats']);
    expect(card.currentSection).to.equal('stats');
  });

  it('does not offer what the session may not do', async () => {
    const restricted = await testSession({
      role: 'receptionist',
      features: { payments: false, files: false, messages: false, edit_clients: false },
    });
    const [client] = await findClients(session, 'visits_count:desc');
    const card = await mountCard(restricted, client!.id);
    await waitFor(() => !tabNames(card).includes('send'), 5000, 'permissions to arrive');
    expect(tabNames(card)).to.deep.equal([
      'info',
      'visits',
      'stats',
      'account',
      'loyalty',
      'ecard',
      'messages',
      'notifications',
      'files',
    ]);
  });

  it('reports a client it cannot load, with a retry', async () => {
    const own = await testSession();
    const provider = document.createElement('cb-provider');
    provider.setAttribute('api-base', own.apiBase);
    provider.session = own.session;
    const card = document.createElement('cb-client-card');
    card.clientId = '00000000-0000-4000-8000-000000000000';
    provider.append(card);
    document.body.append(provider);
    try {
      const alert = await waitFor(() => card.shadowRoot?.querySelector('[role="alert"]'), 5000, 'the error');
      expect(alert.textContent).to.contain('could not be loaded');
      expect(alert.querySelector('button')!.textContent).to.contain('Retry');
      await expect(card).to.be.accessible();
    } finally {
      provider.remove();
    }
  });

  it('switches client when client-id changes, reopening the first section', async () => {
    const [a, b] = await findClients(session, 'visits_count:desc', 2);
    const card = await mountCard(session, a!.id);
    tab(card, 'stats')!.click();
    await card.updateComplete;
    card.clientId = b!.id;
    card.activeSection = null;
    await waitFor(() => card.data?.id === b!.id, 5000, 'the second client');
    await card.updateComplete;
    expect(header(card).querySelector('[part="name"]')!.textContent!.trim()).to.equal(b!.name);
    expect(section(card, 'stats')).to.equal(null);
  });

  it('speaks German', async () => {
    const [client] = await findClients(session, 'visits_count:desc');
    const card = await mountCard(session, client!.id, { locale: 'de' });
    await waitFor(() => tab(card, 'stats')!.textContent!.trim() === 'Statistik', 5000, 'German tabs');
    expect(tab(card, 'send')!.textContent!.trim()).to.equal('Schreiben');
    expect(header(card).querySelector('[part="whatsapp"]')!.textContent).to.contain('Auf WhatsApp schreiben');
    const provider = card.closest('cb-provider')!;
    provider.setAttribute('locale', 'en');
    await waitFor(() => tab(card, 'stats')!.textContent!.trim() === 'Statistics', 5000, 'English again');
  });

  it('fits 360 px in every section without horizontal scrolling, axe-clean in both themes', async function (this: unknown) {
    (this as unknown as { timeout(ms: number): void }).timeout(90000);
    const [client] = await findClients(session, 'visits_count:desc');
    for (const theme of ['light', 'dark'] as const) {
      const card = await mountCard(session, client!.id, { width: '360px', theme });
      const base = card.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      expect(card.getBoundingClientRect().width).to.equal(360);
      for (const name of tabNames(card)) {
        const opened = await openSection(card, name as never, '.stack, .error, .empty, form, table');
        const overflow = opened.scrollWidth - opened.clientWidth;
        expect(overflow, `${theme} ${name} overflows by ${overflow}px`).to.be.at.most(0);
        expect(base.scrollWidth, `${theme} ${name}`).to.be.at.most(360);
        await expect(card).to.be.accessible();
      }
      card.closest('cb-provider')!.remove();
    }
  });

  it('fires cb-client-deleted with the id from the details section', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id);
    const info = section(card, 'info')!;
    await waitFor(() => info.shadowRoot!.querySelector('.danger-zone button'), 5000, 'the delete button');
    info.shadowRoot!.querySelector<HTMLButtonElement>('.danger-zone button')!.click();
    await info.updateComplete;
    const input = info.shadowRoot!.querySelector<HTMLInputElement>('#f-delete-confirm')!;
    expect(info.shadowRoot!.activeElement).to.equal(input);
    const confirm = info.shadowRoot!.querySelector<HTMLButtonElement>('.danger-zone .button.danger')!;
    expect(confirm.disabled).to.equal(true);
    input.value = 'delete';
    input.dispatchEvent(new Event('input'));
    await info.updateComplete;
    expect(confirm.disabled).to.equal(true);
    input.value = 'DELETE';
    input.dispatchEvent(new Event('input'));
    await info.updateComplete;
    expect(confirm.disabled).to.equal(false);
    const deleted = oneEvent<CbClientDeletedEvent>(card, 'cb-client-deleted');
    confirm.click();
    const event = await deleted;
    expect(event.clientId).to.equal(client.id);
    expect(event.detail).to.deep.equal({ clientId: client.id });
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('.deleted')!.textContent).to.contain('was deleted');
    let status = 0;
    try {
      await apiCall(session, 'GET', `/v1/clients/${client.id}`);
    } catch (error) {
      status = Number(/answered (\d+)/.exec(String(error))?.[1]);
    }
    expect(status).to.equal(404);
  });
});
