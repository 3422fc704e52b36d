import { expect } from '@open-wc/testing';
import { allInSection, createClient, findClients, mountCard, openSection, waitFor } from '../../../test/client-card.js';
import { apiCall, type TestSession, testSession } from '../../../test/real-api.js';
import type { ListAnswer, Me, Message } from '../../api/types.js';

async function hmac(secret: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(body));
  return [...new Uint8Array(signature)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Records a call the way telephony would: through the signed webhook. */
async function recordCall(session: TestSession, call: object) {
  const me = await apiCall<Me>(session, 'GET', '/v1/me');
  const { secret } = await apiCall<{ secret: string }>(session, 'GET', '/v1/business/webhook-secret');
  const body = JSON.stringify(call);
  const response = await fetch(`${session.apiBase}/v1/webhooks/calls`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Clientbase-Business': me.business.id,
      'X-Clientbase-Signature': `sha256=${await hmac(secret, body)}`,
    },
    body,
  });
  if (response.status !== 201) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
}

describe('cb-client-card messages', () => {
  let session: TestSession;
  before(async () => {
    session = await testSession();
  });

  it('lists the messages the API answers, newest first', async () => {
    const [client] = await findClients(session, 'visits_count:desc');
    const expected = await apiCall<ListAnswer<Message>>(session, 'GET', `/v1/clients/${client!.id}/messages?limit=10`);
    const card = await mountCard(session, client!.id, { sections: 'messages' });
    await openSection(card, 'messages', 'section');
    const items = await waitFor(
      () => {
        const rows = allInSection(card, 'messages', 'section:first-of-type li');
        return rows.length ? rows : null;
      },
      5000,
      'the messages',
    );
    expect(items.length).to.equal(Math.min(10, expected.total));
    expected.items.slice(0, items.length).forEach((m, i) => {
      expect(items[i]!.dataset.id).to.equal(m.id);
      expect(items[i]!.textContent).to.contain(m.body);
    });
    await waitFor(() => allInSection(card, 'messages', '.empty').length, 5000, 'the calls');
    await expect(card).to.be.accessible();
  });

  it('lists calls with direction, status, duration and the recording', async () => {
    const client = await createClient(session);
    await recordCall(session, {
      external_id: `call-${client.id}`,
      direction: 'inbound',
      phone: client.phone,
      status: 'answered',
      started_at: '2026-06-10T09:15:00+01:00',
      duration_seconds: 185,
      recording_url: 'https://recordings.example.com/abc.mp3',
    });
    await recordCall(session, {
      external_id: `call2-${client.id}`,
      direction: 'outbound',
      phone: client.phone,
      status: 'missed',
      started_at: '2026-06-11T10:00:00+01:00',
      duration_seconds: 0,
    });
    const card = await mountCard(session, client.id, { sections: 'messages' });
    await openSection(card, 'messages', 'section');
    const calls = await waitFor(
      () => {
        const rows = allInSection(card, 'messages', 'section:last-of-type li');
        return rows.length === 2 ? rows : null;
      },
      5000,
      'the calls',
    );
    expect(calls[0]!.textContent).to.contain('Outgoing call');
    expect(calls[0]!.textContent).to.contain('Missed');
    expect(calls[1]!.textContent).to.contain('Incoming call');
    expect(calls[1]!.textContent).to.contain('Answered');
    expect(calls[1]!.textContent).to.contain('Duration 3:05');
    const link = calls[1]!.querySelector<HTMLAnchorElement>('a')!;
    expect(link.href).to.equal('https://recordings.example.com/abc.mp3');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(allInSection(card, 'messages', '.empty')[0]!.textContent).to.contain('No messages yet');
    await expect(card).to.be.accessible();
  });
});
