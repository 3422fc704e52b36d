import { expect } from '@open-wc/testing';
import { createClient, inSection, mountCard, openSection, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { EcardCodes, ListAnswer, LoyaltyCard, Message } from '../../api/types.js';

describe('cb-client-card ecard', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('says a card must be issued first', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'ecard' });
    await openSection(card, 'ecard', '.empty');
    expect(inSection(card, 'ecard', '.empty')!.textContent).to.contain('no loyalty card');
    await expect(card).to.be.accessible();
  });

  it('shows the card, sends its link by SMS and revokes it', async () => {
    const client = await createClient(session);
    const issued = await apiCall<LoyaltyCard>(session, 'POST', `/v1/clients/${client.id}/loyalty-cards`, {
      kind: 'loyalty',
      discount: 10,
    });
    await apiCall(session, 'POST', `/v1/loyalty-cards/${issued.id}/transactions`, { kind: 'accrue', amount: 420 });
    const card = await mountCard(session, client.id, { sections: 'ecard' });
    const section = await openSection(card, 'ecard', '[part="ecard"]');
    const visual = inSection(card, 'ecard', '[part="ecard"]')!;
    expect(visual.getAttribute('role')).to.equal('img');
    expect(visual.getAttribute('aria-label')).to.contain(issued.number);
    expect(visual.textContent).to.contain('420 points');
    expect(visual.textContent).to.contain('10 % discount');
    await expect(card).to.be.accessible();

    const sms = [...section.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent!.includes('Send by SMS'),
    )!;
    sms.click();
    const link = await waitFor(() => inSection<HTMLInputElement>(card, 'ecard', '#ecard-link'), 5000, 'the link');
    const token = link.value.split('/e-card/')[1]!;
    expect(token).to.match(/^[\w-]{43}$/);
    await waitFor(() => inSection(card, 'ecard', '[data-link-active="true"]'), 5000, 'the link to show as active');
    expect(inSection(card, 'ecard', '.notice.success')!.textContent).to.contain(client.phone!);
    const messages = await apiCall<ListAnswer<Message>>(session, 'GET', `/v1/clients/${client.id}/messages`);
    expect(messages.items[0]!.body).to.contain(token);
    const open = await fetch(`${session.apiBase}/v1/public/e-card/${token}`);
    expect(open.status).to.equal(200);
    await expect(card).to.be.accessible();

    const revoke = [...section.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent!.includes('Revoke'),
    )!;
    revoke.click();
    await waitFor(
      () => inSection(card, 'ecard', '.notice.success')?.textContent?.includes('stopped working'),
      5000,
      'revoked',
    );
    expect(inSection(card, 'ecard', '#ecard-link')).to.equal(null);
    await waitFor(() => inSection(card, 'ecard', '[data-link-active="false"]'), 5000, 'the link to show as gone');
    expect((await fetch(`${session.apiBase}/v1/public/e-card/${token}`)).status).to.equal(404);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`draws the card number as a QR code and a barcode from the API's geometry (${theme})`, async () => {
      const client = await createClient(session);
      const issued = await apiCall<LoyaltyCard>(session, 'POST', `/v1/clients/${client.id}/loyalty-cards`, {
        kind: 'loyalty',
        expires_at: '2031-05-01T12:00:00Z',
      });
      const codes = await apiCall<EcardCodes>(session, 'GET', `/v1/clients/${client.id}/e-card`);
      expect(codes.number).to.equal(issued.number);
      const card = await mountCard(session, client.id, { sections: 'ecard', theme });
      await openSection(card, 'ecard', '[part="codes"]');
      const panel = inSection(card, 'ecard', '[part="codes"]')!;

      const qr = panel.querySelector<SVGSVGElement>('svg.qr')!;
      expect(qr.namespaceURI).to.equal('http://www.w3.org/2000/svg');
      expect(qr.getAttribute('role')).to.equal('img');
      expect(qr.getAttribute('aria-label')).to.equal(`QR code of card ${issued.number}`);
      expect(qr.getAttribute('viewBox')).to.equal(`0 0 ${codes.qr.size} ${codes.qr.size}`);
      expect(qr.querySelector('path')!.getAttribute('d')).to.equal(codes.qr.path);
      expect(qr.querySelector('path') instanceof SVGPathElement).to.equal(true);

      const bar = panel.querySelector<SVGSVGElement>('svg.barcode')!;
      expect(bar.getAttribute('role')).to.equal('img');
      expect(bar.getAttribute('aria-label')).to.equal(`Barcode of card ${issued.number}`);
      expect(bar.getAttribute('viewBox')).to.equal(`0 0 ${codes.barcode.width} ${codes.barcode.height}`);
      expect(bar.querySelector('path')!.getAttribute('d')).to.equal(codes.barcode.path);
      expect(panel.textContent).to.contain(issued.number);

      // Black on white in either theme, crisp, whole pixels per module while the card is wide enough.
      for (const drawn of [qr, bar]) {
        expect(getComputedStyle(drawn).shapeRendering.toLowerCase()).to.equal('crispedges');
        expect(drawn.querySelector('rect')!.getAttribute('fill')).to.equal('#fff');
      }
      expect(getComputedStyle(panel).backgroundColor).to.equal('rgb(255, 255, 255)');
      const qrBox = qr.getBoundingClientRect();
      expect(qrBox.width / codes.qr.size).to.equal(5);
      expect(qrBox.height).to.equal(qrBox.width);
      expect(bar.getBoundingClientRect().width / codes.barcode.width).to.equal(2);
      expect(inSection(card, 'ecard', '.facts')!.textContent).to.contain('Valid until');
      expect(inSection(card, 'ecard', '[data-link-active="false"]')).to.not.equal(null);
      await expect(card).to.be.accessible();
    });
  }
});
