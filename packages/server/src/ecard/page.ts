// The e-card page at /e-card/<token>: one self-contained HTML document showing that card only. Its CSS
// is allowed by a per-response nonce and the QR code and barcode are inline SVG, so the CSP allows
// nothing else (no scripts, no images, no requests).
import { randomBytes } from 'node:crypto';
import { formatMoney, localeOf } from '../messaging/placeholders';
import { escapeHtml } from '../text/html';
import { code128Svg } from './code128';
import type { readEcard } from './public';
import { qrGeometry } from './qr';

type EcardRead = Awaited<ReturnType<typeof readEcard>>;

export const newNonce = () => randomBytes(16).toString('base64');

/** The headers of every page answer, the 404 included. */
export function pageHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    // The balance changes and the URL is a credential: nothing may keep a copy or pass it on.
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Robots-Tag': 'noindex',
  };
}

/** The QR code as one `<path>` of its dark modules, on white. */
export function qrSvg(text: string): string {
  const { size, path } = qrGeometry(text);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="QR code" ` +
    `shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:16px;
font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f1f0f7;color:#1f1b2e}
.card{width:100%;max-width:420px;border-radius:20px;overflow:hidden;background:#fff;
box-shadow:0 12px 32px rgba(49,33,99,.18)}
.head{padding:20px 20px 24px;color:#fff;background:linear-gradient(135deg,#4338ca 0%,#7c3aed 55%,#c026d3 100%)}
.biz{margin:0;font-size:1.3rem;font-weight:700;overflow-wrap:anywhere}
.kind{margin:2px 0 16px;font-size:.8rem;letter-spacing:.12em;text-transform:uppercase;opacity:.85}
.name{margin:0;font-size:1.1rem;overflow-wrap:anywhere}
.facts{display:flex;gap:12px;margin:16px 0 0}
.fact{flex:1;padding:10px 12px;border-radius:12px;background:rgba(255,255,255,.16)}
.fact dt{font-size:.75rem;opacity:.85}
.fact dd{margin:0;font-size:1.25rem;font-weight:700}
.codes{padding:20px;text-align:center}
.qr svg{width:min(60vw,220px);height:auto;display:block;margin:0 auto}
.bar svg{width:100%;max-width:340px;height:64px;display:block;margin:16px auto 0}
.number{margin:8px 0 0;font:600 1.1rem/1.2 ui-monospace,Menlo,Consolas,monospace;letter-spacing:.08em}
.expiry{margin:12px 0 0;font-size:.85rem;color:#5b5670}
.expired{color:#b91c1c;font-weight:600}
.missing{padding:32px 20px;text-align:center}
.missing h1{margin:0 0 8px;font-size:1.25rem}
.missing p{margin:0;color:#5b5670}
`;

function document(nonce: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function expiryLine({ ecard, business }: EcardRead, now: Date): string {
  if (!ecard.expires_at) return '';
  const expiresAt = new Date(ecard.expires_at);
  const date = new Intl.DateTimeFormat(localeOf(business.country), {
    dateStyle: 'medium',
    timeZone: business.timezone,
  }).format(expiresAt);
  return expiresAt <= now
    ? `<p class="expiry expired">Expired on ${escapeHtml(date)}</p>`
    : `<p class="expiry">Valid until ${escapeHtml(date)}</p>`;
}

export function ecardPage(read: EcardRead, nonce: string, now: Date): string {
  const { ecard, business } = read;
  const balance = formatMoney(ecard.bonus_balance, business.currency, business.country);
  const discount = new Intl.NumberFormat(localeOf(business.country), { style: 'percent' }).format(ecard.discount / 100);
  const number = escapeHtml(ecard.number);
  return document(
    nonce,
    `${ecard.business_name} loyalty card`,
    `<main class="card">
<section class="head">
<h1 class="biz">${escapeHtml(ecard.business_name)}</h1>
<p class="kind">Loyalty card</p>
<p class="name">${escapeHtml(ecard.first_name)}</p>
<dl class="facts">
<div class="fact"><dt>Discount</dt><dd>${escapeHtml(discount)}</dd></div>
<div class="fact"><dt>Bonus balance</dt><dd>${escapeHtml(balance)}</dd></div>
</dl>
</section>
<section class="codes" aria-label="Card number ${number}">
<div class="qr">${qrSvg(ecard.number)}</div>
<div class="bar">${code128Svg(ecard.number)}</div>
<p class="number">${number}</p>
${expiryLine(read, now)}
</section>
</main>`,
  );
}

export function missingPage(nonce: string): string {
  return document(
    nonce,
    'Card not found',
    `<main class="card missing">
<h1>Card not found</h1>
<p>This link is no longer valid. Ask for a new one at the desk.</p>
</main>`,
  );
}
