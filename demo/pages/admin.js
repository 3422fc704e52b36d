// The host page's own script: fetch a component session from the host backend and hand it to cb-provider.
const provider = document.getElementById('provider');
const status = document.getElementById('status');

async function fetchSession() {
  const response = await fetch('/demo/session', { cache: 'no-store' });
  if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
  return (await response.json()).session;
}

provider.fetchSession = fetchSession;
try {
  provider.session = await fetchSession();
  const business = await fetch('/v1/clients?limit=1', { headers: { Authorization: `Bearer ${provider.session}` } });
  const { total } = await business.json();
  status.textContent = `Connected: ${total.toLocaleString('en')} clients in this business.`;
} catch (error) {
  status.textContent = `Could not connect: ${error.message}`;
}
