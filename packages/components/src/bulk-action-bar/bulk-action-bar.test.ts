import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { apiCall, type TestSession, type TestSessionOptions, testSession, waitFor } from '../../test/real-api.js';
import type { Client, ListAnswer } from '../api/types.js';
import type { CbClientTable } from '../client-table/client-table.component.js';
import type { CbBulkDoneEvent } from '../events/bulk-done.js';
import '../provider/provider.js';
import '../client-table/client-table.js';
import type { CbBulkActionBar } from './bulk-action-bar.component.js';
import './bulk-action-bar.js';

let created = 0;

/** Clients of their own, named `tag`, so a test's search finds exactly them. */
async function createClients(session: TestSession, tag: string, fields: Partial<Client>[]): Promise<Client[]> {
  const clients: Client[] = [];
  for (const extra of fields) {
    created += 1;
    const unique = String(10000 + ((Date.now() + created * 7919) % 90000));
    clients.push(
      await apiCall<Client>(session, 'POST', '/v1/clients', {
        first_name: tag,
        last_name: `Bulk${created}`,
        phone: `+44 7700 9${unique}`,
        ...extra,
      }),
    );
  }
  return clients;
}

async function mount(options: TestSessionOptions & { theme?: 'light' | 'dark' } = {}) {
  const session = await testSession(options);
  const provider = await fixture(html`<cb-provider
    api-base=${session.apiBase}
    session=${session.session}
    theme=${options.theme ?? 'light'}
  >
    <cb-bulk-action-bar></cb-bulk-action-bar>
    <cb-client-table selectable style="--cb-client-table-height: 400px"></cb-client-table>
  </cb-provider>`);
  const bar = provider.querySelector('cb-bulk-action-bar') as CbBulkActionBar;
  const table = provider.querySelector('cb-client-table') as CbClientTable;
  await waitFor(() => table.total !== null, 8000, 'table rows');
  return { session, bar, table, root: bar.shadowRoot as ShadowRoot };
}

/** Narrows the table to `tag` and waits for its `count` rows. */
async function search(table: CbClientTable, tag: string, count: number) {
  table.query = tag;
  await waitFor(
    () => table.total === count && table.shadowRoot!.querySelectorAll('[part~="row"][data-id]').length === count,
    8000,
    `${count} rows of ${tag}`,
  );
}

function tickRows(table: CbClientTable) {
  for (const box of table.shadowRoot!.querySelectorAll<HTMLInputElement>(
    '[part~="row"][data-id] input[type="checkbox"]',
  ))
    box.click();
}

async function openDialog(bar: CbBulkActionBar, action: string) {
  const root = bar.shadowRoot!;
  await waitFor(() => root.querySelector(`[data-action="${action}"]`), 5000, `the ${action} button`);
  root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click();
  await waitFor(() => root.querySelector('dialog')?.open && root.querySelector(`form[data-dialog="${action}"]`));
  return root.querySelector('dialog') as HTMLDialogElement;
}

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const submitButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('dialog [data-submit]')!;
const summary = (root: ShadowRoot) => root.querySelector('[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim();

describe('cb-bulk-action-bar', () => {
  it('is hidden without a selection, then says what it acts on', async () => {
    const { session, bar, table, root } = await mount();
    expect(bar.hidden).to.equal(true);
    const tag = `Appear${Date.now()}`;
    await createClients(session, tag, [{}, {}]);
    await search(table, tag, 2);
    tickRows(table);
    await waitFor(() => !bar.hidden, 3000, 'the bar');
    expect(root.querySelector('[part="count"]')!.textContent).to.equal('2 selected');
    table.selectAllMatching();
    await bar.updateComplete;
    expect(root.querySelector('[part="count"]')!.textContent).to.equal('All 2 matching');
    table.query = '';
    await waitFor(() => (table.total ?? 0) > 1000, 8000, 'all clients');
    table.selectAllMatching();
    await bar.updateComplete;
    expect(root.querySelector('[part="count"]')!.textContent).to.match(/^All \d{1,3}(,\d{3})+ matching$/);
    table.clearSelection();
    await bar.updateComplete;
    expect(bar.hidden).to.equal(true);
  });

  it('estimates the recipients, needs the responsibility box, then follows the send to its summary', async () => {
    const { session, bar, table, root } = await mount();
    const tag = `Sendbulk${Date.now()}`;
    await createClients(session, tag, [
      { marketing_allowed: true },
      { marketing_allowed: true },
      { marketing_allowed: false },
    ]);
    await search(table, tag, 3);
    table.selectAllMatching();
    await openDialog(bar, 'send');
    await expect(bar).to.be.accessible();
    await waitFor(() => root.querySelector('[data-recipients]'), 5000, 'the estimate');
    expect(root.querySelector('[data-recipients]')!.textContent).to.equal('2 of 3 will receive it');
    expect(root.querySelector('[data-skipped]')!.textContent).to.equal('Skipped 1: 1 no consent');

    const area = root.querySelector<HTMLTextAreaElement>('#body')!;
    type(area, 'Hello , see you soon');
    area.setSelectionRange(6, 6);
    [...root.querySelectorAll<HTMLButtonElement>('.placeholders button')]
      .find((b) => b.textContent === '{first_name}')!
      .click();
    await bar.updateComplete;
    expect(area.value).to.equal('Hello {first_name}, see you soon');
    await waitFor(() => root.querySelector('[data-preview]'), 5000, 'the preview');
    expect(root.querySelector('[data-preview]')!.textContent).to.equal(`Hello ${tag}, see you soon`);
    expect(root.querySelector('[data-segments]')!.getAttribute('data-segments')).to.equal('1');

    expect(submitButton(root).disabled).to.equal(true);
    const ack = root.querySelector<HTMLInputElement>('input[name="legal_ack"]')!;
    ack.click();
    await bar.updateComplete;
    expect(submitButton(root).disabled).to.equal(false);
    const done = oneEvent<CbBulkDoneEvent>(bar, 'cb-bulk-done');
    submitButton(root).click();
    await waitFor(() => root.querySelector('progress') || summary(root), 5000, 'the job');
    const event = await done;
    expect(event.action).to.equal('send_message');
    expect(event.result).to.include({ sent: 2 });
    await bar.updateComplete;
    expect(summary(root)).to.contain('Sent 2 · Skipped 1: 1 no consent');
    expect(root.querySelector('dialog')!.open).to.equal(false);
  });

  it('stops a running send: what went out stays sent, the rest is not sent', async function (this: unknown) {
    // Twenty clients to create and a send paced at 10 a second.
    (this as { timeout(ms: number): void }).timeout(30_000);
    const { session, bar, table, root } = await mount();
    const tag = `Stopbulk${Date.now()}`;
    await createClients(
      session,
      tag,
      Array.from({ length: 20 }, () => ({ marketing_allowed: true })),
    );
    table.query = tag;
    // More rows than the table shows at once: the total says they are all found.
    await waitFor(() => table.total === 20, 8000, `20 clients named ${tag}`);
    table.selectAllMatching();
    await openDialog(bar, 'send');
    type(root.querySelector<HTMLTextAreaElement>('#body')!, 'Hello');
    root.querySelector<HTMLInputElement>('input[name="legal_ack"]')!.click();
    await bar.updateComplete;
    const done = oneEvent<CbBulkDoneEvent>(bar, 'cb-bulk-done');
    submitButton(root).click();
    // Stopped once some messages are out, so the stop lands in the middle of the send.
    await waitFor(() => (root.querySelector('progress')?.value ?? 0) > 0, 8000, 'the send under way');
    const stop = root.querySelector<HTMLButtonElement>('[part="progress"] button')!;
    expect(stop.textContent!.trim()).to.equal('Stop');
    stop.click();
    await bar.updateComplete;
    const event = await done;
    const result = event.result as { sent: number; stopped: number };
    expect(result.sent).to.be.below(20);
    expect(result.sent + result.stopped).to.equal(20);
    await bar.updateComplete;
    expect(summary(root)).to.match(/^Stopped\. Sent \d+ · \d+ not sent/);
  });

  it('re-counts for another channel and says why clients are skipped', async () => {
    const { session, bar, table, root } = await mount();
    const tag = `Channel${Date.now()}`;
    await createClients(session, tag, [
      { marketing_allowed: true },
      { marketing_allowed: true, email: `${tag}@example.com` },
    ]);
    await search(table, tag, 2);
    tickRows(table);
    await openDialog(bar, 'send');
    await waitFor(() => root.querySelector('[data-recipients]'), 5000, 'the sms estimate');
    expect(root.querySelector('[data-recipients]')!.textContent).to.equal('2 of 2 will receive it');
    const email = root.querySelector<HTMLInputElement>('input[name="channel"][value="email"]')!;
    email.click();
    await waitFor(
      () => root.querySelector('[data-recipients]')?.textContent === '1 of 2 will receive it',
      5000,
      'the email estimate',
    );
    expect(root.querySelector('[data-skipped]')!.textContent).to.equal('Skipped 1: 1 no email');
    // An email needs a subject: said at the field, nothing sent.
    type(root.querySelector<HTMLTextAreaElement>('#body')!, 'News');
    root.querySelector<HTMLInputElement>('input[name="legal_ack"]')!.click();
    await bar.updateComplete;
    submitButton(root).click();
    await bar.updateComplete;
    expect(root.querySelector('#subject')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root.querySelector('#subject')!.getAttribute('aria-describedby')).to.equal('subject-error');
    expect(root.activeElement?.id).to.equal('subject');
    expect(root.querySelector('dialog')!.open).to.equal(true);

    // The API's refusal of the text (422 on `body`) lands at the message, which points to it.
    type(root.querySelector<HTMLInputElement>('#subject')!, 'News');
    type(root.querySelector<HTMLTextAreaElement>('#body')!, 'Hello {nickname}');
    const error = await waitFor(() => root.querySelector('#body-error'), 5000, 'the placeholder error');
    expect(error.textContent).to.contain('{nickname}');
    expect(root.querySelector('#subject-error')).to.equal(null);
    expect(root.querySelector('#body')!.getAttribute('aria-describedby')).to.equal('counter body-error');
    // No preview of a draft the API refused: the box says to fix it, not to start typing.
    expect(root.querySelector('[part="preview"] p')!.textContent).to.equal(
      'Fix the message above to see it as the client will get it.',
    );
  });

  it('deletes only once DELETE is typed, and the clients are gone', async () => {
    const { session, bar, table, root } = await mount();
    const tag = `Doomed${Date.now()}`;
    await createClients(session, tag, [{}, {}]);
    await search(table, tag, 2);
    tickRows(table);
    await openDialog(bar, 'delete');
    expect(root.querySelector('.warning')!.textContent).to.contain('(2)');
    expect(root.querySelector('.warning')!.textContent).to.contain('files');
    const confirm = root.querySelector<HTMLInputElement>('#confirm')!;
    expect(root.activeElement).to.equal(confirm);
    expect(submitButton(root).disabled).to.equal(true);
    type(confirm, 'delete');
    await bar.updateComplete;
    expect(submitButton(root).disabled).to.equal(true);
    type(confirm, 'DELETE');
    await bar.updateComplete;
    expect(submitButton(root).disabled).to.equal(false);
    expect(submitButton(root).textContent!.trim()).to.equal('Delete 2');
    const done = oneEvent<CbBulkDoneEvent>(bar, 'cb-bulk-done');
    submitButton(root).click();
    const event = await done;
    expect(event.result).to.deep.equal({ action: 'delete', deleted: 2, files: 0 });
    await bar.updateComplete;
    expect(summary(root)).to.contain('Deleted 2');
    const left = await apiCall<ListAnswer<Client>>(session, 'POST', '/v1/clients/search', { query: tag });
    expect(left.total).to.equal(0);
    await waitFor(() => table.total === 0, 5000, 'the table reloaded');
    expect(table.selectionCount).to.equal(0);
  });

  it('adds the selection to a new category', async () => {
    const { session, bar, table, root } = await mount();
    const tag = `Catnew${Date.now()}`;
    const [client] = await createClients(session, tag, [{}]);
    await search(table, tag, 1);
    tickRows(table);
    await openDialog(bar, 'add');
    await waitFor(() => root.querySelector('#category'), 5000, 'the categories');
    const select = root.querySelector<HTMLSelectElement>('#category')!;
    select.value = 'new';
    select.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    type(root.querySelector<HTMLInputElement>('#new-name')!, tag);
    type(root.querySelector<HTMLInputElement>('#new-color')!, '#aa5500');
    await expect(bar).to.be.accessible();
    const done = oneEvent<CbBulkDoneEvent>(bar, 'cb-bulk-done');
    submitButton(root).click();
    const event = await done;
    expect(event.action).to.equal('add_category');
    await bar.updateComplete;
    expect(summary(root)).to.equal(`“${tag}” added · 1 changed Dismiss`);
    const updated = await apiCall<Client>(session, 'GET', `/v1/clients/${client!.id}`);
    expect(updated.categories.map((c) => [c.name, c.color])).to.deep.include([tag, '#aa5500']);

    // The same name again: the existing category is offered instead of a second one.
    tickRows(table);
    await waitFor(() => table.selectionCount === 1);
    await openDialog(bar, 'add');
    await waitFor(() => root.querySelector('#category'), 5000, 'the categories');
    const again = root.querySelector<HTMLSelectElement>('#category')!;
    again.value = 'new';
    again.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    type(root.querySelector<HTMLInputElement>('#new-name')!, tag.toUpperCase());
    submitButton(root).click();
    await waitFor(() => root.querySelector('[part="error"]')!.textContent, 5000, 'the conflict');
    expect(root.querySelector('[part="error"]')!.textContent).to.contain('exists already');
    expect(root.querySelector<HTMLSelectElement>('#category')!.value).to.equal(
      (event.result as { category: { id: string } }).category.id,
    );
  });

  it('follows a category change too large to answer at once to its summary', async () => {
    const { session, bar, table, root } = await mount();
    const tag = `Catjob${Date.now()}`;
    await createClients(session, tag, [{}, {}, {}, {}]);
    await search(table, tag, 4);
    table.selectAllMatching();
    await openDialog(bar, 'add');
    await waitFor(() => root.querySelector('#category'), 5000, 'the categories');
    const select = root.querySelector<HTMLSelectElement>('#category')!;
    select.value = 'new';
    select.dispatchEvent(new Event('change'));
    await bar.updateComplete;
    type(root.querySelector<HTMLInputElement>('#new-name')!, tag);
    const done = oneEvent<CbBulkDoneEvent>(bar, 'cb-bulk-done');
    submitButton(root).click();
    // More clients than the API changes at once (4 > 3 in the test API): a job with its progress.
    await waitFor(() => root.querySelector('[part="progress"]') || summary(root), 5000, 'the job');
    const event = await done;
    expect(event.result).to.include({ action: 'add_category', affected: 4 });
    await bar.updateComplete;
    expect(summary(root)).to.equal(`“${tag}” added · 4 changed Dismiss`);
    expect(table.selectionCount).to.equal(0);
  });

  it('exports the chosen columns and says where the link went', async () => {
    const { session, bar, table, root } = await mount();
    const tag = `Export${Date.now()}`;
    await createClients(session, tag, [{}, {}]);
    await search(table, tag, 2);
    table.selectAllMatching();
    await openDialog(bar, 'export');
    const boxes = () => [...root.querySelectorAll<HTMLInputElement>('.columns input[type="checkbox"]')];
    expect(boxes().map((box) => box.value)).to.include.members(['name', 'phone', 'total_sold']);
    expect(root.querySelector('dialog')!.textContent).to.contain('the link will be emailed to you');
    for (const box of boxes()) if (box.checked) box.click();
    await bar.updateComplete;
    submitButton(root).click();
    await bar.updateComplete;
    expect(root.querySelector('#columns-error')!.textContent).to.equal('Choose at least one column.');
    for (const box of boxes()) if (['name', 'phone'].includes(box.value)) box.click();
    await bar.updateComplete;
    const done = oneEvent<CbBulkDoneEvent>(bar, 'cb-bulk-done');
    submitButton(root).click();
    const event = await done;
    expect(event.action).to.equal('export');
    expect(event.result).to.include({ action: 'export', rows: 2 });
    await bar.updateComplete;
    expect(summary(root)).to.match(/^Exported 2/);
  });

  it('does not offer what the session may not do', async () => {
    const { table, root } = await mount({ features: { bulk_delete: false, bulk_message: false } });
    table.selectAllMatching();
    await waitFor(() => root.querySelector('[data-action="add"]'), 5000, 'the actions');
    expect(root.querySelector('[data-action="send"]')).to.equal(null);
    expect(root.querySelector('[data-action="delete"]')).to.equal(null);
    expect(root.querySelector('[data-action="remove"]')).to.not.equal(null);
  });

  it('is accessible in the dark theme with the delete dialog open', async () => {
    const { bar, table } = await mount({ theme: 'dark' });
    table.selectAllMatching();
    await openDialog(bar, 'delete');
    await expect(bar).to.be.accessible();
  });
});
