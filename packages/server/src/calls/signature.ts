// Webhook signatures: HMAC-SHA256 of the raw request body, sent as `sha256=<hex>`.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Clientbase-Signature';
export const BUSINESS_HEADER = 'X-Clientbase-Business';

export function signBody(secret: string, body: Uint8Array | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** True when `header` is the signature of `body` under one of `secrets`, compared in constant time. */
export function verifySignature(header: string | undefined, body: Uint8Array, secrets: string[]): boolean {
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'hex');
  let valid = false;
  // Every secret is tried, so the time taken does not tell which one (or whether any) exists.
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(body).digest();
    valid = timingSafeEqual(given, expected) || valid;
  }
  return valid;
}
