// A real app on a real database for each test file, and small helpers to call it over app.request().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createApp } from '../src/app';
import { createBusiness, type NewBusiness } from '../src/business/service';
import { type Config, loadConfig } from '../src/config';
import type { DatabaseHandle } from '../src/db/connect';
import { createLogger } from '../src/http/logging';
import { JobQueue, type JobQueueOptions } from '../src/jobs/queue';
import { ScopedDb } from '../src/tenancy/scoped-db';
import { openTestDatabase } from './database';

export const PLATFORM_KEY = 'platform_test_key_0123456789abcdef';

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  body: any;
}

export interface TestBusiness {
  id: string;
  secretKey: string;
  publishableKey: string;
  ownerId: string;
  session: string;
  /** The business's tenant-scoped database, for calling domain functions directly. */
  tenant: ScopedDb;
}

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

export interface TestAppOptions {
  now?: () => Date;
  /** Overrides of the configuration; the public rate limit is off unless a test sets it. */
  config?: Partial<Config>;
  /** Job queue timings; tests of retries and crashes shorten them. */
  jobs?: Partial<JobQueueOptions>;
}

export async function openTestApp(options: TestAppOptions = {}) {
  const handle: DatabaseHandle = await openTestDatabase();
  // Stored files go to a folder of this test file's own, never the working tree's .data.
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-test-'));
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    platformKey: PLATFORM_KEY,
    publicRateLimitPerMinute: 0,
    publicKeyRateLimitPerMinute: 0,
    ...options.config,
  };
  const logger = createLogger('silent');
  const jobs = new JobQueue(handle.db, handle.jobsBackend, logger, options.jobs);
  const app = createApp({ db: handle.db, config, logger, now: options.now, jobs });

  async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const response = await app.request(path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** A business with its keys, an owner user and a ready session for that owner. */
  async function newBusiness(overrides: Partial<NewBusiness> = {}): Promise<TestBusiness> {
    const created = await createBusiness(handle.db, {
      name: 'Test salon',
      country: 'GB',
      currency: 'GBP',
      timezone: 'Europe/London',
      allowed_origins: ['https://salon.example'],
      ...overrides,
    });
    const owner = await call('POST', '/v1/users', {
      token: created.secret_key,
      body: { email: `owner-${created.business.id}@example.com`, name: 'Owner', role: 'owner' },
    });
    const session = await call('POST', '/v1/component-sessions', {
      token: created.secret_key,
      body: { user_id: owner.body.id },
    });
    return {
      id: created.business.id,
      secretKey: created.secret_key,
      publishableKey: created.publishable_key,
      ownerId: owner.body.id,
      session: session.body.session,
      tenant: new ScopedDb(handle.db, created.business),
    };
  }

  async function close() {
    await jobs.stop();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { app, db: handle.db, driver: handle.driver, config, jobs, call, newBusiness, close };
}

/** Opens one app for the file and closes it after the file's tests. */
export async function useTestApp(options: TestAppOptions = {}) {
  const testApp = await openTestApp(options);
  afterAll(() => testApp.close());
  return testApp;
}
