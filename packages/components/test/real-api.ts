// The real API the WTR config serves (see web-test-runner.config.mjs): a session for a new owner user each call.
export interface TestSession {
  apiBase: string;
  session: string;
  clients: number;
}

export interface TestSessionOptions {
  bulk?: boolean;
  expired?: boolean;
  /** A new user of this role (default owner). */
  role?: 'owner' | 'admin' | 'receptionist';
  /** Session features, e.g. `{ payments: false }`. */
  features?: Record<string, boolean>;
}

export async function testSession(options: TestSessionOptions = {}): Promise<TestSession> {
  const features = options.features
    ? `features=${encodeURIComponent(
        Object.entries(options.features)
          .map(([name, on]) => `${name}:${on}`)
          .join(','),
      )}`
    : '';
  const query = [options.bulk && 'bulk', options.expired && 'expired', options.role && `role=${options.role}`, features]
    .filter(Boolean)
    .join('&');
  const response = await fetch(query ? `/test-session?${query}` : '/test-session');
  if (!response.ok) throw new Error(`test-session answered ${response.status}`);
  return response.json();
}

/** Calls the real API directly (outside any element), e.g. to read expectations. */
export async function apiCall<T>(session: TestSession, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${session.apiBase}${path}`, {
    method,
    headers: { Authorization: `Bearer ${session.session}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return response.status === 204 ? (undefined as T) : response.json();
}

/** Resolves once `check` returns a truthy value (polled every animation frame), or rejects after `timeout` ms. */
export async function waitFor<T>(
  check: () => T | null | undefined | false,
  timeout = 5000,
  what = 'condition',
): Promise<T> {
  const started = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - started > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
