import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { type TestSessionOptions, testSession, waitFor } from '../../test/real-api.js';
import type { CbImportDoneEvent } from '../events/import-done.js';
import '../provider/provider.js';
import type { CbClientImport } from './client-import.component.js';
import './client-import.js';

async function mount(options: TestSessionOptions & { theme?: 'light' | 'dark'; locale?: string } = {}) {
  const session = await testSession(options);
  const provider = await fixture(html`<cb-provider
    api-base=${session.apiBase}
    session=${session.session}
    theme=${options.theme ?? 'light'}
    locale=${options.locale ?? 'en'}
  >
    <cb-client-import></cb-client-import>
  </cb-provider>`);
  const element = provider.querySelector('cb-client-import') as CbClientImport;
  const root = element.shadowRoot as ShadowRoot;
  await waitFor(() => root.querySelector('[data-step], [data-not-allowed]'), 8000, 'the permissions');
  return { session, element, root };
}

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Phone numbers no seeded client has (the seed uses +44 74…), different on every run. */
function phone(offset: number): string {
  return `07911 ${String((Date.now() + offset) % 1_000_000).padStart(6, '0')}`;
}

/** A 1×1 PNG's first bytes: enough for the API to know it is an image. */
function pngBytes(): Uint8Array<ArrayBuffer> {
  return new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
}

function select(root: ShadowRoot, field: string): HTMLSelectElement {
  return root.querySelector<HTMLSelectElement>(`#map-${field}`) as HTMLSelectElement;
}

function choose(selectElement: HTMLSelectElement, value: string) {
  selectElement.value = value;
  selectElement.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('cb-client-import', () => {
  it('uploads a CSV, maps a column, lists the problems, imports and reports', async () => {
    const { element, root } = await mount();
    await expect(element).to.be.accessible();
    expect(text(root.querySelector('#file-limits')))
      .to.contain('10 MB')
      .and.contain('100,000 rows');

    const tag = `Imp${Date.now().toString(36)}`;
    const csv = [
      'Vorname,Nachname,Handy,E-Mail,Born on',
      `${tag}A,Import,${phone(1)},a.${tag}@example.com,1990-01-31`,
      `${tag}B,Import,${phone(2)},,31.02.1990`,
      `${tag}C,Import,not a phone,,1985-05-05`,
      `${tag}D,Import,${phone(4)},d.${tag}@example.com,`,
    ].join('\n');
    await element.uploadFile(new File([csv], 'clients.csv', { type: 'text/csv' }));
    expect(element.step).to.equal('mapping');

    // The detected columns are preselected; "Born on" is not a known heading.
    expect(select(root, 'first_name').value).to.equal('0');
    expect(select(root, 'last_name').value).to.equal('1');
    expect(select(root, 'phone').value).to.equal('2');
    expect(select(root, 'email').value).to.equal('3');
    expect(select(root, 'birth_date').value).to.equal('');
    expect(text(select(root, 'phone').selectedOptions[0])).to.equal('C: Handy');
    expect(text(root.querySelector('tr[data-field="first_name"] .example'))).to.equal(`${tag}A`);
    await expect(element).to.be.accessible();

    // A mapping the API refuses (no first name) is explained at the field, and the next step waits.
    choose(select(root, 'first_name'), '');
    await waitFor(() => root.querySelector('#map-first_name-error'), 5000, 'the missing first name');
    expect(text(root.querySelector('#map-first_name-error'))).to.equal(
      'Choose the column with the first name, or the one with the full name.',
    );
    expect(root.querySelector<HTMLButtonElement>('[data-action="next"]')!.disabled).to.equal(true);
    await expect(element).to.be.accessible();
    choose(select(root, 'first_name'), '0');
    choose(select(root, 'birth_date'), '4');
    await waitFor(
      () => element.preview?.mapping.birth_date === 4 && element.preview.mapping.first_name === 0,
      5000,
      'the new mapping',
    );
    await element.updateComplete;
    expect(root.querySelector('#map-first_name-error')).to.equal(null);
    root.querySelector<HTMLButtonElement>('[data-action="next"]')!.click();
    await element.updateComplete;
    expect(element.step).to.equal('preview');
    expect(root.activeElement?.id).to.equal('step-heading');

    expect(text(root.querySelector('[data-counts]'))).to.equal('4 rows, 2 with errors will be skipped');
    const problems = [...root.querySelectorAll('[data-error-row]')].map(
      (row) => `${row.getAttribute('data-error-row')}:${row.getAttribute('data-field')}`,
    );
    expect(problems).to.deep.equal(['3:birth_date', '4:phone']);
    // Said by the element from the error's code, so a German reader reads it in German.
    expect(text(root.querySelector('[data-error-row="3"]'))).to.equal(
      '3 Birth date “31.02.1990” is not a date (use YYYY-MM-DD or DD.MM.YYYY).',
    );
    expect(root.querySelector('tr[data-row="3"]')!.classList.contains('skipped')).to.equal(true);
    expect(text(root.querySelector('tr[data-row="3"] td.bad'))).to.contain('31.02.1990');
    expect(text(root.querySelector('tr[data-row="2"]'))).to.contain('Jan 31, 1990');
    await expect(element).to.be.accessible();

    const importButton = root.querySelector<HTMLButtonElement>('[data-action="import"]')!;
    expect(text(importButton)).to.equal('Import 2 clients');
    const done = oneEvent<CbImportDoneEvent>(element, 'cb-import-done');
    importButton.click();
    await waitFor(() => root.querySelector('[data-step="importing"] progress'), 5000, 'the progress bar');
    const event = await done;
    expect(event.result).to.include({ created: 2, updated: 0, skipped_count: 2 });
    await element.updateComplete;
    expect(element.step).to.equal('done');
    expect(text(root.querySelector('[data-figure="created"] dd'))).to.equal('2');
    expect(text(root.querySelector('[data-figure="skipped"] dd'))).to.equal('2');
    expect(
      [...root.querySelectorAll('[data-skipped-row]')].map((r) => r.getAttribute('data-skipped-row')),
    ).to.deep.equal(['3', '4']);
    expect(text(root.querySelector('[data-skipped-row="3"]'))).to.match(
      /^3\s?Birth date: “31\.02\.1990” is not a date \(use YYYY-MM-DD or DD\.MM\.YYYY\)\.$/,
    );
    await expect(element).to.be.accessible();

    // Start over: back to an empty first step.
    root.querySelector<HTMLButtonElement>('[data-action="another"]')!.click();
    await element.updateComplete;
    expect(element.step).to.equal('file');
    expect(element.preview).to.equal(null);
  });

  it('explains a refused file with the API’s words, and checks the size before uploading', async () => {
    const { element, root } = await mount({ theme: 'dark' });
    await element.uploadFile(new File([pngBytes()], 'photo.csv', { type: 'text/csv' }));
    expect(element.step).to.equal('file');
    const refusal = text(root.querySelector('[part="error"]'));
    expect(refusal).to.contain('This file cannot be imported: choose an Excel workbook (.xlsx) or a CSV file.');
    expect(refusal).to.contain('PNG');
    await expect(element).to.be.accessible();

    element.maxBytes = 10;
    await element.uploadFile(new File(['Vorname,Handy\nAnn,07911 000001\n'], 'big.csv'));
    expect(text(root.querySelector('[part="error"]'))).to.equal('The file is larger than 10 B.');
    await element.uploadFile(new File(['x'], 'notes.txt'));
    expect(text(root.querySelector('[part="error"]'))).to.contain('choose an Excel workbook (.xlsx) or a CSV file');
  });

  it('says it is not allowed without the import permission', async () => {
    for (const options of [{ features: { import: false } }, { role: 'receptionist' as const }]) {
      const { element, root } = await mount(options);
      expect(text(root.querySelector('[data-not-allowed]'))).to.equal(
        'You are not allowed to import clients. Ask the owner of the business for the import permission.',
      );
      expect(root.querySelector('input[type="file"]')).to.equal(null);
      await expect(element).to.be.accessible();
    }
  });

  it('can start over from the mapping, and shows a refusal in the reader’s language', async () => {
    const { element, root } = await mount({ locale: 'de' });
    await waitFor(() => text(root.querySelector('h2')) === 'Kunden importieren', 5000, 'the German texts');
    // A dropped file is read like a chosen one; the zone is marked while files are dragged over it.
    const zone = root.querySelector<HTMLElement>('[part="dropzone"]')!;
    const data = new DataTransfer();
    data.items.add(new File(['Vorname;Telefon\nAnn;07911 000002\n'], 'kunden.csv'));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    await element.updateComplete;
    expect(zone.classList.contains('over')).to.equal(true);
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    await waitFor(() => element.step === 'mapping', 8000, 'the dropped file');
    // The mapping lists the fields the API names, in its order.
    const fields = [...root.querySelectorAll('.mapping tr[data-field]')].map((row) => row.getAttribute('data-field'));
    expect(fields).to.deep.equal(element.preview?.fields).and.to.include('created_at');
    root.querySelector<HTMLButtonElement>('[data-action="start-over"]')!.click();
    await element.updateComplete;
    expect(element.step).to.equal('file');

    await element.uploadFile(new File([pngBytes()], 'foto.csv'));
    const refusal = text(root.querySelector('[part="error"]'));
    expect(refusal).to.contain('Diese Datei kann nicht importiert werden');
    expect(refusal).to.contain('PNG');
    await expect(element).to.be.accessible();
  });
});
