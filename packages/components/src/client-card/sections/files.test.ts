import { expect } from '@open-wc/testing';
import { allInSection, createClient, inSection, mountCard, openSection, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { ClientFile, ListAnswer } from '../../api/types.js';
import type { CbClientCard } from '../client-card.component.js';

function drop(card: CbClientCard, files: File[]) {
  const zone = inSection(card, 'files', '[part="dropzone"]')!;
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
}

function fileRows(card: CbClientCard) {
  return allInSection(card, 'files', 'li.file');
}

describe('cb-client-card files', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('uploads a dropped file with a progress bar, lists it, downloads it and deletes it', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'files' });
    const section = await openSection(card, 'files', '.empty');
    await expect(card).to.be.accessible();

    // Record every state of the progress bar while the upload runs.
    const seen: number[] = [];
    const observer = new MutationObserver(() => {
      const bar = section.shadowRoot!.querySelector('progress');
      if (bar) seen.push(bar.value);
    });
    observer.observe(section.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    const text = `Consent form\n${'Signed and dated. '.repeat(200_000)}`;
    drop(card, [new File([text], 'consent form.txt', { type: 'text/plain' })]);
    const note = await waitFor(() => inSection(card, 'files', '.notice.success:not(:empty)'), 15000, 'the upload');
    observer.disconnect();
    expect(note.textContent).to.equal('consent form.txt was uploaded.');
    expect(seen.length).to.be.greaterThan(0);
    expect(Math.max(...seen)).to.equal(100);
    const label = await waitFor(() => fileRows(card).length === 1 && fileRows(card), 5000, 'the list');
    expect(label[0]!.textContent).to.contain('consent form.txt');
    expect(label[0]!.textContent).to.contain('MB');
    const stored = await apiCall<ListAnswer<ClientFile>>(session, 'GET', `/v1/clients/${client.id}/files`);
    expect(stored.items.map((f) => f.name)).to.deep.equal(['consent form.txt']);

    // Download: the bytes come with the session and are handed to the browser as a file named like the upload.
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      inSection<HTMLButtonElement>(card, 'files', '[data-action="download"]')!.click();
      await waitFor(() => clicked.length, 5000, 'the download');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(clicked[0]!.download).to.equal('consent form.txt');
    expect(await (await fetch(clicked[0]!.href)).text()).to.equal(text);

    inSection<HTMLButtonElement>(card, 'files', '[data-action="delete"]')!.click();
    await section.updateComplete;
    const confirm = inSection<HTMLButtonElement>(card, 'files', 'li.file .button.danger')!;
    expect(section.shadowRoot!.activeElement).to.equal(confirm);
    confirm.click();
    await waitFor(() => inSection(card, 'files', '.empty'), 5000, 'the empty list');
    const after = await apiCall<ListAnswer<ClientFile>>(session, 'GET', `/v1/clients/${client.id}/files`);
    expect(after.total).to.equal(0);
  });

  it('shows why a spoofed file (HTML named .pdf) was refused, and keeps nothing', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'files' });
    await openSection(card, 'files', '.empty');
    const input = inSection<HTMLInputElement>(card, 'files', 'input[type="file"]')!;
    const data = new DataTransfer();
    data.items.add(new File(['<html><script>alert(1)</script></html>'], 'x.pdf', { type: 'application/pdf' }));
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    const alert = await waitFor(() => inSection(card, 'files', '[role="alert"] .notice'), 5000, 'the refusal');
    expect(alert.textContent).to.contain('x.pdf was refused');
    expect(alert.textContent).to.contain('does not match its name');
    expect(fileRows(card)).to.have.length(0);
    const stored = await apiCall<ListAnswer<ClientFile>>(session, 'GET', `/v1/clients/${client.id}/files`);
    expect(stored.total).to.equal(0);
    await expect(card).to.be.accessible();

    // A name outside the list is refused before any upload.
    drop(card, [new File(['MZ'], 'setup.exe')]);
    await waitFor(
      () => inSection(card, 'files', '[role="alert"] .notice')?.textContent?.includes('setup.exe'),
      3000,
      'the extension refusal',
    );
  });

  it('lists but offers no upload or delete without files permission', async () => {
    const client = await createClient(session);
    const form = new FormData();
    form.append('file', new File(['hello'], 'note.txt', { type: 'text/plain' }));
    const upload = await fetch(`${session.apiBase}/v1/clients/${client.id}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${session.session}` },
      body: form,
    });
    expect(upload.status).to.equal(201);
    const restricted = await testSession({ features: { files: false } });
    const card = await mountCard(restricted, client.id, { sections: 'files' });
    await openSection(card, 'files', 'li.file');
    expect(inSection(card, 'files', '[part="dropzone"]')).to.equal(null);
    expect(inSection(card, 'files', '[data-action="delete"]')).to.equal(null);
    expect(inSection(card, 'files', '[data-action="download"]')).to.not.equal(null);
  });
});
