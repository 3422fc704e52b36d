// Following a background job (GET /v1/jobs/:id) until it is done, failed or cancelled: quick at first, then backing off so a
// long send does not poll every half second for minutes.
import type { ApiClient } from './client.js';

export interface Job {
  id: string;
  kind: string;
  /** `cancelled`: stopped on request (POST /v1/jobs/:id/cancel); `result` holds what was done by then. */
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** 0..1 */
  progress: number;
  result: unknown;
  error: string | null;
}

export const FIRST_POLL_MS = 500;
const MAX_POLL_MS = 4000;
const BACKOFF = 1.5;
/** Network failures in a row tolerated before giving up (a short blip should not lose the job). */
const MAX_NETWORK_FAILURES = 5;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}

/** Resolves with the finished job; `onUpdate` sees every answer. Rejects when `signal` aborts or the API refuses. */
export async function followJob(
  api: ApiClient,
  id: string,
  onUpdate: (job: Job) => void,
  signal: AbortSignal,
): Promise<Job> {
  let delay = FIRST_POLL_MS;
  let failures = 0;
  for (;;) {
    try {
      const job = await api.request<Job>('GET', `/v1/jobs/${encodeURIComponent(id)}`, undefined, { signal });
      failures = 0;
      onUpdate(job);
      if (job.status === 'done' || job.status === 'failed' || job.status === 'cancelled') return job;
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      if (signal.aborted || status !== 0 || ++failures > MAX_NETWORK_FAILURES) throw error;
    }
    await sleep(delay, signal);
    delay = Math.min(delay * BACKOFF, MAX_POLL_MS);
  }
}

/** Asks the job to stop (it stops at its next step); a job that already ended is left as it is. */
export async function stopJob(api: ApiClient, id: string): Promise<void> {
  try {
    await api.request('POST', `/v1/jobs/${encodeURIComponent(id)}/cancel`);
  } catch (error) {
    if ((error as { status?: unknown }).status !== 409) throw error;
  }
}
