// The no-duplicate proof: a real server process sends a bulk SMS through a Twilio-speaking fake, is killed
// (SIGKILL) in the middle, and a second process on the same database resumes the job. Every recipient gets
// the message at most once; the only ones without it are those whose send was in flight at the kill, and
// they are recorded as interrupted, not silently dropped.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMPLATE_DATABASE, testDriver, urlFor, withAdminClient } from './database';
import { startFakeTwilio } from './fakes/twilio';

const PLATFORM_KEY = 'platform_crash_test_key_0123456789';
const ACCOUNT_SID = `AC${'c'.repeat(32)}`;
const AUTH_TOKEN = 'crash-test-auth-token';
const RECIPIENTS = 24;

const twilio = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });

// One database for both processes: a PGlite folder, or a fresh PostgreSQL database.
const dataDir = mkdtempSync(join(tmpdir(), 'cb-crash-'));
let databaseUrl: string | undefined;
if (testDriver() === 'postgres') {
  const name = `cb_crash_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name} template ${TEMPLATE_DATABASE}`));
  databaseUrl = urlFor(name);
  afterAll(() => withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)));
}
afterAll(async () => {
  await twilio.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Server {
  process: ChildProcess;
  base: string;
  exited: Promise<void>;
}

/** `src/main.ts` as its own process, answering once it logs its port. */
async function startServer(): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: resolve(import.meta.dirname, '..'),
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      PLATFORM_KEY,
      LOG_LEVEL: 'info',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: '+447700900000',
      TWILIO_BASE_URL: twilio.url,
      // Paced, so the kill lands in the middle of the campaign.
      SMS_RATE_PER_SECOND: '10',
      JOBS_HEARTBEAT_SECONDS: '10',
      JOBS_SUPERVISE_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  const base = await new Promise<string>((found, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /API on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        found(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${output}`)));
  });
  return { process: child, base, exited };
}

async function call(server: Server, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${server.base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON answers
  return { status: response.status, body: (await response.json()) as any };
}

describe('a bulk send survives its server being killed mid-send', () => {
  it('resumes in a new process and sends nobody a second copy', { timeout: 180_000 }, async () => {
    const first = await startServer();
    const created = await call(first, 'POST', '/v1/platform/businesses', PLATFORM_KEY, {
      name: 'Crash salon',
      country: 'GB',
      currency: 'GBP',
      timezone: 'Europe/London',
    });
    expect(created.status).toBe(201);
    const key = created.body.secret_key as string;
    for (let i = 0; i < RECIPIENTS; i++) {
      const res = await call(first, 'POST', '/v1/clients', key, {
        first_name: `Crash${i}`,
        phone: `07700 9${String(i).padStart(5, '0')}`,
        marketing_allowed: true,
      });
      expect(res.status).toBe(201);
    }
    const sent = await call(first, 'POST', '/v1/clients/bulk', key, {
      action: 'send_message',
      selection: { query: 'crash' },
      channel: 'sms',
      body: 'Hello {first_name}',
      legal_ack: true,
    });
    expect(sent.status).toBe(202);
    const jobId = sent.body.job.id as string;

    while (twilio.messages.length < RECIPIENTS / 3) await new Promise((done) => setTimeout(done, 10));
    first.process.kill('SIGKILL');
    await first.exited;
    const beforeRestart = twilio.messages.length;
    expect(beforeRestart).toBeLessThan(RECIPIENTS);

    const second = await startServer();
    try {
      let job: { status: string; result: Record<string, unknown> } | undefined;
      for (let i = 0; i < 600 && !['done', 'failed'].includes(job?.status ?? ''); i++) {
        await new Promise((done) => setTimeout(done, 200));
        job = (await call(second, 'GET', `/v1/jobs/${jobId}`, key)).body;
      }
      expect(job?.status).toBe('done');
      const received = twilio.messages.map((sms) => sms.params.To);
      // Nobody twice.
      expect(new Set(received).size).toBe(received.length);
      expect(received.length).toBeGreaterThan(beforeRestart);
      const interrupted = (job?.result.failed as number) ?? 0;
      // At most the one message in flight at the kill is unaccounted for, and it is reported, not resent.
      expect(interrupted).toBeLessThanOrEqual(1);
      expect(job?.result.sent).toBe(RECIPIENTS - interrupted);
      expect(received.length).toBeGreaterThanOrEqual(RECIPIENTS - interrupted);
      expect(received.length).toBeLessThanOrEqual(RECIPIENTS);
    } finally {
      second.process.kill('SIGTERM');
      await second.exited;
    }
  });
});
