// The React host page: Clientbase's custom elements inside a React 19 tree. React 19 sets a custom element's
// known properties as properties (session, fetchSession, filter, theme) and other props as attributes (api-base),
// and turns `oncb-client-open` into addEventListener('cb-client-open'). Bundled by demo/src/server.ts at start.
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type {
  CbBookingCreatedEvent,
  CbBookingRefusedEvent,
  CbBulkDoneEvent,
  CbClientDeletedEvent,
  CbClientOpenEvent,
  CbClientUpdatedEvent,
  CbFilterChangeEvent,
  CbProviderElement,
  CbSelectionChangeEvent,
  CbSessionExpiredEvent,
  Client,
  ClientFilter,
} from './elements';

type Theme = 'light' | 'dark';

interface LogEntry {
  id: number;
  time: string;
  name: string;
  text: string;
}

type OpenedClient =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; client: Client }
  | { status: 'error'; id: string; message: string };

const LOG_SIZE = 8;
const rootElement = document.getElementById('root') as HTMLElement;
const apiBase = rootElement.dataset['apiBase'] ?? '';
const publishableKey = rootElement.dataset['publishableKey'] ?? '';
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** What the host's backend offers its signed-in user: a short-lived component session (here the demo's endpoint). */
async function fetchSession(): Promise<string> {
  const response = await fetch('/demo/session', { cache: 'no-store' });
  if (!response.ok) throw new Error(`session endpoint answered ${response.status}`);
  return ((await response.json()) as { session: string }).session;
}

function summarise(value: unknown, max = 140): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function App() {
  const provider = useRef<CbProviderElement>(null);
  const nextId = useRef(1);
  const [session, setSession] = useState<string | null>(null);
  const [status, setStatus] = useState('Connecting…');
  const [theme, setTheme] = useState<Theme>('light');
  const [filter, setFilter] = useState<ClientFilter>({});
  const [selected, setSelected] = useState(0);
  const [opened, setOpened] = useState<OpenedClient | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);

  const record = useCallback((name: string, text: string) => {
    const entry = { id: nextId.current++, time: new Date().toLocaleTimeString('en-GB'), name, text };
    setLog((entries) => [entry, ...entries].slice(0, LOG_SIZE));
  }, []);

  useEffect(() => {
    let current = true;
    fetchSession().then(
      (fresh) => {
        if (!current) return;
        setSession(fresh);
        setStatus('Connected with a session minted by the host backend.');
      },
      (error: Error) => current && setStatus(`Could not connect: ${error.message}`),
    );
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);

  const onFilterChange = useCallback(
    (event: CbFilterChangeEvent) => {
      // Inside one provider the table follows the filters by itself; a host may also hold the filter and pass it on.
      setFilter(event.filter);
      record('cb-filter-change', summarise(event.filter));
    },
    [record],
  );

  const onSelectionChange = useCallback(
    (event: CbSelectionChangeEvent) => {
      setSelected(event.count);
      const ids = 'ids' in event.selection ? event.selection.ids.length : null;
      const kind = ids === null ? 'every match of the filter' : `${ids} id${ids === 1 ? '' : 's'}`;
      record('cb-selection-change', `${event.count.toLocaleString('en')} selected (${kind})`);
    },
    [record],
  );

  const onClientOpen = useCallback(
    async (event: CbClientOpenEvent) => {
      const id = event.clientId;
      record('cb-client-open', `clientId ${id}`);
      setOpened({ status: 'loading', id });
      try {
        const api = provider.current?.apiClient;
        if (!api) throw new Error('the provider is not ready');
        const client = await api.request<Client>('GET', `/v1/clients/${encodeURIComponent(id)}`);
        setOpened((now) => (now?.id === id ? { status: 'ready', id, client } : now));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        setOpened((now) => (now?.id === id ? { status: 'error', id, message } : now));
      }
    },
    [record],
  );

  const onClientUpdated = useCallback(
    (event: CbClientUpdatedEvent) => {
      record('cb-client-updated', `${event.client.name} saved`);
      setOpened({ status: 'ready', id: event.client.id, client: event.client });
    },
    [record],
  );

  const onClientDeleted = useCallback(
    (event: CbClientDeletedEvent) => {
      record('cb-client-deleted', `clientId ${event.clientId}`);
      setOpened(null);
    },
    [record],
  );

  const onSessionExpired = useCallback(
    (_event: CbSessionExpiredEvent) => {
      setStatus('The session expired and could not be renewed.');
      record('cb-session-expired', 'the provider could not renew the session');
    },
    [record],
  );

  const onBulkDone = useCallback(
    (event: CbBulkDoneEvent) => record('cb-bulk-done', `${event.action}: ${summarise(event.result)}`),
    [record],
  );

  const onBookingCreated = useCallback(
    (event: CbBookingCreatedEvent) => record('cb-booking-created', summarise(event.detail.appointment)),
    [record],
  );

  const onBookingRefused = useCallback(
    (event: CbBookingRefusedEvent) => record('cb-booking-refused', `code ${event.detail.code}`),
    [record],
  );

  const conditions = Object.keys(filter).length;

  return (
    <>
      <div className="react-toolbar">
        <p className="react-status" role="status">
          {status}
        </p>
        <button
          type="button"
          className="react-button"
          aria-pressed={theme === 'dark'}
          onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
      </div>

      <div className="react-grid">
        <section className="react-card react-clients" aria-labelledby="clients-title">
          <header className="react-card-head">
            <h2 id="clients-title">Client base</h2>
            <code>{'<cb-provider> → <cb-client-filters> + <cb-bulk-action-bar> + <cb-client-table>'}</code>
          </header>
          <cb-provider
            ref={provider}
            api-base={apiBase}
            locale="en"
            theme={theme}
            session={session}
            fetchSession={fetchSession}
            oncb-session-expired={onSessionExpired}
          >
            <cb-client-filters oncb-filter-change={onFilterChange} />
            <cb-bulk-action-bar oncb-bulk-done={onBulkDone} />
            <cb-client-table
              selectable
              filter={filter}
              oncb-client-open={onClientOpen}
              oncb-selection-change={onSelectionChange}
            />
            {opened ? (
              <cb-client-card
                key={opened.id}
                client-id={opened.id}
                sections="info,visits,stats,account,loyalty"
                oncb-client-updated={onClientUpdated}
                oncb-client-deleted={onClientDeleted}
              />
            ) : null}
          </cb-provider>
        </section>

        <aside className="react-side" aria-label="What React sees">
          <section className="react-card" aria-labelledby="state-title">
            <h2 id="state-title">React state</h2>
            <dl className="react-state">
              <dt>Session</dt>
              <dd>{session ? `${session.slice(0, 7)}…` : 'none yet'}</dd>
              <dt>Filter</dt>
              <dd>
                {conditions === 0 ? 'no conditions' : `${conditions} condition${conditions === 1 ? '' : 's'}`}
                {conditions > 0 ? <code className="react-json">{summarise(filter, 200)}</code> : null}
              </dd>
              <dt>Selected</dt>
              <dd>{selected.toLocaleString('en')}</dd>
              <dt>Opened</dt>
              <dd>
                <OpenedClientView opened={opened} />
              </dd>
            </dl>
          </section>

          <section className="react-card" aria-labelledby="log-title">
            <h2 id="log-title">Event log</h2>
            {log.length === 0 ? (
              <p className="react-muted">Filter, select or open a client, or book below: the events appear here.</p>
            ) : (
              <ol className="react-log">
                {log.map((entry) => (
                  <li key={entry.id}>
                    <span className="react-log-name">{entry.name}</span>
                    <time>{entry.time}</time>
                    <span className="react-log-text">{entry.text}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </div>

      <section className="react-card react-booking" aria-labelledby="booking-title">
        <header className="react-card-head">
          <h2 id="booking-title">Booking widget</h2>
          <code>{'<cb-booking-widget mode="inline">'}</code>
        </header>
        <cb-booking-widget
          api-base={apiBase}
          publishable-key={publishableKey}
          mode="inline"
          locale="en"
          theme={theme}
          oncb-booking-created={onBookingCreated}
          oncb-booking-refused={onBookingRefused}
        />
      </section>
    </>
  );
}

function OpenedClientView({ opened }: { opened: OpenedClient | null }) {
  if (!opened) return <span className="react-muted">click a client's name</span>;
  if (opened.status === 'loading') return <span className="react-muted">Loading…</span>;
  if (opened.status === 'error') return <span className="react-error">Could not load: {opened.message}</span>;
  const { client } = opened;
  return (
    <div className="react-client">
      <strong>{client.name}</strong>
      <span>{client.phone}</span>
      <span>
        {client.visits_count} visit{client.visits_count === 1 ? '' : 's'} · {money.format(client.total_sold / 100)}{' '}
        spent
      </span>
      {client.categories.length > 0 ? (
        <span className="react-tags">
          {client.categories.map((category) => (
            <span key={category.id} className="react-tag">
              {category.name}
            </span>
          ))}
        </span>
      ) : null}
    </div>
  );
}

// Properties are only properties once the elements are defined: render after their bundles have run.
await Promise.all(
  ['cb-provider', 'cb-client-table', 'cb-client-filters', 'cb-bulk-action-bar', 'cb-booking-widget'].map((tag) =>
    customElements.whenDefined(tag),
  ),
);
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
