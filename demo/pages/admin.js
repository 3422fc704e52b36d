// The host page's own script: fetch a component session from the host backend and hand it to cb-provider,
// which refreshes it through fetchSession when it expires; open a client's card in the side panel.
const provider = document.getElementById('provider');
const table = document.getElementById('table');
const status = document.getElementById('status');
const panel = document.getElementById('client-panel');
const card = document.getElementById('client-card');
const panelTitle = document.getElementById('client-name');
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

// The bar reloads the table itself after a delete or a category change; the host only reports.
document.getElementById('bulk').addEventListener('cb-bulk-done', (event) => {
  status.textContent = `Bulk ${event.action.replace('_', ' ')} finished.`;
});

table.addEventListener('cb-client-open', async (event) => {
  // The panel's title names the client for screen readers; the card shows the name itself.
  panelTitle.textContent = 'Loading…';
  card.activeSection = null;
  card.clientId = event.clientId;
  if (!panel.open) panel.showModal();
  try {
    const client = await provider.apiClient.request('GET', `/v1/clients/${encodeURIComponent(event.clientId)}`);
    if (card.clientId === client.id) panelTitle.textContent = client.name;
  } catch (error) {
    panelTitle.textContent = `Could not load the client: ${error.message}`;
  }
});

/** A click on a side panel's backdrop (outside its box) closes it. */
function closeOnBackdrop(dialog) {
  dialog.addEventListener('click', (event) => {
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) dialog.close();
  });
}

document.getElementById('client-panel-close').addEventListener('click', () => panel.close());
closeOnBackdrop(panel);

// Importing clients: the element sits in the provider (in a side panel), so it gets the session, locale and theme.
// An import closed half-way keeps its step; the element's own "Start over" begins anew.
const importPanel = document.getElementById('import-panel');
const importOpen = document.getElementById('import-open');
importOpen.addEventListener('click', () => importPanel.showModal());
document.getElementById('import-panel-close').addEventListener('click', () => importPanel.close());
closeOnBackdrop(importPanel);
// New and changed clients: the table reads its rows again.
document.getElementById('import').addEventListener('cb-import-done', (event) => {
  const { created, updated, skipped_count } = event.result;
  status.textContent = `Import finished: ${created} created, ${updated} updated, ${skipped_count} skipped.`;
  table.refresh();
});

card.addEventListener('cb-client-updated', (event) => {
  panelTitle.textContent = event.client.name;
  table.refresh();
});

card.addEventListener('cb-client-deleted', () => {
  status.textContent = 'Client deleted.';
  table.refresh();
  setTimeout(() => panel.close(), 1500);
});

await customElements.whenDefined('cb-provider');
provider.fetchSession = fetchSession;
try {
  provider.session = await fetchSession();
  status.textContent = 'Connected.';
} catch (error) {
  status.textContent = `Could not connect: ${error.message}`;
}
