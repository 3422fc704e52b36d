import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { apiCall, testSession, waitFor } from '../../test/real-api.js';
import type { Client, ListAnswer, Segment } from '../api/types.js';
import type { CbFilterChangeEvent } from '../events/filter-change.js';
import '../provider/provider.js';
import '../client-table/client-table.js';
import type { CbClientTable } from '../client-table/client-table.component.js';
import type { CbClientFilters } from './client-filters.component.js';
import './client-filters.js';

describe('cb-client-filters', () => {
  async function mount() {
    const session = await testSession();
    const provider = await fixture(html`<cb-provider api-base=${session.apiBase} session=${session.session}>
      <cb-client-filters></cb-client-filters>
      <cb-client-table style="--cb-client-table-height: 400px"></cb-client-table>
    </cb-provider>`);
    const filters = provider.querySelector('cb-client-filters') as CbClientFilters;
    const table = provider.querySelector('cb-client-table') as CbClientTable;
    await waitFor(() => table.total !== null, 8000, 'table rows');
    return { session, filters, table, root: filters.shadowRoot! };
  }

  async function addFilter(filters: CbClientFilters, id: string) {
    filters.shadowRoot!.querySelector<HTMLButtonElement>('.add')!.click();
    await filters.updateComplete;
    filters.shadowRoot!.querySelector<HTMLButtonElement>(`.menu [data-filter="${id}"]`)!.click();
    await filters.updateComplete;
  }

  function typeInto(input: HTMLInputElement, value: string) {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }

  it('is accessible, with the add menu and an editor open', async () => {
    const { filters } = await mount();
    await expect(filters).to.be.accessible();
    filters.shadowRoot!.querySelector<HTMLButtonElement>('.add')!.click();
    await filters.updateComplete;
    await expect(filters).to.be.accessible();
    filters.shadowRoot!.querySelector<HTMLButtonElement>('.menu [data-filter="total_sold"]')!.click();
    await filters.updateComplete;
    await expect(filters).to.be.accessible();
  });

  it('adds a money range in major units, sends minor units, and the table follows; removing the chip restores', async () => {
    const { session, filters, table, root } = await mount();
    const all = table.total;
    await addFilter(filters, 'total_sold');
    typeInto(root.querySelector<HTMLInputElement>('.editor input[name="min"]')!, '250');
    const change = oneEvent<CbFilterChangeEvent>(filters, 'cb-filter-change');
    root.querySelector<HTMLButtonElement>('.editor button[type="submit"]')!.click();
    const event = await change;
    expect(event.filter).to.deep.equal({ total_sold_min: 25000 });
    const expected = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      filter: { total_sold_min: 25000 },
      limit: 1,
    });
    await waitFor(() => table.total === expected.total, 5000, 'filtered total');
    expect(expected.total).to.be.lessThan(all!);
    const chip = root.querySelector('.chip[data-filter="total_sold"]')!;
    expect(chip.textContent).to.contain('£250.00');
    chip.querySelector<HTMLButtonElement>('.chip-remove')!.click();
    await waitFor(() => table.total === all, 5000, 'unfiltered total');
  });

  it('filters by a category and saves, reloads and deletes a segment', async () => {
    const { session, filters, table, root } = await mount();
    await waitFor(() => root.querySelectorAll('.menu, .add').length > 0);
    await addFilter(filters, 'categories');
    const categories = await apiCall<ListAnswer<{ id: string; name: string }>>(session, 'GET', '/v1/categories');
    const vip = categories.items.find((c) => c.name === 'VIP')!;
    const select = root.querySelector<HTMLSelectElement>(`.editor select[data-category="${vip.id}"]`)!;
    select.value = 'any';
    select.dispatchEvent(new Event('change'));
    root.querySelector<HTMLButtonElement>('.editor button[type="submit"]')!.click();
    const expected = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      filter: { categories: { any: [vip.id] } },
      limit: 1,
    });
    await waitFor(() => table.total === expected.total, 5000, 'VIP total');
    expect(table.filter).to.deep.equal({ categories: { any: [vip.id] } });

    root.querySelector<HTMLButtonElement>('[data-action="save-segment"]')!.click();
    await filters.updateComplete;
    typeInto(root.querySelector<HTMLInputElement>('.save input')!, 'VIPs');
    root.querySelector<HTMLButtonElement>('.save button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('[role="status"]')!.textContent!.includes('VIPs'), 5000, 'saved');
    const saved = await apiCall<ListAnswer<Segment>>(session, 'GET', '/v1/segments');
    const segment = saved.items.find((s) => s.name === 'VIPs')!;
    expect(segment.filter).to.deep.equal({ categories: { any: [vip.id] } });

    root.querySelector<HTMLButtonElement>('[data-action="clear-all"]')!.click();
    await waitFor(() => Object.keys(table.filter).length === 0);
    const picker = root.querySelector<HTMLSelectElement>('.segments select')!;
    picker.value = segment.id;
    picker.dispatchEvent(new Event('change'));
    await waitFor(() => table.total === expected.total, 5000, 'segment loaded');

    [...root.querySelectorAll<HTMLButtonElement>('.segments button')]
      .find((b) => b.textContent!.includes('Delete'))!
      .click();
    await waitFor(async () => true);
    await waitFor(() => root.querySelector('[role="status"]')!.textContent!.includes('deleted'), 5000, 'deleted');
  });

  it('filters by a custom select field, and the table follows', async () => {
    const { session, filters, table, root } = await mount();
    // The business's custom fields arrive after the first render.
    root.querySelector<HTMLButtonElement>('.add')!.click();
    await waitFor(() => root.querySelector('.menu [data-filter="cf.hair_type"]'), 5000, 'custom field offered');
    root.querySelector<HTMLButtonElement>('.menu [data-filter="cf.hair_type"]')!.click();
    await filters.updateComplete;
    const select = root.querySelector<HTMLSelectElement>('.editor select[name="value"]')!;
    expect([...select.options].map((o) => o.value)).to.include.members(['straight', 'curly']);
    select.value = 'curly';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const change = oneEvent<CbFilterChangeEvent>(filters, 'cb-filter-change');
    root.querySelector<HTMLButtonElement>('.editor button[type="submit"]')!.click();
    expect((await change).filter).to.deep.equal({ custom_fields: { hair_type: 'curly' } });
    const expected = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      filter: { custom_fields: { hair_type: 'curly' } },
      limit: 1,
    });
    await waitFor(() => table.total === expected.total, 5000, 'custom field total');
    expect(root.querySelector('.chip[data-filter="cf.hair_type"]')!.textContent).to.contain('curly');
  });

  it('says in the reader’s language when a segment is already gone', async () => {
    const { session, filters, root } = await mount();
    await addFilter(filters, 'has_debt');
    root.querySelector<HTMLButtonElement>('.editor button[type="submit"]')!.click();
    await filters.updateComplete;
    root.querySelector<HTMLButtonElement>('[data-action="save-segment"]')!.click();
    await filters.updateComplete;
    typeInto(root.querySelector<HTMLInputElement>('.save input')!, 'Owing');
    root.querySelector<HTMLButtonElement>('.save button[type="submit"]')!.click();
    await waitFor(() => root.querySelector('[role="status"]')!.textContent!.includes('Owing'), 5000, 'saved');
    // Another user deletes it meanwhile.
    const saved = await apiCall<ListAnswer<Segment>>(session, 'GET', '/v1/segments');
    await apiCall(session, 'DELETE', `/v1/segments/${saved.items.find((s) => s.name === 'Owing')!.id}`);
    [...root.querySelectorAll<HTMLButtonElement>('.segments button')]
      .find((b) => b.textContent!.includes('Delete'))!
      .click();
    await waitFor(
      () => root.querySelector('[role="status"]')!.textContent!.includes('This item no longer exists.'),
      5000,
      'not-found status',
    );
  });

  it('moves focus into the add menu and closes it on a press outside', async () => {
    const { filters, root } = await mount();
    root.querySelector<HTMLButtonElement>('.add')!.click();
    await filters.updateComplete;
    expect(root.activeElement?.getAttribute('role')).to.equal('menuitem');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await filters.updateComplete;
    expect(root.querySelector('.menu')).to.equal(null);
  });

  it('offers every contract filter in the add menu', async () => {
    const { filters, root } = await mount();
    filters.shadowRoot!.querySelector<HTMLButtonElement>('.add')!.click();
    await filters.updateComplete;
    const ids = [...root.querySelectorAll<HTMLElement>('.menu [data-filter]')].map((b) => b.dataset.filter);
    for (const id of [
      'categories',
      'no_visit_for_days',
      'visits',
      'average_check',
      'balance',
      'has_debt',
      'birthday_within_days',
      'birthday',
      'membership_expires_within_days',
      'gender',
      'location_ids',
      'staff_ids',
      'service_ids',
      'created_after',
      'source',
      'has_mobile_app',
      'importance',
      'marketing_allowed',
      'push_enabled',
    ]) {
      expect(ids).to.include(id);
    }
  });
});
