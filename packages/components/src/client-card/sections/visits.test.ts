import { expect } from '@open-wc/testing';
import {
  allInSection,
  figures,
  findClients,
  inSection,
  mountCard,
  openSection,
  waitFor,
} from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { VisitList } from '../../api/types.js';
import { formatMoney } from '../../format.js';
import type { CbClientCard } from '../client-card.component.js';

function visitItems(card: CbClientCard) {
  return allInSection(card, 'visits', 'ol.list > li');
}

describe('cb-client-card visits', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('lists the visits the API answers, newest first, with totals, lines and payments', async () => {
    const [client] = await findClients(session, 'visits_count:desc');
    const expected = await apiCall<VisitList>(session, 'GET', `/v1/clients/${client!.id}/visits?limit=10`);
    const card = await mountCard(session, client!.id, { sections: 'visits' });
    await openSection(card, 'visits', 'ol.list');
    const totals = figures(inSection(card, 'visits', '.figures'));
    expect(totals).to.contain(`Visits ${expected.totals.visits}`);
    expect(totals).to.contain(formatMoney(expected.totals.sold, 'en', 'GBP'));
    expect(totals).to.contain(formatMoney(expected.totals.paid, 'en', 'GBP'));
    expect(totals).to.contain(formatMoney(expected.totals.due, 'en', 'GBP'));
    const items = visitItems(card);
    expect(items.length).to.equal(Math.min(10, expected.total));
    const first = expected.items[0]!;
    const text = items[0]!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(formatMoney(first.total, 'en', 'GBP'));
    for (const line of first.services) expect(text).to.contain(line.name);
    if (first.location) expect(text).to.contain(first.location.name);
    if (first.staff) expect(text).to.contain(first.staff.name);
    expect(inSection(card, 'visits', '.more')!.textContent).to.contain(`10 of ${expected.total}`);
    await expect(card).to.be.accessible();
  });

  it('filters unpaid and debt visits, and pages with Show more', async () => {
    const [client] = await findClients(session, 'visits_count:desc', 1, { has_debt: true });
    const debt = await apiCall<VisitList>(session, 'GET', `/v1/clients/${client!.id}/visits?type=debt&limit=10`);
    const all = await apiCall<VisitList>(session, 'GET', `/v1/clients/${client!.id}/visits?type=all&limit=100`);
    const card = await mountCard(session, client!.id, { sections: 'visits' });
    const visits = await openSection(card, 'visits', 'ol.list');
    const radio = inSection<HTMLInputElement>(card, 'visits', 'input[value="debt"]')!;
    radio.click();
    await waitFor(() => visitItems(card).length === Math.min(10, debt.total), 5000, 'the debt visits');
    expect(inSection(card, 'visits', '.figures')!.textContent).to.contain(formatMoney(debt.totals.due, 'en', 'GBP'));
    for (const item of visitItems(card)) expect(item.textContent).to.contain('Due');

    inSection<HTMLInputElement>(card, 'visits', 'input[value="all"]')!.click();
    await waitFor(() => visitItems(card).length === Math.min(10, all.total), 5000, 'all visits');
    if (all.total > 10) {
      inSection<HTMLButtonElement>(card, 'visits', '.more button')!.click();
      await waitFor(() => visitItems(card).length === Math.min(20, all.total), 5000, 'the next page');
      expect(visits.shadowRoot!.textContent).to.contain(`${Math.min(20, all.total)} of ${all.total}`);
    }
  });

  it('says so when there are no visits of a kind', async () => {
    const [client] = await findClients(session, 'visits_count:asc', 1, { visits_max: 0 });
    const card = await mountCard(session, client!.id, { sections: 'visits' });
    await openSection(card, 'visits', '.empty');
    expect(inSection(card, 'visits', '.empty')!.textContent).to.contain('No visits yet');
    await expect(card).to.be.accessible();
  });
});
