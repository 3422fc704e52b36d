// Small helpers for providers that retry a request the provider did not take.
import { setTimeout } from 'node:timers/promises';

export const sleep = (ms: number) => setTimeout(ms);

/** Longest a provider's Retry-After may hold a request (which an admin is waiting on). */
const MAX_RETRY_AFTER_MS = 5_000;

/** A Retry-After header in seconds as milliseconds, capped; 0 when absent or not a number. */
export function retryAfterMs(header: string | null | undefined): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : 0;
}
