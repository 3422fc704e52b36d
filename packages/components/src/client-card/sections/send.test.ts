import { smsSegments } from '@clientbase/shared/sms-segments';
import { expect } from '@open-wc/testing';
import {
  allInSection,
  createClient,
  inSection,
  mountCard,
  openSection,
  tab,
  waitFor,
} from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { ListAnswer, Message, MessagePreview } from '../../api/types.js';
import type { CbClientCard } from '../client-card.component.js';

function typeBody(card: CbClientCard, text: string) {
  const area = inSection<HTMLTextAreaElement>(card, 'send', '#body')!;
  area.value = text;
  area.dispatchEvent(new Event('input'));
}

describe('cb-client-card send', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('counts SMS parts exactly as the API does', async () => {
    const client = await createClient(session);
    const texts = [
      'Hello',
      'a'.repeat(160),
      'a'.repeat(161),
      'a'.repeat(306),
      'a'.repeat(307),
      '€'.repeat(80),
      '€'.repeat(81),
      `${'a'.repeat(152)}€b`,
      `${'a'.repeat(152)}{}`,
      'Привет, как дела?'.repeat(4),
      'x'.repeat(70),
      'x'.repeat(71),
      '😀'.repeat(35),
      '😀'.repeat(36),
      `${'x'.repeat(66)}😀${'y'.repeat(66)}`,
      'Größe: 5€ – ok',
      'Line one\nLine two\r\n[tag] ^~|\\',
    ];
    for (const body of texts) {
      const preview = await apiCall<MessagePreview>(session, 'POST', `/v1/clients/${client.id}/messages/preview`, {
        channel: 'sms',
        body,
      });
      expect(smsSegments(body), JSON.stringify(body)).to.deep.equal(preview.sms);
    }
    expect(smsSegments('')).to.deep.equal({ encoding: 'gsm7', units: 0, segments: 0, per_segment: 160 });
  });

  it('previews the filled message, counts it, sends it and lists it under messages', async () => {
    const client = await createClient(session, { first_name: 'Zoë' });
    const card = await mountCard(session, client.id, { sections: 'send,messages' });
    await openSection(card, 'send', 'form');
    await expect(card).to.be.accessible();
    typeBody(card, 'Hi {first_name}, your balance is {balance}.');
    const preview = await waitFor(() => inSection(card, 'send', '[data-preview]'), 5000, 'the preview');
    expect(preview.textContent).to.equal('Hi Zoë, your balance is £0.00.');
    expect(inSection(card, 'send', '.preview')!.textContent).to.contain(`To: ${client.phone}`);
    // "ë" is not in the GSM alphabet: the whole text goes as UCS-2, 70 characters a part.
    const counter = inSection(card, 'send', '#counter')!.textContent!.replace(/\s+/g, ' ');
    expect(counter).to.contain('1 SMS · 30 / 70');
    expect(counter).to.contain('Special characters: 70 per SMS');
    await expect(card).to.be.accessible();

    inSection<HTMLButtonElement>(card, 'send', 'form button[type="submit"]')!.click();
    const sent = await waitFor(() => inSection(card, 'send', '.notice.success:not(:empty)'), 5000, 'sent');
    expect(sent.textContent).to.equal(`Sent to ${client.phone}.`);
    expect(inSection<HTMLTextAreaElement>(card, 'send', '#body')!.value).to.equal('');
    const recorded = await apiCall<ListAnswer<Message>>(session, 'GET', `/v1/clients/${client.id}/messages`);
    expect(recorded.items[0]!.body).to.equal('Hi Zoë, your balance is £0.00.');
    expect(recorded.items[0]!.kind).to.equal('manual');

    tab(card, 'messages')!.click();
    await waitFor(
      () => allInSection(card, 'messages', 'li')[0]?.textContent?.includes('Hi Zoë, your balance is £0.00.'),
      5000,
      'the sent message in the history',
    );
    expect(allInSection(card, 'messages', 'li')[0]!.textContent).to.contain('Written by staff');
  });

  it('counts a long Unicode text in parts of 67 and shows the API refusal of an unknown placeholder', async () => {
    const client = await createClient(session);
    const card = await mountCard(session, client.id, { sections: 'send' });
    await openSection(card, 'send', 'form');
    typeBody(card, 'Привет! '.repeat(10).trim());
    await card.updateComplete;
    const counter = inSection(card, 'send', '#counter')!;
    await waitFor(() => counter.textContent!.includes('2 SMS'), 3000, 'the counter');
    expect(counter.textContent).to.contain('Special characters: 67 per SMS');

    typeBody(card, 'Hello {nickname}');
    const error = await waitFor(() => inSection(card, 'send', '#body-error'), 5000, 'the placeholder error');
    expect(error.textContent).to.contain('{nickname}');
    expect(inSection(card, 'send', '#body')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('asks for an email subject and warns when the client has no address for a channel', async () => {
    const client = await createClient(session, { email: null } as never);
    const card = await mountCard(session, client.id, { sections: 'send' });
    const send = await openSection(card, 'send', 'form');
    inSection<HTMLInputElement>(card, 'send', 'input[value="email"]')!.click();
    await send.updateComplete;
    typeBody(card, 'Hello {first_name}');
    const warning = await waitFor(() => inSection(card, 'send', '.preview .notice.warning'), 5000, 'the warning');
    expect(warning.textContent).to.contain('no email address');
    inSection<HTMLButtonElement>(card, 'send', 'form button[type="submit"]')!.click();
    await send.updateComplete;
    expect(inSection(card, 'send', '#subject-error')!.textContent).to.contain('needs a subject');
    expect(send.shadowRoot!.activeElement?.id).to.equal('subject');
    await expect(card).to.be.accessible();
  });

  it('is not offered to a session that may not send messages', async () => {
    const restricted = await testSession({ features: { messages: false } });
    const client = await createClient(session);
    const card = await mountCard(restricted, client.id, { sections: 'info,send' });
    await waitFor(() => !tab(card, 'send'), 5000, 'the send tab to go');
    expect(tab(card, 'info')).to.not.equal(null);
  });

  it('warns, without blocking, when the client switched a channel off or did not agree to marketing', async () => {
    const client = await createClient(session, { marketing_allowed: false });
    await apiCall(session, 'PUT', `/v1/clients/${client.id}/notification-settings`, {
      settings: (['booking_confirmation', 'reminder', 'birthday', 'loyalty'] as const).map((type) => ({
        type,
        channel: 'sms',
        enabled: false,
      })),
    });
    const card = await mountCard(session, client.id, { sections: 'send' });
    const send = await openSection(card, 'send', 'form');
    const warning = () => inSection(card, 'send', '[part="consent"]')?.textContent?.trim() ?? '';
    await waitFor(() => warning().includes('every notification by SMS'), 5000, 'the switched-off warning');
    expect(warning()).to.contain('switched off');
    await expect(card).to.be.accessible();

    inSection<HTMLInputElement>(card, 'send', 'input[value="email"]')!.click();
    await send.updateComplete;
    expect(warning()).to.equal('This client has not agreed to marketing messages; send only service messages.');

    // Sending stays possible: it is staff's call.
    inSection<HTMLInputElement>(card, 'send', 'input[value="sms"]')!.click();
    await send.updateComplete;
    typeBody(card, 'Your appointment moved to 3 pm.');
    const submit = inSection<HTMLButtonElement>(card, 'send', 'form button[type="submit"]')!;
    expect(submit.disabled).to.equal(false);
    submit.click();
    await waitFor(() => inSection(card, 'send', '.notice.success')?.textContent, 5000, 'sent');
    const sent = await apiCall<ListAnswer<Message>>(session, 'GET', `/v1/clients/${client.id}/messages`);
    expect(sent.items[0]!.body).to.equal('Your appointment moved to 3 pm.');
  });

  it('shows no warning for a client who agreed to marketing and keeps the channel on, in German when asked', async () => {
    const client = await createClient(session, { marketing_allowed: true });
    const card = await mountCard(session, client.id, { sections: 'send' });
    await openSection(card, 'send', 'form');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inSection(card, 'send', '[part="consent"]')).to.equal(null);

    const other = await createClient(session, { marketing_allowed: false });
    const german = await mountCard(session, other.id, { sections: 'send', locale: 'de' });
    await openSection(german, 'send', 'form');
    const warning = () => inSection(german, 'send', '[part="consent"]')?.textContent ?? '';
    await waitFor(() => warning().includes('Werbenachrichten nicht zugestimmt'), 5000, 'the German warning');
    german.closest('cb-provider')!.setAttribute('locale', 'en');
    await waitFor(() => warning().includes('not agreed to marketing'), 5000, 'English again');
  });
});
