// A real app on a real database for each test file, and small helpers to call it over app.request().
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { createApp } from '../src/app';
import { createBusiness, type NewBusiness } from '../src/business/service';
import { type Config, loadConfig } from '../src/config';
import type { DatabaseHandle } from '../src/db/connect';
import type { Database } from '../src/db/schema';
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

export interface StaffOptions {
  /** Features the host page switches off (or on) for this session. */
  features?: Record<string, boolean>;
  /** The branches the user works at; none means every branch. */
  locationIds?: string[];
}

/** The tables whose rows belong to one business. */
export type BusinessOwnedTable = {
  [K in keyof Database]: 'business_id' extends keyof Database[K] ? K : never;
}[keyof Database];

/** The statuses after which a job changes no more. */
const JOB_ENDS = ['done', 'failed', 'cancelled'];

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

  /** A user with this role in the business and a component session for them, as a host page mints it. */
  async function newStaff(
    business: TestBusiness,
    role: string,
    options: StaffOptions = {},
  ): Promise<{ userId: string; session: string }> {
    const token = business.secretKey;
    const user = await call('POST', '/v1/users', {
      token,
      body: {
        email: `${role}-${randomUUID()}@example.com`,
        name: role,
        role,
        ...(options.locationIds ? { location_ids: options.locationIds } : {}),
      },
    });
    if (user.status !== 201) throw new Error(`no ${role} user: ${user.status} ${JSON.stringify(user.body)}`);
    const session = await call('POST', '/v1/component-sessions', {
      token,
      body: { user_id: user.body.id, ...(options.features ? { features: options.features } : {}) },
    });
    if (session.status !== 201) throw new Error(`no session: ${session.status} ${JSON.stringify(session.body)}`);
    return { userId: user.body.id, session: session.body.session };
  }

  /** Just the session token of a new user with this role (and these features). */
  async function sessionFor(business: TestBusiness, role: string, features?: Record<string, boolean>) {
    return (await newStaff(business, role, { features })).session;
  }

  /** Polls GET /v1/jobs/:id until the job has ended, and answers its last state. */
  async function jobEnded(jobId: string, token: string) {
    for (let i = 0; i < 200; i++) {
      const res = await call('GET', `/v1/jobs/${jobId}`, { token });
      if (res.status !== 200) throw new Error(`job ${jobId}: ${res.status} ${JSON.stringify(res.body)}`);
      if (JOB_ENDS.includes(res.body.status)) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`job ${jobId} did not end`);
  }

  /** How many rows of this table the business has: a refused request must leave them as they were. */
  async function rowCount(table: BusinessOwnedTable, businessId: string): Promise<number> {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where('business_id', '=', businessId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function close() {
    await jobs.stop();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return {
    app,
    db: handle.db,
    driver: handle.driver,
    config,
    jobs,
    call,
    newBusiness,
    newStaff,
    sessionFor,
    jobEnded,
    rowCount,
    close,
  };
}

/** Opens one app for the file and closes it after the file's tests. */
export async function useTestApp(options: TestAppOptions = {}) {
  const testApp = await openTestApp(options);
  afterAll(() => testApp.close());
  return testApp;
}
