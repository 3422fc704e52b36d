import { expect, oneEvent } from '@open-wc/testing';
import { createClient, findClients, inSection, mountCard, section, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { Category, Client, CustomFieldDefinition, ListAnswer } from '../../api/types.js';
import type { CbClientCard } from '../client-card.component.js';
import type { CbClientUpdatedEvent } from '../events.js';

function field(card: CbClientCard, name: string) {
  return inSection<HTMLInputElement>(card, 'info', `[name="${name}"]`)!;
}

function type(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

async function ready(card: CbClientCard) {
  await waitFor(() => inSection(card, 'info', 'form'), 8000, 'the details form');
  return section(card, 'info')!;
}

function submit(card: CbClientCard) {
  inSection<HTMLButtonElement>(card, 'info', '.actions button[type="submit"]')!.click();
}

describe('cb-client-card info', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('shows every field of the client and the custom fields, and is accessible', async () => {
    const fields = (await apiCall<ListAnswer<CustomFieldDefinition>>(session, 'GET', '/v1/custom-fields')).items;
    const client = await createClient(session, {
      middle_name: 'Q',
      additional_phone: '+44 7700 900111',
      gender: 'female',
      importance: 2,
      discount: 5,
      card_number: 'LC-1234',
      birth_date: '1990-02-03',
      note: 'Prefers mornings',
      marketing_allowed: true,
      custom_fields: { hair_type: 'curly' },
    } as Partial<Client>);
    const card = await mountCard(session, client.id);
    await ready(card);
    expect(field(card, 'first_name').value).to.equal('Testy');
    expect(field(card, 'middle_name').value).to.equal('Q');
    expect(field(card, 'last_name').value).to.equal(client.last_name);
    expect(field(card, 'phone').value).to.equal(client.phone_display);
    expect(field(card, 'additional_phone').value).to.equal('+447700900111');
    expect(field(card, 'email').value).to.equal(client.email);
    expect(field(card, 'gender').value).to.equal('female');
    expect(field(card, 'importance').value).to.equal('2');
    expect(field(card, 'discount').value).to.equal('5');
    expect(field(card, 'card_number').value).to.equal('LC-1234');
    expect(field(card, 'birth_date').value).to.equal('1990-02-03');
    expect(inSection<HTMLTextAreaElement>(card, 'info', '[name="note"]')!.value).to.equal('Prefers mornings');
    expect(field(card, 'marketing_allowed').checked).to.equal(true);
    expect(field(card, 'push_enabled').checked).to.equal(false);
    expect(field(card, 'online_booking_disabled').checked).to.equal(false);
    for (const definition of fields) expect(field(card, `cf.${definition.key}`)).to.not.equal(null);
    expect(field(card, 'cf.hair_type').value).to.equal('curly');
    // Every input has a label.
    const root = section(card, 'info')!.shadowRoot!;
    for (const input of root.querySelectorAll('input:not([type="checkbox"]), select, textarea')) {
      expect(root.querySelector(`label[for="${input.id}"]`), input.id).to.not.equal(null);
    }
    await expect(card).to.be.accessible();
  });

  it('saves changed fields with PATCH, fires cb-client-updated and updates the header', async () => {
    const client = await createClient(session);
    const categories = (await apiCall<ListAnswer<Category>>(session, 'GET', '/v1/categories')).items;
    const vip = categories.find((c) => c.name === 'VIP')!;
    const card = await mountCard(session, client.id);
    const info = await ready(card);
    type(field(card, 'first_name'), 'Renamed');
    type(field(card, 'discount'), '12');
    type(field(card, 'cf.allergies'), 'Latex');
    // The reason field shows once the box is ticked.
    expect(field(card, 'online_booking_disabled_reason')).to.equal(null);
    field(card, 'online_booking_disabled').click();
    await info.updateComplete;
    type(field(card, 'online_booking_disabled_reason'), 'Unpaid deposit');
    const add = inSection<HTMLSelectElement>(card, 'info', '#f-add-category')!;
    add.value = vip.id;
    add.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await info.updateComplete;
    expect(inSection(card, 'info', '.chips')!.textContent).to.contain('VIP');
    const updated = oneEvent<CbClientUpdatedEvent>(card, 'cb-client-updated');
    submit(card);
    const event = await updated;
    expect(event.client.first_name).to.equal('Renamed');
    expect(event.detail.client.id).to.equal(client.id);
    const stored = await apiCall<Client>(session, 'GET', `/v1/clients/${client.id}`);
    expect(stored.first_name).to.equal('Renamed');
    expect(stored.discount).to.equal(12);
    expect(stored.custom_fields.allergies).to.equal('Latex');
    expect(stored.online_booking_disabled).to.equal(true);
    expect(stored.online_booking_disabled_reason).to.equal('Unpaid deposit');
    expect(stored.categories.map((c) => c.name)).to.include('VIP');
    expect(stored.email).to.equal(client.email);
    await card.updateComplete;
    const head = card.shadowRoot!.querySelector('[part="header"]')!;
    expect(head.querySelector('[part="name"]')!.textContent!.trim()).to.equal(stored.name);
    expect(head.querySelector('[data-marker="online-booking-disabled"]')!.textContent).to.contain('Unpaid deposit');
    await info.updateComplete;
    expect(inSection(card, 'info', '[role="status"]')!.textContent).to.contain('Saved');
  });

  it('shows the API field message at the field for an impossible phone, and saves nothing', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id);
    const info = await ready(card);
    type(field(card, 'phone'), '123');
    type(field(card, 'last_name'), 'Changed');
    submit(card);
    const phone = await waitFor(
      () => inSection<HTMLInputElement>(card, 'info', '#f-phone[aria-invalid="true"]'),
      5000,
      'the phone error',
    );
    const message = inSection(card, 'info', `#${phone.getAttribute('aria-describedby')}`)!;
    expect(message.textContent).to.contain('Not a possible phone number');
    expect(inSection(card, 'info', '[role="alert"]')!.textContent).to.contain('need your attention');
    await info.updateComplete;
    expect(info.shadowRoot!.activeElement).to.equal(phone);
    const stored = await apiCall<Client>(session, 'GET', `/v1/clients/${client.id}`);
    expect(stored.last_name).to.equal(client.last_name);
    expect(stored.phone).to.equal(client.phone);
    await expect(card).to.be.accessible();

    // An email the API refuses is reported at the email field, in the reader's language.
    type(field(card, 'phone'), client.phone_display ?? '');
    type(field(card, 'email'), 'not-an-email');
    submit(card);
    await waitFor(() => inSection(card, 'info', '#f-email[aria-invalid="true"]'), 5000, 'the email error');
    expect(inSection(card, 'info', '#e-email')!.textContent).to.match(/email/i);
    expect(inSection(card, 'info', '#f-phone')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('reports a phone another client has', async () => {
    const other = await createClient(session);
    const client = await createClient(session);
    const card = await mountCard(session, client.id);
    await ready(card);
    type(field(card, 'phone'), other.phone!);
    submit(card);
    await waitFor(() => inSection(card, 'info', '#f-phone[aria-invalid="true"]'), 5000, 'the phone error');
    expect(inSection(card, 'info', '#e-phone')!.textContent).to.equal('Another client has this phone number.');
  });

  it('is read-only without clients_write, and offers no delete without clients_delete', async () => {
    const restricted = await testSession({ role: 'receptionist', features: { edit_clients: false } });
    const client = await createClient(session, { note: 'Read me' } as Partial<Client>);
    const card = await mountCard(restricted, client.id);
    await waitFor(() => inSection(card, 'info', '.readonly'), 8000, 'the read-only details');
    expect(inSection(card, 'info', 'form')).to.equal(null);
    expect(inSection(card, 'info', 'input')).to.equal(null);
    expect(inSection(card, 'info', '.danger-zone')).to.equal(null);
    expect(section(card, 'info')!.shadowRoot!.textContent).to.contain('Read me');
    await expect(card).to.be.accessible();
  });

  it('shows a rule-assigned category as by rule, without a remove button, and sends only the manual ones', async () => {
    // A rule only the client with the highest average check meets, on a category of this test's own.
    const [client] = await findClients(session, 'average_check:desc');
    const category = await apiCall<Category>(session, 'POST', '/v1/categories', {
      name: `Top check ${Date.now()}`,
      color: '#7c3aed',
    });
    const rule = await apiCall<{ id: string }>(session, 'POST', '/v1/category-rules', {
      category_id: category.id,
      metric: 'average_check',
      operator: 'gte',
      threshold: client!.average_check,
    });
    const categories = (await apiCall<ListAnswer<Category>>(session, 'GET', '/v1/categories')).items;
    const before = await apiCall<Client>(session, 'GET', `/v1/clients/${client!.id}`);
    const manual = before.categories.filter((c) => c.assigned_by === 'manual').map((c) => c.id);
    try {
      expect(before.categories.find((c) => c.id === category.id)?.assigned_by).to.equal('rule');
      const card = await mountCard(session, client!.id);
      const info = await ready(card);
      const chip = inSection(card, 'info', '.chip[data-assigned-by="rule"]')!;
      expect(chip.textContent).to.contain(category.name);
      expect(chip.textContent).to.contain('by rule');
      expect(chip.getAttribute('title')).to.contain('category rule');
      expect(chip.querySelector('button')).to.equal(null);
      const add = inSection<HTMLSelectElement>(card, 'info', '#f-add-category')!;
      expect([...add.options].map((o) => o.value)).to.not.include(category.id);
      await expect(card).to.be.accessible();

      // Adding a manual category sends the manual ones only; the rule keeps its own.
      const extra = categories.find((c) => c.id !== category.id && !manual.includes(c.id))!;
      add.value = extra.id;
      add.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await info.updateComplete;
      const updated = oneEvent<CbClientUpdatedEvent>(card, 'cb-client-updated');
      submit(card);
      const event = await updated;
      const byId = Object.fromEntries(event.client.categories.map((c) => [c.id, c.assigned_by]));
      expect(byId[category.id]).to.equal('rule');
      expect(byId[extra.id]).to.equal('manual');
      await info.updateComplete;
      expect(inSection(card, 'info', '.chip[data-assigned-by="rule"]')!.querySelector('button')).to.equal(null);
    } finally {
      await apiCall(session, 'PATCH', `/v1/clients/${client!.id}`, { category_ids: manual });
      await apiCall(session, 'DELETE', `/v1/category-rules/${rule.id}`);
      await apiCall(session, 'DELETE', `/v1/categories/${category.id}`);
    }
  });
});
