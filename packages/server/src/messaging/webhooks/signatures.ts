// Signatures of providers' delivery reports: Svix (Resend) and Twilio's request signing.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time equality of two byte strings (false, not an exception, when the lengths differ). */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How far a Svix timestamp may be from our clock: older reports could be replays. */
export const SVIX_TOLERANCE_SECONDS = 5 * 60;

export interface SvixHeaders {
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the key after "whsec_". */
export function svixSignature(secret: string, id: string, timestamp: string, body: Uint8Array | string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64')}`;
}

/** True when one of the (space-separated) signatures holds and the timestamp is recent. */
export function verifySvix(secret: string, headers: SvixHeaders, body: Uint8Array, now: Date): boolean {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SVIX_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(svixSignature(secret, id, timestamp, body).slice(3), 'base64');
  let valid = false;
  // Several signatures during a secret rotation: each is checked, so timing does not tell which matched.
  for (const candidate of signature.split(' ')) {
    const [version, value] = candidate.split(',', 2);
    if (version === 'v1' && value) valid = safeEqual(Buffer.from(value, 'base64'), expected) || valid;
  }
  return valid;
}

/** Twilio's X-Twilio-Signature: base64 HMAC-SHA1 over the full URL, then each POST param's name and value, sorted. */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams): string {
  const pairs = [...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const hmac = createHmac('sha1', authToken).update(url);
  for (const [name, value] of pairs) hmac.update(name + value);
  return hmac.digest('base64');
}

export function verifyTwilio(
  authToken: string,
  header: string | undefined,
  url: string,
  params: URLSearchParams,
): boolean {
  if (!header) return false;
  return safeEqual(Buffer.from(header, 'base64'), Buffer.from(twilioSignature(authToken, url, params), 'base64'));
}
