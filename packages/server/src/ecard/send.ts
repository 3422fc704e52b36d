// Sending a client their loyalty card's e-card link by SMS or email. Each send issues a new token and
// revokes the previous one: only the hash is kept, so an earlier link cannot be sent again.
import type { ClientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import { conflict } from '../http/errors';
import { cardView, lockVisibleCard, loyaltyCardOf } from '../loyalty/cards';
import type { Channels } from '../messaging/channel';
import { messageView } from '../messaging/history';
import { assertSendable, composeMessage, sendComposed } from '../messaging/send';
import { newEcardToken, replaceCardToken, revokeClientTokens } from './tokens';

export type EcardChannel = 'sms' | 'email';

function ecardMessage(channel: EcardChannel, number: string, url: string) {
  return channel === 'sms'
    ? { channel, body: `{salon_name}: hi {first_name}, your loyalty card ${number}: ${url}` }
    : {
        channel,
        subject: 'Your {salon_name} loyalty card',
        body: `Hi {first_name},\n\nyour loyalty card ${number} is one tap away: ${url}\n\nShow it at the desk to use your bonuses.`,
      };
}

/** `baseUrl` is where the e-card page lives: the link is `<baseUrl>/e-card/<token>`. */
export async function sendEcard(
  access: ClientAccess,
  channels: Channels,
  clientId: string,
  channel: EcardChannel,
  baseUrl: string,
) {
  await assertVisibleClient(access, clientId);
  const card = await loyaltyCardOf(access.tenant, clientId);
  if (!card) throw conflict('no_loyalty_card', 'The client has no loyalty card; issue one first.');
  const token = newEcardToken();
  const url = `${baseUrl}/e-card/${token}`;
  const composed = await composeMessage(access, clientId, ecardMessage(channel, card.number, url));
  // Before anything is written: a client without an address for the channel gets no new link either.
  assertSendable(composed);
  // Stored before it is sent, so the link works by the time it arrives.
  const issued = await access.tenant.transaction(async (trx) => {
    const locked = await lockVisibleCard(access, trx, card.id);
    if (locked.deleted_at) throw conflict('no_loyalty_card', 'The loyalty card was deleted meanwhile.');
    await replaceCardToken(trx, card.id, token, access.now);
    return locked;
  });
  const message = await sendComposed(access, channels, clientId, composed, 'ecard');
  return { url, card: cardView(issued, access.now), message: messageView(message) };
}

export async function revokeEcard(access: ClientAccess, clientId: string) {
  await assertVisibleClient(access, clientId);
  await revokeClientTokens(access.tenant, clientId, access.now);
}
