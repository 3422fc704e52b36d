// A preview of the built widget against the real API (the test catalogue of startBookingApi), served under a strict
// Content-Security-Policy: `node --import tsx scripts/preview.ts [port]`, then open
// http://127.0.0.1:PORT/?theme=dark&mode=button&locale=de&location=Mitte. For screenshots (scripts/screenshots.ts).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { startBookingApi } from '../../server/test-support/api-server';

const port = Number(process.argv[2] ?? 8790);
const api = await startBookingApi();
const bundle = new URL('../dist/cb-booking-widget.js', import.meta.url);
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'";

const page = (params: URLSearchParams) => {
  const theme = params.get('theme') ?? 'light';
  const location = params.get('location');
  const attributes = [
    `api-base="http://127.0.0.1:${port}"`,
    `publishable-key="${api.keys.euro}"`,
    `theme="${theme}"`,
    `mode="${params.get('mode') ?? 'inline'}"`,
    `locale="${params.get('locale') ?? 'en'}"`,
    location ? `location-id="${api.locations[location]}"` : '',
  ].join(' ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Widget preview</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/page.css">
<script type="module" src="/cb-booking-widget.js"></script></head>
<body class="${theme}"><main><cb-booking-widget ${attributes}></cb-booking-widget></main></body></html>`;
};

const css = `body { margin: 0; font-family: system-ui, sans-serif; background: #f1f1f4; }
body.dark { background: #0b0b0e; }
main { max-width: 40rem; margin: 0 auto; padding: 24px 16px; }`;

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': CSP });
    return res.end(page(url.searchParams));
  }
  if (url.pathname === '/page.css') {
    res.writeHead(200, { 'Content-Type': 'text/css' });
    return res.end(css);
  }
  if (url.pathname === '/cb-booking-widget.js') {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    return res.end(await readFile(bundle));
  }
  if (url.pathname === '/test-booking') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify({ keys: api.keys, clients: api.clients, locations: api.locations }));
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const answer = await api.fetch(new Request(url, { method: req.method ?? 'GET', headers, body }));
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  res.end(Buffer.from(await answer.arrayBuffer()));
}).listen(port, '127.0.0.1', () => console.log(`Preview on http://127.0.0.1:${port}/`));
