// GET /v1/clients/:id/e-card: the client's e-card as the client card shows it, with its QR code and barcode
// as geometry (the component draws them with its own SVG templates, so no markup crosses the API).
import type { ClientAccess } from '../clients/access';
import { assertVisibleClient } from '../clients/visible';
import { ApiError } from '../http/errors';
import { isExpired, loyaltyCardOf } from '../loyalty/cards';
import { code128Bars } from './code128';
import { qrGeometry } from './qr';

/** The client's loyalty card with its codes; no live loyalty card → 404 `no_loyalty_card`. */
export async function clientEcard(access: ClientAccess, clientId: string) {
  await assertVisibleClient(access, clientId);
  const card = await loyaltyCardOf(access.tenant, clientId);
  // Its own code, so a caller tells "no card yet" from "no such client" (404 not_found).
  if (!card) throw new ApiError(404, 'no_loyalty_card', 'The client has no loyalty card.');
  const live = await access.tenant
    .selectFrom('ecard_tokens')
    .select('id')
    .where('card_id', '=', card.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return {
    number: card.number,
    discount: card.discount,
    bonus_balance: card.balance,
    expires_at: card.expires_at ? card.expires_at.toISOString() : null,
    expired: isExpired(card, access.now),
    /** Whether a link sent earlier still opens the card (each send replaces it; DELETE revokes it). */
    link_active: live !== undefined,
    qr: qrGeometry(card.number),
    barcode: code128Bars(card.number),
  };
}
