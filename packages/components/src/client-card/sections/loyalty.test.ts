import { expect } from '@open-wc/testing';
import { allInSection, createClient, inSection, mountCard, openSection, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { Client, ListAnswer, LoyaltyCard, LoyaltyOverview } from '../../api/types.js';
import type { CbClientCard } from '../client-card.component.js';

function cardItem(card: CbClientCard, id: string) {
  return inSection(card, 'loyalty', `[data-card="${id}"]`)!;
}

async function transact(card: CbClientCard, id: string, kind: 'accrue' | 'write_off', amount: string) {
  const item = cardItem(card, id);
  const section = card.shadowRoot!.querySelector('[data-section="loyalty"]') as HTMLElement & {
    updateComplete: Promise<unknown>;
  };
  // The form opens from its button and keeps focus in the amount field.
  const open = item.querySelector<HTMLButtonElement>('[data-action="open-form"]');
  if (open) {
    open.click();
    await section.updateComplete;
    expect(section.shadowRoot!.activeElement?.id).to.equal(`amount-${id}`);
  }
  item.querySelector<HTMLInputElement>(`input[value="${kind}"]`)!.click();
  await section.updateComplete;
  const input = item.querySelector<HTMLInputElement>(`#amount-${id}`)!;
  input.value = amount;
  input.dispatchEvent(new Event('input'));
  await section.updateComplete;
  item.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click();
}

describe('cb-client-card loyalty', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('shows every card the API lists with its balance and history', async () => {
    const clients = (
      await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
        sort: 'visits_count:desc',
        limit: 200,
      })
    ).items;
    let client: Client | undefined;
    let overview: LoyaltyOverview | undefined;
    for (const candidate of clients) {
      const answer = await apiCall<LoyaltyOverview>(session, 'GET', `/v1/clients/${candidate.id}/loyalty`);
      if (answer.status.loyalty_card_id && answer.items.some((c) => c.transactions.length > 0)) {
        client = candidate;
        overview = answer;
        break;
      }
    }
    expect(client, 'a seeded client with a loyalty card').to.not.equal(undefined);
    const card = await mountCard(session, client!.id, { sections: 'loyalty' });
    await openSection(card, 'loyalty', '.figures');
    expect(inSection(card, 'loyalty', '[data-bonus]')!.textContent).to.equal(
      `${overview!.status.bonus_balance.toLocaleString('en')} points`,
    );
    const items = allInSection(card, 'loyalty', '[data-card]');
    expect(items.map((i) => i.dataset.card)).to.deep.equal(overview!.items.map((c) => c.id));
    const loyaltyCard = overview!.items.find((c) => c.id === overview!.status.loyalty_card_id)!;
    const item = cardItem(card, loyaltyCard.id);
    expect(item.textContent).to.contain(loyaltyCard.number);
    const rows = item.querySelectorAll('.history li');
    expect(rows.length).to.equal(Math.min(5, loyaltyCard.transactions.length));
    await expect(card).to.be.accessible();
  });

  it('issues a loyalty card, accrues bonuses and shows the refusal of a write-off beyond the balance', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'loyalty' });
    const section = await openSection(card, 'loyalty', '.empty');
    inSection<HTMLButtonElement>(card, 'loyalty', '.disclosure')!.click();
    await section.updateComplete;
    await expect(card).to.be.accessible();
    inSection<HTMLButtonElement>(card, 'loyalty', 'form button[type="submit"]')!.click();
    const issued = await waitFor(() => inSection(card, 'loyalty', '.notice.success:not(:empty)'), 5000, 'the card');
    expect(issued.textContent).to.match(/^Card LC\d{8} issued\.$/);
    const overview = await apiCall<LoyaltyOverview>(session, 'GET', `/v1/clients/${client.id}/loyalty`);
    const id = overview.status.loyalty_card_id!;
    await waitFor(() => inSection(card, 'loyalty', `[data-card="${id}"]`), 5000, 'the new card');
    // A loyalty card fills the client's card number, which the header's figures come from.
    expect(inSection(card, 'loyalty', '.figures')!.textContent).to.contain(overview.items[0]!.number);

    await transact(card, id, 'accrue', '150');
    await waitFor(
      () => cardItem(card, id).querySelector('[data-balance]')?.textContent === '150 points',
      5000,
      'the accrual',
    );
    expect(cardItem(card, id).querySelector('.notice.success')!.textContent).to.contain('150 points');

    await transact(card, id, 'write_off', '400');
    const refusal = await waitFor(
      () => cardItem(card, id).querySelector('.notice.danger:not(:empty)'),
      5000,
      'the refusal',
    );
    expect(refusal.textContent).to.equal('Not enough on the card: it holds 150 points.');
    expect(refusal.getAttribute('role')).to.equal('alert');
    const after = await apiCall<LoyaltyOverview>(session, 'GET', `/v1/clients/${client.id}/loyalty`);
    expect(after.status.bonus_balance).to.equal(150);

    // A second loyalty card is refused.
    inSection<HTMLButtonElement>(card, 'loyalty', '.disclosure')!.click();
    await section.updateComplete;
    inSection<HTMLButtonElement>(card, 'loyalty', 'form.panel button[type="submit"]')!.click();
    await waitFor(
      () =>
        inSection(card, 'loyalty', 'form.panel .notice.danger')?.textContent?.includes('already has a loyalty card'),
      5000,
      'the refusal of a second card',
    );
  });

  it('issues a gift card with its initial value, and deletes a card keeping it flagged', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'loyalty' });
    const section = await openSection(card, 'loyalty', '.empty');
    inSection<HTMLButtonElement>(card, 'loyalty', '.disclosure')!.click();
    await section.updateComplete;
    inSection<HTMLInputElement>(card, 'loyalty', 'input[name="issue-kind"][value="gift_card"]')!.click();
    await section.updateComplete;
    const value = inSection<HTMLInputElement>(card, 'loyalty', '#issue-balance')!;
    value.value = '50';
    value.dispatchEvent(new Event('input'));
    inSection<HTMLButtonElement>(card, 'loyalty', 'form button[type="submit"]')!.click();
    const item = await waitFor(() => inSection(card, 'loyalty', '[data-card]'), 5000, 'the gift card');
    expect(item.querySelector('[data-balance]')!.textContent).to.equal('£50.00');
    expect(item.textContent).to.contain('Gift card');

    item.querySelector<HTMLButtonElement>('[data-action="delete-card"]')!.click();
    await section.updateComplete;
    const confirm = item.querySelector<HTMLButtonElement>('[data-action="confirm-delete"]')!;
    expect(section.shadowRoot!.activeElement).to.equal(confirm);
    confirm.click();
    await waitFor(() => inSection(card, 'loyalty', '[data-card] .badge.danger'), 5000, 'the deleted flag');
    const cards = (await apiCall<LoyaltyOverview>(session, 'GET', `/v1/clients/${client.id}/loyalty`)).items;
    expect((cards[0] as LoyaltyCard).deleted).to.equal(true);
    expect(inSection(card, 'loyalty', '[data-card] form')).to.equal(null);
  });

  it('offers no writes without loyalty permission', async () => {
    const client = await createClient(session);
    await apiCall(session, 'POST', `/v1/clients/${client.id}/loyalty-cards`, { kind: 'loyalty' });
    const restricted = await testSession({ features: { payments: false } });
    const card = await mountCard(restricted, client.id, { sections: 'loyalty' });
    await openSection(card, 'loyalty', '[data-card]');
    expect(inSection(card, 'loyalty', 'form')).to.equal(null);
    expect(inSection(card, 'loyalty', '.disclosure')).to.equal(null);
    expect(inSection(card, 'loyalty', '[data-action="delete-card"]')).to.equal(null);
  });
});
