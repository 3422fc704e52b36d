import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { apiCall, type TestSession, testSession, waitFor } from '../../test/real-api.js';
import type { Client, ListAnswer } from '../api/types.js';
import type { CbClientOpenEvent } from '../events/client-open.js';
import type { CbSelectionChangeEvent } from '../events/selection-change.js';
import { getLocale } from '../localize.js';
import type { CbProvider } from '../provider/provider.component.js';
import '../provider/provider.js';
import type { CbClientTable } from './client-table.component.js';
import './client-table.js';

async function mount(session: TestSession, attributes = html``, selectable = true) {
  const provider = await fixture(html`<cb-provider api-base=${session.apiBase} session=${session.session}>
    <cb-client-table ?selectable=${selectable} style="--cb-client-table-height: 520px; width: 1100px">${attributes}</cb-client-table>
  </cb-provider>`);
  const table = provider.querySelector('cb-client-table') as CbClientTable;
  await waitFor(() => table.total !== null && rowsOf(table).some((row) => row.dataset.id), 8000, 'first rows');
  return table;
}

function rowsOf(table: CbClientTable): HTMLElement[] {
  return [...table.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')];
}

function names(table: CbClientTable): string[] {
  return rowsOf(table)
    .filter((row) => row.dataset.id)
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((row) => row.querySelector('.name')?.textContent?.trim() ?? '');
}

function header(table: CbClientTable, column: string): HTMLElement {
  return table.shadowRoot!.querySelector<HTMLElement>(`[role="columnheader"][data-column="${column}"]`)!;
}

function button(table: CbClientTable, selector: string): HTMLButtonElement {
  return table.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;
}

describe('cb-client-table', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('is accessible and renders real clients with formatted money', async () => {
    const table = await mount(session);
    await expect(table).to.be.accessible();
    const expected = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      sort: 'name:asc',
      limit: 5,
    });
    expect(table.total).to.equal(expected.total);
    expect(names(table).slice(0, 5)).to.deep.equal(expected.items.map((client) => client.name));
    const grid = table.shadowRoot!.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal(String(expected.total + 1));
    const first = rowsOf(table).find((row) => row.dataset.index === '0')!;
    expect(first.getAttribute('aria-rowindex')).to.equal('2');
    const sold = first.querySelector('[data-column="total_sold"]')!.textContent!.trim();
    expect(sold).to.match(/^£[\d,]+\.\d\d$/);
  });

  it('sorts by a header click, toggles the direction and sets aria-sort', async () => {
    const table = await mount(session);
    expect(header(table, 'name').getAttribute('aria-sort')).to.equal('ascending');
    header(table, 'total_sold').querySelector('button')!.click();
    await waitFor(() => table.sort === 'total_sold:asc' && table.total !== null && names(table).length > 0);
    expect(table.getAttribute('sort')).to.equal('total_sold:asc');
    expect(header(table, 'total_sold').getAttribute('aria-sort')).to.equal('ascending');
    expect(header(table, 'name').getAttribute('aria-sort')).to.equal('none');
    header(table, 'total_sold').querySelector('button')!.click();
    const expected = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      sort: 'total_sold:desc',
      limit: 5,
    });
    await waitFor(() => names(table)[0] === expected.items[0]?.name, 5000, 'descending rows');
    expect(header(table, 'total_sold').getAttribute('aria-sort')).to.equal('descending');
    expect(names(table).slice(0, 5)).to.deep.equal(expected.items.map((client) => client.name));
  });

  it('hides a column from the cog menu and keeps the choice for the user', async () => {
    const own = await testSession();
    const table = await mount(own);
    button(table, '.columns-button').click();
    await table.updateComplete;
    await expect(table).to.be.accessible();
    const phone = table.shadowRoot!.querySelector<HTMLInputElement>('.column-menu li[data-column="phone"] input')!;
    expect(phone.checked).to.equal(true);
    phone.click();
    await table.updateComplete;
    expect(header(table, 'phone')).to.equal(null);
    await table.flushPreferences();
    const saved = await apiCall<{ value: { visible: string[] } }>(own, 'GET', '/v1/me/preferences/client-table');
    expect(saved.value.visible).to.not.include('phone');

    table.closest('cb-provider')!.remove();
    const again = await mount(own);
    await waitFor(() => header(again, 'phone') === null, 3000, 'saved column choice');
  });

  it('locks up to five columns to the left in the order chosen and refuses a sixth with a hint', async () => {
    const table = await mount(await testSession());
    button(table, '.columns-button').click();
    await table.updateComplete;
    const lock = (id: string) =>
      table.shadowRoot!.querySelector<HTMLButtonElement>(`.column-menu li[data-column="${id}"] .lock`)!.click();
    for (const id of ['balance', 'email', 'name', 'phone', 'visits_count']) {
      lock(id);
      await table.updateComplete;
    }
    const order = [...table.shadowRoot!.querySelectorAll<HTMLElement>('.header [data-column]')].map(
      (h) => h.dataset.column,
    );
    expect(order.slice(0, 5)).to.deep.equal(['balance', 'email', 'name', 'phone', 'visits_count']);
    expect(getComputedStyle(header(table, 'email')).position).to.equal('sticky');
    lock('total_sold');
    await table.updateComplete;
    const hint = table.shadowRoot!.querySelector('[part="hint"]')!;
    expect(hint.getAttribute('role')).to.equal('status');
    expect(hint.textContent).to.contain('up to five columns');
    expect(
      table.shadowRoot!.querySelector('.column-menu li[data-column="total_sold"] .lock')!.getAttribute('aria-pressed'),
    ).to.equal('false');
    expect(getComputedStyle(header(table, 'total_sold')).position).to.not.equal('sticky');
  });

  it('selects ids, a page, and all matching as a filter selection with exceptions', async () => {
    const table = await mount(session);
    const rows = rowsOf(table).filter((row) => row.dataset.id);
    const first = rows.find((row) => row.dataset.index === '0')!;
    const second = rows.find((row) => row.dataset.index === '1')!;
    let change = oneEvent<CbSelectionChangeEvent>(table, 'cb-selection-change');
    first.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    let event = await change;
    expect(event.selection).to.deep.equal({ ids: [first.dataset.id] });
    expect(event.count).to.equal(1);
    expect(first.getAttribute('aria-selected')).to.equal('true');
    await table.updateComplete;
    // The box shows what was chosen (a cancelled click would put it back unticked).
    const box = (index: string) =>
      rowsOf(table)
        .find((row) => row.dataset.index === index)!
        .querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box('0').checked).to.equal(true);

    change = oneEvent<CbSelectionChangeEvent>(table, 'cb-selection-change');
    table.shadowRoot!.querySelector<HTMLInputElement>('.header input[type="checkbox"]')!.click();
    event = await change;
    const ids = (event.selection as { ids: string[] }).ids;
    expect(ids.length).to.be.greaterThan(5).and.lessThan(20);
    expect(ids).to.include(second.dataset.id);
    await table.updateComplete;
    expect(table.shadowRoot!.querySelector<HTMLInputElement>('.header input[type="checkbox"]')!.checked).to.equal(true);
    expect(box('1').checked).to.equal(true);

    change = oneEvent<CbSelectionChangeEvent>(table, 'cb-selection-change');
    button(table, '[data-action="select-all"]').click();
    event = await change;
    expect(event.selection).to.deep.equal({ filter: {}, query: '', except_ids: [] });
    expect(event.count).to.equal(table.total);

    await table.updateComplete;
    change = oneEvent<CbSelectionChangeEvent>(table, 'cb-selection-change');
    rowsOf(table)
      .find((row) => row.dataset.index === '1')!
      .querySelector<HTMLInputElement>('input[type="checkbox"]')!
      .click();
    event = await change;
    expect(event.selection).to.deep.equal({ filter: {}, query: '', except_ids: [second.dataset.id] });
    expect(event.count).to.equal(table.total! - 1);
    await table.updateComplete;
    expect(box('1').checked).to.equal(false);
    expect(box('0').checked).to.equal(true);
  });

  it('moves a roving focus with the arrow keys, toggles with Space and opens with Enter', async () => {
    const table = await mount(session);
    const nameHeader = header(table, 'name');
    nameHeader.focus();
    await sendKeys({ press: 'ArrowDown' });
    await table.updateComplete;
    let focused = table.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.row).to.equal('0');
    expect(focused.getAttribute('tabindex')).to.equal('0');
    const startColumn = Number(focused.dataset.col);
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => (table.shadowRoot!.activeElement as HTMLElement | null)?.dataset.row === '1', 3000, 'row 1');
    await sendKeys({ press: 'ArrowRight' });
    // Each key moves the roving focus by exactly one cell; wait for the move rather than racing it.
    await waitFor(
      () => Number((table.shadowRoot!.activeElement as HTMLElement | null)?.dataset.col) === startColumn + 1,
      3000,
      'one column right',
    );
    focused = table.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.row).to.equal('1');
    expect(focused.dataset.column, `col ${focused.dataset.col}`).to.equal('phone');
    await sendKeys({ press: 'Home' });
    focused = table.shadowRoot!.activeElement as HTMLElement;
    expect(focused.dataset.col).to.equal('0');

    const change = oneEvent<CbSelectionChangeEvent>(table, 'cb-selection-change');
    await sendKeys({ press: 'Space' });
    expect(((await change).selection as { ids: string[] }).ids).to.have.length(1);

    await sendKeys({ press: 'PageDown' });
    await waitFor(() => Number((table.shadowRoot!.activeElement as HTMLElement | null)?.dataset.row) > 5);
    const row = Number((table.shadowRoot!.activeElement as HTMLElement).dataset.row);
    const open = oneEvent<CbClientOpenEvent>(table, 'cb-client-open');
    await sendKeys({ press: 'Enter' });
    const opened = await open;
    const expected = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      sort: 'name:asc',
      offset: row,
      limit: 1,
    });
    expect(opened.clientId).to.equal(expected.items[0]!.id);
    expect(opened.detail).to.deep.equal({ clientId: expected.items[0]!.id });
  });

  it('opens a client by clicking the name', async () => {
    const table = await mount(session);
    const first = rowsOf(table).find((row) => row.dataset.index === '0')!;
    const open = oneEvent<CbClientOpenEvent>(table, 'cb-client-open');
    first.querySelector<HTMLButtonElement>('.name')!.click();
    expect((await open).clientId).to.equal(first.dataset.id);
  });

  it('finds a client by a phone typed in another format, and shows the empty state', async () => {
    const table = await mount(session);
    const sample = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      sort: 'created_at:desc',
      limit: 1,
    });
    const client = sample.items[0]!;
    // +447400123456 typed the national way: 07400 123456
    const national = `0${client.phone!.slice(3, 7)} ${client.phone!.slice(7)}`;
    const input = table.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    await sendKeys({ type: national });
    button(table, '.search button[type="submit"]').click();
    await waitFor(() => table.total === 1 && names(table)[0] === client.name, 5000, 'phone search');
    expect(table.getAttribute('query')).to.equal(national);

    table.query = 'zzzz-no-such-client';
    await waitFor(() => table.total === 0, 5000, 'empty result');
    await table.updateComplete;
    const empty = table.shadowRoot!.querySelector('[part="empty"]')!;
    expect(empty.textContent).to.contain('No clients match');
    await expect(table).to.be.accessible();
  });

  it('shows an error with Retry when the API refuses the filter', async () => {
    const table = await mount(session);
    table.filter = { visits_min: -5 } as never;
    await waitFor(() => table.shadowRoot!.querySelector('[part="error"]'), 5000, 'error state');
    table.filter = {};
    await waitFor(() => table.total !== null && !table.shadowRoot!.querySelector('[part="error"]'), 5000, 'recovery');
  });

  it('renders texts, money and dates in German for locale de, and switches back to English', async () => {
    const provider =
      await fixture<CbProvider>(html`<cb-provider api-base=${session.apiBase} session=${session.session} locale="de">
      <cb-client-table style="--cb-client-table-height: 400px"></cb-client-table>
    </cb-provider>`);
    const table = provider.querySelector('cb-client-table') as CbClientTable;
    await waitFor(() => names(table).length > 0 && table.shadowRoot!.textContent!.includes('£'), 8000, 'rows');
    await waitFor(() => getLocale() === 'de', 5000, 'German texts');
    await table.updateComplete;
    const search = table.shadowRoot!.querySelector<HTMLInputElement>('[part="search-input"]')!;
    expect(search.getAttribute('aria-label')).to.equal('Kunden suchen');
    expect(search.placeholder).to.equal('Name, Telefon, E-Mail oder Kartennummer');
    expect(header(table, 'visits_count').textContent).to.contain('Besuche');
    expect(table.shadowRoot!.querySelector('.count')!.textContent).to.match(/^[\d.]+ Kunden$/);
    const sold = rowsOf(table)[0]!.querySelector('[data-column="total_sold"]')!.textContent!.trim();
    expect(sold).to.match(/^[\d.]+,\d\d\s£$/);

    // @localized() re-renders the table when the provider switches the page's locale.
    provider.locale = 'en-GB';
    await waitFor(() => getLocale() === 'en', 5000, 'English texts');
    await table.updateComplete;
    expect(search.getAttribute('aria-label')).to.equal('Search clients');
    expect(header(table, 'visits_count').textContent).to.contain('Visits');
    expect(table.shadowRoot!.querySelector('.count')!.textContent).to.match(/^[\d,]+ clients$/);
  });
});
