import { expect, fixture, html } from '@open-wc/testing';
import { apiCall, testSession, waitFor } from '../../test/real-api.js';
import type { Client, ListAnswer } from '../api/types.js';
import '../provider/provider.js';
import type { CbClientTable } from './client-table.component.js';
import './client-table.js';

// Backed by a real database of 1,000,000 bare clients (built once on first use, ~20 s; see web-test-runner.config.mjs).
describe('cb-client-table with 1,000,000 clients', function () {
  (this as { timeout(ms: number): void }).timeout(90_000);

  function loadedRows(table: CbClientTable) {
    return [...table.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')];
  }

  async function settle(table: CbClientTable, what: string) {
    await waitFor(
      () => {
        const rows = loadedRows(table);
        return rows.length > 0 && rows.every((row) => row.dataset.id) && rows;
      },
      20_000,
      what,
    );
  }

  /** Every rendered row shows the client the API has at its aria-rowindex. */
  async function expectRowsMatchApi(
    table: CbClientTable,
    session: { apiBase: string; session: string; clients: number },
  ) {
    const rows = loadedRows(table).sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    const first = Number(rows[0]!.getAttribute('aria-rowindex')) - 2;
    const answer = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', {
      sort: 'name:asc',
      offset: first,
      limit: rows.length,
    });
    rows.forEach((row, i) => {
      expect(Number(row.getAttribute('aria-rowindex'))).to.equal(first + i + 2);
      expect(row.dataset.id).to.equal(answer.items[i]!.id);
    });
    return first;
  }

  it('keeps the DOM small at the top, the middle and the end, showing the right windows', async () => {
    const session = await testSession({ bulk: true });
    const provider = await fixture(html`<cb-provider api-base=${session.apiBase} session=${session.session}>
      <cb-client-table style="--cb-client-table-height: 600px"></cb-client-table>
    </cb-provider>`);
    const table = provider.querySelector('cb-client-table') as CbClientTable;
    await waitFor(() => table.total !== null, 60_000, 'the total');
    expect(table.total).to.equal(1_000_000);
    await settle(table, 'top rows');
    await expect(table).to.be.accessible();
    const grid = table.shadowRoot!.querySelector('[role="grid"]')!;
    expect(grid.getAttribute('aria-rowcount')).to.equal('1000001');
    expect(loadedRows(table).length).to.be.lessThan(80);
    expect(await expectRowsMatchApi(table, session)).to.equal(0);

    const scroller = table.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    // The scrollbar stands for every row, within the browser's element height limit.
    expect(scroller.scrollHeight).to.be.greaterThan(5_000_000);

    scroller.scrollTop = (scroller.scrollHeight - scroller.clientHeight) / 2;
    await waitFor(() => loadedRows(table).some((row) => Number(row.dataset.index) > 400_000), 5000, 'middle window');
    await settle(table, 'middle rows');
    expect(loadedRows(table).length).to.be.lessThan(80);
    const middle = await expectRowsMatchApi(table, session);
    expect(middle).to.be.within(480_000, 520_000);

    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => loadedRows(table).some((row) => row.dataset.index === '999999'), 5000, 'last window');
    await settle(table, 'last rows');
    expect(loadedRows(table).length).to.be.lessThan(80);
    await expectRowsMatchApi(table, session);
    const last = loadedRows(table).find((row) => row.dataset.index === '999999')!;
    expect(last.getAttribute('aria-rowindex')).to.equal('1000001');
    // The last row is fully inside the viewport.
    const lastBox = last.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    expect(lastBox.bottom).to.be.at.most(box.bottom + 1);
    expect(lastBox.top).to.be.at.least(box.top);
  });
});
