import { expect } from '@open-wc/testing';
import { allInSection, createClient, inSection, mountCard, openSection, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { AccountAnswer } from '../../api/types.js';
import type { CbClientCard } from '../client-card.component.js';
import { parseMoney } from '../section.js';

async function transact(card: CbClientCard, kind: 'top_up' | 'charge' | 'refund', amount: string, comment = '') {
  const section = card.shadowRoot!.querySelector('[data-section="account"]')!;
  inSection<HTMLInputElement>(card, 'account', `input[name="kind"][value="${kind}"]`)!.click();
  const input = inSection<HTMLInputElement>(card, 'account', '#amount')!;
  input.value = amount;
  input.dispatchEvent(new Event('input'));
  const note = inSection<HTMLInputElement>(card, 'account', '#comment')!;
  note.value = comment;
  note.dispatchEvent(new Event('input'));
  await (section as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  inSection<HTMLButtonElement>(card, 'account', 'form button[type="submit"]')!.click();
}

function headerBalance(card: CbClientCard): string {
  const figures = [...card.shadowRoot!.querySelectorAll('[part="figure"]')];
  return figures.find((f) => f.querySelector('dt')!.textContent!.includes('Balance'))!.querySelector('dd')!
    .textContent!;
}

describe('cb-client-card account', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('reads amounts as people type them', () => {
    expect(parseMoney('25', 'GBP')).to.equal(2500);
    expect(parseMoney('25.5', 'GBP')).to.equal(2550);
    expect(parseMoney('25,50', 'EUR')).to.equal(2550);
    expect(parseMoney('1.234,50', 'EUR')).to.equal(123450);
    expect(parseMoney('1,234.50', 'GBP')).to.equal(123450);
    expect(parseMoney('£12', 'GBP')).to.equal(1200);
    expect(parseMoney('1500', 'JPY')).to.equal(1500);
    expect(parseMoney('0', 'GBP')).to.equal(null);
    expect(parseMoney('-5', 'GBP')).to.equal(null);
    expect(parseMoney('abc', 'GBP')).to.equal(null);
  });

  it('tops up, then shows the refusal of a charge beyond the balance', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'account' });
    await openSection(card, 'account', '.balance');
    await expect(card).to.be.accessible();
    expect(inSection(card, 'account', '[data-balance]')!.textContent).to.equal('£0.00');

    await transact(card, 'top_up', '25.00', 'Gift from a friend');
    await waitFor(() => inSection(card, 'account', '[data-balance]')!.textContent === '£25.00', 5000, 'the top-up');
    expect(inSection(card, 'account', '.notice.success')!.textContent).to.contain('Balance: £25.00');
    await waitFor(() => allInSection(card, 'account', '.ledger li').length === 1, 5000, 'the ledger row');
    const row = allInSection(card, 'account', '.ledger li')[0]!.textContent!;
    expect(row).to.contain('Top-up');
    expect(row).to.contain('+£25.00');
    expect(row).to.contain('Gift from a friend');
    // The header's balance follows.
    await waitFor(() => headerBalance(card) === '£25.00', 5000, 'the header balance');

    await transact(card, 'charge', '40');
    const alert = await waitFor(
      () => inSection(card, 'account', '.notice.danger[role="alert"]:not(:empty)'),
      5000,
      'the refusal',
    );
    expect(alert.textContent).to.equal('Not enough money on the account: the balance is £25.00.');
    const ledger = await apiCall<AccountAnswer>(session, 'GET', `/v1/clients/${client.id}/account`);
    expect(ledger.balance).to.equal(2500);
    expect(ledger.total).to.equal(1);
    await expect(card).to.be.accessible();

    await transact(card, 'charge', '10');
    await waitFor(() => inSection(card, 'account', '[data-balance]')!.textContent === '£15.00', 5000, 'the charge');
    expect(allInSection(card, 'account', '.ledger li')[0]!.textContent).to.contain('−£10.00');
  });

  it('asks for a usable amount before calling the API', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'account' });
    await openSection(card, 'account', '.balance');
    await transact(card, 'top_up', 'ten');
    const input = await waitFor(
      () => inSection<HTMLInputElement>(card, 'account', '#amount[aria-invalid="true"]'),
      3000,
      'the amount error',
    );
    expect(inSection(card, 'account', '#amount-error')!.textContent).to.contain('above zero');
    expect(card.shadowRoot!.querySelector('[data-section="account"]')!.shadowRoot!.activeElement).to.equal(input);
  });

  it('offers no form to a session without payments', async () => {
    const restricted = await testSession({ features: { payments: false } });
    const client = await createClient(session);
    await apiCall(session, 'POST', `/v1/clients/${client.id}/account/transactions`, { kind: 'top_up', amount: 700 });
    const card = await mountCard(restricted, client.id, { sections: 'account' });
    await openSection(card, 'account', '.balance');
    await waitFor(() => inSection(card, 'account', '.ledger li'), 5000, 'the ledger');
    expect(inSection(card, 'account', 'form')).to.equal(null);
    expect(inSection(card, 'account', '[data-balance]')!.textContent).to.equal('£7.00');
  });
});
