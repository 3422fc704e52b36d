import { expect } from '@open-wc/testing';
import { allInSection, createClient, inSection, mountCard, openSection, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { Client, NotificationSettings } from '../../api/types.js';
import type { CbClientCard } from '../client-card.component.js';

function box(card: CbClientCard, type: string, channel: string) {
  return inSection<HTMLInputElement>(
    card,
    'notifications',
    `tr[data-type="${type}"] input[data-channel="${channel}"]`,
  )!;
}

describe('cb-client-card notifications', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('shows the matrix the API answers, with (i) hints', async () => {
    const client = await createClient(session, { marketing_allowed: true } as Partial<Client>);
    await apiCall(session, 'PUT', `/v1/clients/${client.id}/notification-settings`, {
      settings: [{ type: 'birthday', channel: 'email', enabled: false }],
    });
    const expected = await apiCall<NotificationSettings>(
      session,
      'GET',
      `/v1/clients/${client.id}/notification-settings`,
    );
    const card = await mountCard(session, client.id, { sections: 'notifications' });
    await openSection(card, 'notifications', 'table');
    expect(allInSection(card, 'notifications', 'tbody tr').length).to.equal(expected.types.length);
    for (const s of expected.settings)
      expect(box(card, s.type, s.channel).checked, `${s.type}/${s.channel}`).to.equal(s.enabled);
    expect(box(card, 'reminder', 'sms').getAttribute('aria-label')).to.equal('Reminder by SMS');

    const info = inSection<HTMLButtonElement>(card, 'notifications', 'tr[data-type="reminder"] .info')!;
    const hint = inSection<HTMLElement>(card, 'notifications', '#hint-reminder')!;
    expect(hint.hidden).to.equal(true);
    info.click();
    await waitFor(() => !hint.hidden, 2000, 'the hint');
    expect(info.getAttribute('aria-expanded')).to.equal('true');
    expect(hint.textContent).to.equal(expected.types.find((t) => t.type === 'reminder')!.description);
    await expect(card).to.be.accessible();
  });

  it('saves a switch as it is changed', async () => {
    const client = await createClient(session, { marketing_allowed: true } as Partial<Client>);
    const card = await mountCard(session, client.id, { sections: 'notifications' });
    await openSection(card, 'notifications', 'table');
    box(card, 'reminder', 'sms').click();
    const status = await waitFor(
      () => inSection(card, 'notifications', '.notice.success:not(:empty)'),
      5000,
      'the saved switch',
    );
    expect(status.textContent).to.equal('Reminder by SMS: off.');
    const stored = await apiCall<NotificationSettings>(
      session,
      'GET',
      `/v1/clients/${client.id}/notification-settings`,
    );
    expect(stored.settings.find((s) => s.type === 'reminder' && s.channel === 'sms')!.enabled).to.equal(false);
    expect(stored.settings.find((s) => s.type === 'reminder' && s.channel === 'email')!.enabled).to.equal(true);
  });

  it('keeps marketing off without consent, and is read-only without clients_write', async () => {
    const client = await createClient(session, { marketing_allowed: false } as Partial<Client>);
    const card = await mountCard(session, client.id, { sections: 'notifications' });
    await openSection(card, 'notifications', 'table');
    expect(box(card, 'marketing', 'sms').disabled).to.equal(true);
    expect(box(card, 'marketing', 'sms').checked).to.equal(false);
    expect(inSection(card, 'notifications', 'tr[data-type="marketing"]')!.textContent).to.contain(
      'not agreed to marketing',
    );
    expect(box(card, 'reminder', 'sms').disabled).to.equal(false);

    const restricted = await testSession({ role: 'receptionist', features: { edit_clients: false } });
    const readOnly = await mountCard(restricted, client.id, { sections: 'notifications' });
    await openSection(readOnly, 'notifications', 'table');
    for (const input of allInSection<HTMLInputElement>(readOnly, 'notifications', 'input')) {
      expect(input.disabled).to.equal(true);
    }
    await expect(readOnly).to.be.accessible();
  });
});
