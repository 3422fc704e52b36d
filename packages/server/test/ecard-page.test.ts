// The page an e-card link opens, GET /e-card/:token: that one card as HTML, and the Code 128 encoder
// behind its barcode.
import { describe, expect, it } from 'vitest';
import {
  checksum,
  code128Bars,
  code128Svg,
  encodeCode128B,
  START_B,
  STOP,
  subsetBValues,
  symbolWidths,
} from '../src/ecard/code128';
import { qrSvg } from '../src/ecard/page';
import { qrGeometry } from '../src/ecard/qr';
import { escapeHtml } from '../src/text/html';
import { useTestApp } from './harness';

const now = new Date('2026-11-25T12:00:00Z');
const t = await useTestApp({ now: () => now });
const biz = await t.newBusiness({ name: 'Salon <Aurora> & Co' });
const token = biz.secretKey;

const page = (ecardToken: string) => t.call('GET', `/e-card/${ecardToken}`);
const tokenOf = (url: string) => url.split('/').pop() as string;

async function cardWithLink(client: Record<string, unknown>, card: Record<string, unknown> = {}) {
  const created = await t.call('POST', '/v1/clients', { token, body: client });
  expect(created.status).toBe(201);
  const issued = await t.call('POST', `/v1/clients/${created.body.id}/loyalty-cards`, {
    token,
    body: { kind: 'loyalty', discount: 5, ...card },
  });
  expect(issued.status).toBe(201);
  const sent = await t.call('POST', `/v1/clients/${created.body.id}/e-card`, { token, body: { send_via: 'sms' } });
  expect(sent.status).toBe(201);
  return {
    clientId: created.body.id as string,
    card: issued.body as { id: string; number: string },
    link: tokenOf(sent.body.url),
  };
}

function expectPageHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toMatch(/^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]{24}';/);
  expect(csp).not.toContain('unsafe-inline');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('cache-control')).toBe('no-store');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  expect(headers.get('x-robots-tag')).toBe('noindex');
  expect(headers.get('content-type')).toMatch(/^text\/html/);
  return csp;
}

describe('GET /e-card/:token', () => {
  it('shows the card, and nothing else about the client, with a nonce-only CSP', async () => {
    const { card, link } = await cardWithLink({
      first_name: 'Ann<b>',
      last_name: 'Smithson',
      phone: '07400 900101',
      email: 'ann@example.com',
      note: 'Allergic to latex',
    });
    await t.call('POST', `/v1/loyalty-cards/${card.id}/transactions`, {
      token,
      body: { kind: 'accrue', amount: 1250 },
    });

    const res = await page(link);
    expect(res.status).toBe(200);
    const csp = expectPageHeaders(res.headers);
    const html: string = res.body;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain('Salon &lt;Aurora&gt; &amp; Co');
    expect(html).toContain('Loyalty card');
    expect(html).toContain('Ann&lt;b&gt;');
    expect(html).not.toContain('Ann<b>');
    expect(html).toContain(card.number);
    expect(html).toContain('£12.50');
    expect(html).toContain('5%');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('aria-label="QR code"');
    expect(html).toContain('aria-label="Barcode"');
    for (const secret of ['Smithson', '900101', '07400', 'ann@example.com', 'latex', link])
      expect(html).not.toContain(secret);
    expect(html).not.toMatch(/<script|<img|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);

    // A new nonce on every answer.
    const again = await page(link);
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('shows the expiry in the business time zone', async () => {
    const { link } = await cardWithLink(
      { first_name: 'Bea', phone: '07400 900102' },
      { expires_at: '2027-03-01T12:00:00Z' },
    );
    const res = await page(link);
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/Valid until [^<]*2027/);
  });

  it('answers a plain 404 page for unknown, malformed and revoked tokens and deleted cards', async () => {
    const { clientId, link } = await cardWithLink({ first_name: 'Cara', phone: '07400 900103' });
    expect((await page(link)).status).toBe(200);
    const check = async (value: string) => {
      const res = await page(value);
      expect(res.status).toBe(404);
      expectPageHeaders(res.headers);
      expect(res.body).toContain('Card not found');
      expect(res.body).not.toContain('Cara');
    };
    for (const value of ['x', 'a'.repeat(43), `${'a'.repeat(43)}b`, '%00', '%3Cscript%3E']) await check(value);

    expect((await t.call('DELETE', `/v1/clients/${clientId}/e-card`, { token })).status).toBe(204);
    await check(link);

    const other = await cardWithLink({ first_name: 'Dee', phone: '07400 900104' });
    expect((await page(other.link)).status).toBe(200);
    expect((await t.call('DELETE', `/v1/loyalty-cards/${other.card.id}`, { token })).status).toBe(200);
    await check(other.link);
  });
});

describe('Code 128 B', () => {
  it('computes the weighted mod-103 checksum of the classic worked example', () => {
    const values = subsetBValues('PJJ123C');
    expect(values).toEqual([48, 42, 42, 17, 18, 19, 35]);
    // The textbook example is with start A (103): 878 mod 103 = 54; start B (104) adds 1.
    expect(checksum(103, values)).toBe(54);
    expect(checksum(START_B, values)).toBe(55);
  });

  it('has the start B and stop patterns, and well-formed symbols throughout', () => {
    expect(symbolWidths(START_B)).toEqual([2, 1, 1, 2, 1, 4]);
    expect(symbolWidths(STOP)).toEqual([2, 3, 3, 1, 1, 1, 2]);
    const seen = new Set<string>();
    for (let value = 0; value < STOP; value++) {
      const widths = symbolWidths(value);
      expect(widths.reduce((a, b) => a + b)).toBe(11);
      // Bars always span an even number of modules.
      expect((widths[0] ?? 0) + (widths[2] ?? 0) + (widths[4] ?? 0)).toSatisfy((n: number) => n % 2 === 0);
      seen.add(widths.join(''));
    }
    expect(seen.size).toBe(106);
    expect(() => symbolWidths(107)).toThrow(RangeError);
  });

  it('encodes start, data, check and stop, and draws bars with quiet zones', () => {
    expect(encodeCode128B('LC1')).toEqual([104, 44, 35, 17, (104 + 44 + 70 + 51) % 103, 106]);
    expect(() => encodeCode128B('é')).toThrow(RangeError);
    const svg = code128Svg('LC1');
    // 10 + 5 symbols × 11 + stop 13 + 10 modules.
    expect(svg).toContain('viewBox="0 0 88 64"');
    // The first bar starts after the quiet zone: start B's 2-module bar.
    expect(svg).toMatch(/d="M10 0h2v64h-2z/);
    expect(svg.match(/M\d+ 0h/g)).toHaveLength(5 * 3 + 4);
  });

  it('draws the page from the same geometry the card section gets', () => {
    const bars = code128Bars('LC1', 64);
    expect(bars.width).toBe(88);
    expect(code128Svg('LC1')).toContain(`d="${bars.path}"`);
    const qr = qrGeometry('LC00012345');
    expect(qrSvg('LC00012345')).toContain(`viewBox="0 0 ${qr.size} ${qr.size}"`);
    expect(qrSvg('LC00012345')).toContain(`d="${qr.path}"`);
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
