// The host page's own script: fetch a component session from the host backend and hand it to cb-provider,
// which refreshes it through fetchSession when it expires.
const provider = document.getElementById('provider');
const status = document.getElementById('status');

async function fetchSession() {
  const response = await fetch('/demo/session', { cache: 'no-store' });
  if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
  return (await response.json()).session;
}

await customElements.whenDefined('cb-provider');
provider.fetchSession = fetchSession;
try {
  provider.session = await fetchSession();
  const { total } = await provider.apiClient.request('GET', '/v1/clients?limit=1');
  status.textContent = `Connected: ${total.toLocaleString('en')} clients in this business.`;
} catch (error) {
  status.textContent = `Could not connect: ${error.message}`;
}
