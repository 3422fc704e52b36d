// The host page's own script: fetch a component session from the host backend and hand it to cb-provider,
// which refreshes it through fetchSession when it expires; show the opened client until cb-client-card lands.
const provider = document.getElementById('provider');
const table = document.getElementById('table');
const status = document.getElementById('status');
const panel = document.getElementById('client-panel');
const themeButton = document.getElementById('theme');
const localeSelect = document.getElementById('locale');

async function fetchSession() {
  const response = await fetch('/demo/session', { cache: 'no-store' });
  if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
  return (await response.json()).session;
}

function setTheme(theme) {
  provider.theme = theme;
  document.documentElement.dataset.theme = theme;
  themeButton.setAttribute('aria-pressed', String(theme === 'dark'));
  themeButton.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
}

const params = new URLSearchParams(location.search);
setTheme(params.get('theme') === 'dark' ? 'dark' : 'light');
if (params.get('locale') === 'de') {
  provider.locale = 'de';
  localeSelect.value = 'de';
  document.documentElement.lang = 'de';
}
themeButton.addEventListener('click', () => setTheme(provider.theme === 'dark' ? 'light' : 'dark'));
localeSelect.addEventListener('change', () => {
  provider.locale = localeSelect.value;
  document.documentElement.lang = localeSelect.value;
});

table.addEventListener('cb-selection-change', (event) => {
  status.textContent = event.count ? `${event.count.toLocaleString('en')} selected` : 'Ready.';
});

table.addEventListener('cb-client-open', async (event) => {
  const name = document.getElementById('client-name');
  const details = document.getElementById('client-details');
  name.textContent = 'Loading…';
  details.replaceChildren();
  if (!panel.open) panel.showModal();
  try {
    const client = await provider.apiClient.request('GET', `/v1/clients/${encodeURIComponent(event.clientId)}`);
    name.textContent = client.name;
    const rows = [
      ['Phone', client.phone],
      ['Email', client.email],
      ['Visits', client.visits_count],
      ['Categories', client.categories.map((c) => c.name).join(', ')],
    ];
    for (const [label, value] of rows) {
      if (value === null || value === undefined || value === '') continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = String(value);
      details.append(dt, dd);
    }
  } catch (error) {
    name.textContent = `Could not load the client: ${error.message}`;
  }
});

await customElements.whenDefined('cb-provider');
provider.fetchSession = fetchSession;
try {
  provider.session = await fetchSession();
  status.textContent = 'Connected.';
} catch (error) {
  status.textContent = `Could not connect: ${error.message}`;
}
