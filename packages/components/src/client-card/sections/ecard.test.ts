import { expect } from '@open-wc/testing';
import { createClient, inSection, mountCard, openSection, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { ListAnswer, LoyaltyCard, Message } from '../../api/types.js';

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
    expect((await fetch(`${session.apiBase}/v1/public/e-card/${token}`)).status).to.equal(404);
  });
});
