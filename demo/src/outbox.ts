// /outbox: what the demo "sent". Without provider keys every channel is the recording dev transport, and
// each message is also a row of the messages log; this page shows the demo business's latest ones, so a
// bulk SMS or an emailed export link can be seen without anyone receiving it.
import { escapeHtml, type Runtime } from '@clientbase/server';

// Links in a message body (an export's download link) become clickable; everything else stays text.
const linkify = (text: string) =>
  escapeHtml(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" rel="noreferrer">${url}</a>`);

export async function outboxPage(runtime: Runtime, businessId: string): Promise<string> {
  const rows = await runtime.handle.db
    .selectFrom('messages')
    .leftJoin('clients', 'clients.id', 'messages.client_id')
    .select([
      'messages.created_at',
      'messages.channel',
      'messages.kind',
      'messages.status',
      'messages.to_address',
      'messages.subject',
      'messages.body',
      'messages.error',
      'messages.provider',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('messages.business_id', '=', businessId)
    .orderBy('messages.created_at', 'desc')
    .limit(200)
    .execute();
  const items = rows
    .map((row) => {
      const who = [row.first_name, row.last_name].filter(Boolean).join(' ');
      return `<li class="outbox-item outbox-${escapeHtml(row.status)}">
  <div class="outbox-meta">
    <span class="outbox-channel">${escapeHtml(row.channel.toUpperCase())}</span>
    <span>${escapeHtml(row.kind)}</span>
    <span class="outbox-status">${escapeHtml(row.status)}</span>
    <time datetime="${row.created_at.toISOString()}">${escapeHtml(row.created_at.toISOString().replace('T', ' ').slice(0, 19))} UTC</time>
  </div>
  <p class="outbox-to">To ${escapeHtml(who || 'no client')}${row.to_address ? ` &lt;${escapeHtml(row.to_address)}&gt;` : ''}${row.provider && row.provider !== 'dev' ? ` via ${escapeHtml(row.provider)}` : ''}</p>
  ${row.subject ? `<p class="outbox-subject">${escapeHtml(row.subject)}</p>` : ''}
  <p class="outbox-body">${linkify(row.body)}</p>
  ${row.error ? `<p class="outbox-error">${escapeHtml(row.error)}</p>` : ''}
</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="refresh" content="10">
  <title>Outbox — Clientbase demo</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/assets/demo.css">
</head>
<body class="outbox-page">
  <header class="admin-bar">
    <h1>Outbox</h1>
    <p class="status">Messages the demo recorded instead of sending (newest first, refreshes every 10 s). <a href="/admin">Back to the client base</a></p>
  </header>
  <main>
    ${rows.length ? `<ol class="outbox">${items}</ol>` : '<p class="outbox-empty">Nothing sent yet. Select clients on /admin and send them a message.</p>'}
  </main>
</body>
</html>
`;
}
