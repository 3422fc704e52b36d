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
import type { ClientStats } from '../../api/types.js';
import { formatMoney } from '../../format.js';

describe('cb-client-card stats', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('shows the figures, a bar per month and the same numbers as a table', async () => {
    // The seed's history ends mid-2026; a period over it has revenue.
    const [client] = await findClients(session, 'total_sold:desc');
    const expected = await apiCall<ClientStats>(
      session,
      'GET',
      `/v1/clients/${client!.id}/stats?from=2024-01-01&to=2026-11-25`,
    );
    const card = await mountCard(session, client!.id, { sections: 'stats' });
    await openSection(card, 'stats', 'figure, .error');
    const select = inSection<HTMLSelectElement>(card, 'stats', '#period')!;
    select.value = '3y';
    select.dispatchEvent(new Event('change'));
    const stats = await waitFor(
      () => {
        const rows = allInSection(card, 'stats', '#revenue-table tbody tr');
        return rows.length >= 30 ? rows : null;
      },
      5000,
      'three years of months',
    );
    expect(stats.length).to.be.within(35, 37);
    const shown = figures(inSection(card, 'stats', '.figures'));
    expect(shown).to.contain('Average check');
    const bars = allInSection(card, 'stats', 'svg .bar');
    expect(bars.length).to.equal(stats.length);
    const svg = inSection(card, 'stats', 'svg')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    // The table is there for screen readers, and can be shown.
    const table = inSection(card, 'stats', '#revenue-table')!;
    expect(table.classList.contains('visually-hidden')).to.equal(true);
    const toggle = inSection<HTMLButtonElement>(card, 'stats', '[aria-controls="revenue-table"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await card.updateComplete;
    await waitFor(() => !table.classList.contains('visually-hidden'), 2000, 'the visible table');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await expect(card).to.be.accessible();
    // Favourites as the API ranks them for the default period of the card (compared on a fixed range here).
    expect(expected.favourite_services.length).to.be.greaterThan(0);
  });

  it('matches the API for a custom period', async () => {
    const [client] = await findClients(session, 'total_sold:desc');
    const expected = await apiCall<ClientStats>(
      session,
      'GET',
      `/v1/clients/${client!.id}/stats?from=2025-01-01&to=2025-12-31`,
    );
    const card = await mountCard(session, client!.id, { sections: 'stats' });
    await openSection(card, 'stats', 'figure, .error');
    const select = inSection<HTMLSelectElement>(card, 'stats', '#period')!;
    select.value = 'custom';
    select.dispatchEvent(new Event('change'));
    await card.updateComplete;
    const from = await waitFor(() => inSection<HTMLInputElement>(card, 'stats', '#from'), 2000, 'the date inputs');
    const to = inSection<HTMLInputElement>(card, 'stats', '#to')!;
    from.value = '2025-01-01';
    from.dispatchEvent(new Event('input'));
    to.value = '2025-12-31';
    to.dispatchEvent(new Event('input'));
    inSection<HTMLButtonElement>(card, 'stats', '.period button[type="submit"]')!.click();
    await waitFor(
      () => allInSection(card, 'stats', '#revenue-table tbody tr')[0]?.textContent?.includes('January 2025'),
      5000,
      'the custom period',
    );
    const rows = allInSection(card, 'stats', '#revenue-table tbody tr');
    expect(rows.length).to.equal(12);
    expected.revenue_by_month.forEach((month, i) => {
      expect(rows[i]!.textContent).to.contain(formatMoney(month.sold, 'en', 'GBP'));
    });
    const shown = figures(inSection(card, 'stats', '.figures'));
    expect(shown).to.contain(`Visits ${expected.totals.visits}`);
    expect(shown).to.contain(formatMoney(expected.totals.sold, 'en', 'GBP'));
    if (expected.average_check !== null) expect(shown).to.contain(formatMoney(expected.average_check, 'en', 'GBP'));
    expect(shown).to.contain(`No-shows ${expected.no_shows}`);
    expect(shown).to.contain(`Cancellations ${expected.cancellations}`);
    const favourites = inSection(card, 'stats', '.favourites')!.textContent!;
    for (const service of expected.favourite_services) expect(favourites).to.contain(service.name);
    for (const staff of expected.favourite_staff) expect(favourites).to.contain(staff.name);
  });
});
