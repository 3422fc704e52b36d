// A fake push service (RFC 8030) holding "browser" subscriptions. For each notification it checks the VAPID
// Authorization (RFC 8292: an ES256 JWT for this origin, signed by the key in k=) and decrypts the aes128gcm
// body (RFC 8291) with the device's own private key and auth secret, as the browser would.
import { createECDH, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import ece from 'http_ece';
import { type FakeRequest, startFakeServer } from './http';

export interface FakeDevice {
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** The status the service answers for this device (201: accepted; 410: the browser unsubscribed). */
  answer: number;
  /** Decrypted notifications, as the service worker's event.data.json() would see them. */
  received: unknown[];
  /** The VAPID header of the last notification. */
  vapid: { jwtHeader: unknown; claims: { aud: string; exp: number; sub: string }; publicKey: string } | null;
}

function fromBase64url(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** Checks `vapid t=<jwt>, k=<key>`; answers the problem, or the decoded token. */
function checkVapid(header: string | undefined, origin: string): string | NonNullable<FakeDevice['vapid']> {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match?.[1] || !match[2]) return 'missing or malformed vapid Authorization';
  const [h = '', p = '', s = ''] = match[1].split('.');
  const publicKey = match[2];
  const point = Buffer.from(publicKey, 'base64url');
  if (point.length !== 65 || point[0] !== 4) return 'k= is not an uncompressed P-256 key';
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const signed = verify(
    'sha256',
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(s, 'base64url'),
  );
  if (!signed) return 'the JWT signature does not verify with k=';
  const jwtHeader = fromBase64url(h) as { alg?: string };
  const claims = fromBase64url(p) as { aud: string; exp: number; sub: string };
  const now = Date.now() / 1000;
  if (jwtHeader.alg !== 'ES256') return 'alg is not ES256';
  if (claims.aud !== origin) return `aud ${claims.aud} is not ${origin}`;
  if (!(claims.exp > now && claims.exp <= now + 24 * 3600)) return 'exp is not within 24 hours';
  if (!/^(mailto:|https:)/.test(claims.sub)) return 'sub is not a mailto: or https: URL';
  return { jwtHeader, claims, publicKey };
}

export async function startFakePushService() {
  const devices = new Map<string, FakeDevice & { ecdh: ReturnType<typeof createECDH> }>();
  const rejected: string[] = [];
  let origin = '';

  const server = await startFakeServer((request: FakeRequest, response) => {
    const device = devices.get(request.path.replace(/^\/push\//, ''));
    const fail = (status: number, problem: string) => {
      rejected.push(problem);
      response.writeHead(status, { 'Content-Type': 'text/plain' });
      response.end(problem);
    };
    if (request.method !== 'POST' || !device) return fail(404, 'no such subscription');
    if (device.answer === 404 || device.answer === 410)
      return fail(device.answer, 'push subscription has unsubscribed or expired');
    const vapid = checkVapid(request.headers.authorization, origin);
    if (typeof vapid === 'string') return fail(403, vapid);
    if (!/^\d+$/.test(String(request.headers.ttl))) return fail(400, 'TTL header missing');
    if (request.headers['content-encoding'] !== 'aes128gcm') return fail(415, 'Content-Encoding is not aes128gcm');
    let plain: Buffer;
    try {
      plain = ece.decrypt(request.body, {
        version: 'aes128gcm',
        privateKey: device.ecdh,
        authSecret: device.keys.auth,
      });
    } catch (error) {
      return fail(400, `cannot decrypt: ${String(error)}`);
    }
    device.vapid = vapid;
    device.received.push(JSON.parse(plain.toString('utf8')));
    response.writeHead(device.answer, { Location: `${origin}/message/${randomUUID()}` });
    response.end();
  });
  origin = server.url;

  /** A browser's new subscription: its endpoint and the keys it would hand the page. */
  function newDevice(): FakeDevice {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const id = randomUUID();
    const device = {
      endpoint: `${origin}/push/${id}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') },
      answer: 201,
      received: [],
      vapid: null,
      ecdh,
    };
    devices.set(id, device);
    return device;
  }

  return { url: origin, close: server.close, newDevice, rejected };
}
