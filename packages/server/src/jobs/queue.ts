// Durable background work. pg-boss carries the work (claiming, retries with backoff, heartbeats) on
// PostgreSQL or, through its PGlite backend, on the embedded database: one interface either way. Our
// own `jobs` row is what callers see (GET /v1/jobs/:id): tenant-scoped, with progress and result.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { fromKysely, fromPglite, type Job, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import type { JobsBackend } from '../db/connect';
import type { Database, JobTable } from '../db/schema';
import { ApiError } from '../http/errors';
import { ScopedDb, TENANT_BUSINESS_COLUMNS } from '../tenancy/scoped-db';

export type JobKind = 'bulk_send' | 'bulk_delete' | 'bulk_category' | 'export' | 'import';

export interface JobPayload {
  job_id: string;
  business_id: string;
}

export interface JobContext {
  tenant: ScopedDb;
  job: { id: string; kind: JobKind; params: Record<string, unknown>; created_by: string | null };
  /** Which attempt this is (0 first); a handler resuming after a crash or error must not repeat itself. */
  attempt: number;
  /** 0..1, stored for GET /v1/jobs/:id; cheap to call often (writes at most every 250 ms). */
  progress(fraction: number): Promise<void>;
  /**
   * Whether someone asked to stop the job (POST /v1/jobs/:id/cancel); cheap to call between steps (reads at
   * most every 500 ms). A handler that sees it stops where it stands and returns what it did: the job ends
   * `cancelled` with that result. One that cannot stop halfway may throw JobStopped.
   */
  stopRequested(): Promise<boolean>;
  signal: AbortSignal;
}

/** What a finished job reports in `result`. */
export type JobHandler = (context: JobContext) => Promise<unknown>;

export interface JobQueueOptions {
  /** A worker that stops touching its job for this long is presumed dead and the job retried (≥ 10). */
  heartbeatSeconds: number;
  /** How often the supervisor looks for such jobs (and other maintenance). */
  superviseSeconds: number;
  retryLimit: number;
  /** Seconds before the first retry; later ones back off exponentially. */
  retryDelaySeconds: number;
  pollingSeconds: number;
}

export const DEFAULT_JOB_OPTIONS: JobQueueOptions = {
  heartbeatSeconds: 30,
  superviseSeconds: 30,
  retryLimit: 3,
  retryDelaySeconds: 5,
  pollingSeconds: 1,
};

const PROGRESS_INTERVAL_MS = 250;
const STOP_CHECK_INTERVAL_MS = 500;

/** Thrown by a handler that stops on request without a result of its own. */
export class JobStopped extends Error {
  constructor() {
    super('Stopped on request.');
  }
}

export class JobQueue {
  private readonly handlers = new Map<JobKind, JobHandler>();
  private readonly schedules = new Map<string, { cron: string; run: () => Promise<unknown> }>();
  private starting: Promise<PgBoss> | null = null;
  private readonly options: JobQueueOptions;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly backend: JobsBackend | null,
    private readonly logger: Logger,
    options: Partial<JobQueueOptions> = {},
  ) {
    this.options = { ...DEFAULT_JOB_OPTIONS, ...options };
  }

  /** Registered before start; createApp registers every kind, since the handlers need its services. */
  register(kind: JobKind, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Work on a schedule (cron, UTC) with no business of its own, done by one process however many run. */
  every(name: string, cron: string, run: () => Promise<unknown>): void {
    this.schedules.set(name, { cron, run });
  }

  /**
   * Installs pg-boss's schema when missing, resumes work a previous process left behind and starts the
   * workers. The server calls it at boot; enqueue calls it too, so tests start it only when they use it.
   */
  start(): Promise<PgBoss> {
    this.starting ??= this.open().catch((error) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  async stop(): Promise<void> {
    const boss = this.starting ? await this.starting.catch(() => null) : null;
    this.starting = null;
    // Not graceful: a job cut off here is exactly a crash, and is resumed by the next start.
    await boss?.stop({ graceful: false, close: true, timeout: 1000 });
  }

  /**
   * Records the job and hands it to pg-boss in one transaction, with whatever `prepare` writes for it (a
   * campaign, a data-log entry) and returns as its params: there is never one without the others.
   */
  async enqueue(
    tenant: ScopedDb,
    kind: JobKind,
    createdBy: string | null,
    prepare: (tx: ScopedDb) => Promise<Record<string, unknown>>,
  ): Promise<JobView> {
    // Started outside the transaction: on the embedded database pg-boss would wait for it to end.
    const boss = await this.start();
    return tenant.transaction(async (tx) => {
      const params = await prepare(tx);
      const row = await tx
        .insertInto('jobs', { kind, params: JSON.stringify(params), created_by: createdBy })
        .returningAll()
        .executeTakeFirstOrThrow();
      const payload: JobPayload = { job_id: row.id, business_id: tenant.business.id };
      await boss.send(kind, payload, { id: row.id, db: fromKysely(tx.db as Transaction<Database>) });
      return jobView(row);
    });
  }

  private async open(): Promise<PgBoss> {
    const { options } = this;
    if (!this.backend) throw new ApiError(503, 'jobs_unavailable', 'Background jobs are not running on this server.');
    const common = {
      schema: 'pgboss',
      superviseIntervalSeconds: options.superviseSeconds,
      monitorIntervalSeconds: options.superviseSeconds,
      registerInstance: false,
      openTelemetry: { enabled: false },
    };
    const boss =
      this.backend.kind === 'pglite'
        ? new PgBoss({ ...common, db: fromPglite(this.backend.pglite), backend: 'pglite' })
        : new PgBoss({ ...common, connectionString: this.backend.url, max: 3, application_name: 'clientbase-jobs' });
    boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    for (const kind of this.handlers.keys()) {
      await boss.createQueue(kind, {
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: true,
        heartbeatSeconds: options.heartbeatSeconds,
        // The heartbeat notices a dead worker; this only bounds a live one that is stuck.
        expireInSeconds: 6 * 60 * 60,
      });
    }
    if (this.backend.kind === 'pglite') await this.resumeOrphans(boss);
    for (const [kind, handler] of this.handlers) {
      await boss.work<JobPayload>(kind, { batchSize: 1, pollingIntervalSeconds: options.pollingSeconds }, ([job]) =>
        job ? this.run(job, handler) : Promise.resolve(),
      );
    }
    for (const [name, { cron, run }] of this.schedules) {
      await boss.createQueue(name, { retryLimit: 1, expireInSeconds: 60 * 60 });
      await boss.schedule(name, cron);
      await boss.work(name, { pollingIntervalSeconds: 30 }, async () => {
        this.logger.info({ job: name, result: await run() }, 'scheduled job done');
      });
    }
    return boss;
  }

  /**
   * The embedded database belongs to one process (the data folder is locked), so a job still active at
   * start was cut off by a crash of this same server: retry it now instead of waiting out its heartbeat.
   */
  private async resumeOrphans(boss: PgBoss): Promise<void> {
    for (const kind of this.handlers.keys()) {
      const active = (await boss.findJobs(kind, { queued: false })).filter((job) => job.state === 'active');
      if (active.length) {
        this.logger.warn({ kind, jobs: active.map((j) => j.id) }, 'resuming jobs interrupted by a restart');
        await boss.fail(
          kind,
          active.map((job) => job.id),
          { message: 'interrupted by a restart' },
        );
      }
    }
  }

  private async run(job: Job<JobPayload>, handler: JobHandler): Promise<unknown> {
    const { job_id, business_id } = job.data;
    const business = await this.db
      .selectFrom('businesses')
      .select(TENANT_BUSINESS_COLUMNS)
      .where('businesses.id', '=', business_id)
      .executeTakeFirst();
    const row = business
      ? await this.db.selectFrom('jobs').selectAll().where('id', '=', job_id).executeTakeFirst()
      : undefined;
    // The business (and its jobs) were deleted meanwhile: nothing is left to do.
    if (!business || !row) return null;
    const tenant = new ScopedDb(this.db, business);
    const update = (
      set: Partial<{ status: JobStatus; progress: number | undefined; result: string; error: string | null }>,
    ) =>
      tenant
        .updateTable('jobs')
        .set({ ...set, updated_at: new Date() })
        .where('id', '=', job_id)
        .execute();
    // Claimed unless it was cancelled while it waited.
    const started = await tenant
      .updateTable('jobs')
      .set({ status: 'running', error: null, updated_at: new Date() })
      .where('id', '=', job_id)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (!started.numUpdatedRows) return null;
    let lastWrite = 0;
    const progress = async (fraction: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_INTERVAL_MS && fraction < 1) return;
      lastWrite = now;
      await update({ progress: Math.min(1, Math.max(0, fraction)) });
    };
    let stopAsked = false;
    let lastCheck = 0;
    const stopRequested = async () => {
      if (stopAsked || Date.now() - lastCheck < STOP_CHECK_INTERVAL_MS) return stopAsked;
      lastCheck = Date.now();
      const current = await tenant
        .selectFrom('jobs')
        .select('cancel_requested_at')
        .where('id', '=', job_id)
        .executeTakeFirst();
      stopAsked = Boolean(current?.cancel_requested_at);
      return stopAsked;
    };
    try {
      const result = await handler({
        tenant,
        job: { id: row.id, kind: row.kind as JobKind, params: row.params, created_by: row.created_by },
        attempt: job.retryCount,
        progress,
        stopRequested,
        signal: job.signal,
      });
      lastCheck = 0;
      const status = (await stopRequested()) ? 'cancelled' : 'done';
      await update({ status, progress: status === 'done' ? 1 : undefined, result: JSON.stringify(result ?? null) });
      return null;
    } catch (error) {
      lastCheck = 0;
      // Stopped on request, or failing after a stop was asked for: either way no retry.
      if (error instanceof JobStopped || (await stopRequested())) {
        await update({ status: 'cancelled', error: error instanceof JobStopped ? null : String(error) });
        return null;
      }
      const message = error instanceof Error ? error.message : String(error);
      const final = job.retryCount >= this.options.retryLimit;
      this.logger.error({ err: error, job_id, kind: row.kind, attempt: job.retryCount, final }, 'job failed');
      // Until the last attempt the job is only waiting for its retry.
      await update({ status: final ? 'failed' : 'queued', error: message });
      throw error;
    }
  }
}

type JobStatus = Selectable<JobTable>['status'];

/** GET /v1/jobs/:id (CONTRACT.md): what a caller follows a job by. */
export function jobView(row: Selectable<JobTable>) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    result: row.result ?? null,
    error: row.error,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export type JobView = ReturnType<typeof jobView>;
