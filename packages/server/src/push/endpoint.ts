// Which push endpoints the server will POST to. An endpoint is a URL a caller hands us, so without a check
// it would let them aim our requests at internal services; real push services are public https hosts.
import { isIP } from 'node:net';

const MAX_ENDPOINT_LENGTH = 2048;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
}

// Private, link-local and unspecified ranges: never a push service.
function isPrivateAddress(host: string): boolean {
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return a === 0 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || a === 169;
  }
  if (isIP(host) === 6) return /^(::$|::ffff:|f[cd]|fe[89ab])/i.test(host);
  return false;
}

/** Why the server will not send to `endpoint`, or null when it will. */
export function endpointProblem(endpoint: string, allowLoopback: boolean): string | null {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) return `An endpoint has at most ${MAX_ENDPOINT_LENGTH} characters.`;
  const url = URL.parse(endpoint);
  if (!url || !['https:', 'http:'].includes(url.protocol)) return 'Not an https URL.';
  if (url.username || url.password || url.hash) return 'A push endpoint has no credentials or fragment.';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = isLoopback(host);
  if (loopback && !allowLoopback) return 'Push endpoints on this server itself are not accepted.';
  if (url.protocol === 'http:' && !loopback) return 'A push endpoint must use https.';
  if (isPrivateAddress(host)) return 'Push endpoints on private network addresses are not accepted.';
  return null;
}
