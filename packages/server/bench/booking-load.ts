// The public booking API over real HTTP on loopback: slot lookups per second under concurrent load
// (autocannon, bounded in time), and the latency of online bookings sent 20 at a time to distinct free
// slots found through the API itself. The rate limit is off: this measures the server, not the limiter.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/http/logging';
import { addDays, localDate } from '../src/time/zoned';
import { type Bench, summarize } from './harness';
import type { SeededTarget } from './targets';

const SLOT_SECONDS = 8;
const CONNECTIONS = 10;
const BOOKINGS = 200;
const BOOKING_CONCURRENCY = 20;

interface Slot {
  starts_at: string;
  staff_id: string;
}

export async function bookingLoad(target: SeededTarget, bench: Bench): Promise<void> {
  const db = target.db;
  const config = { ...loadConfig({}), publicRateLimitPerMinute: 0, publicKeyRateLimitPerMinute: 0 };
  const app = createApp({ db, config, logger: createLogger('silent') });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const headers = { 'X-Publishable-Key': target.publishableKey, 'Content-Type': 'application/json' };
    const config = (await (await fetch(`${base}/v1/public/booking/config`, { headers })).json()) as {
      locations: { id: string; timezone: string }[];
      staff: { location_ids: string[]; service_ids: string[] }[];
    };
    const location = config.locations[0];
    const member = config.staff.find((s) => location && s.location_ids.includes(location.id));
    if (!location || !member?.service_ids[0]) throw new Error('the seeded business has no bookable staff');
    const serviceId = member.service_ids[0];
    const day = (n: number) => addDays(localDate(new Date(), location.timezone), n);
    const slotsUrl = (date: string) =>
      `${base}/v1/public/booking/slots?location_id=${location.id}&service_ids=${serviceId}&date=${date}`;

    const run = await autocannon({
      url: slotsUrl(day(3)),
      headers,
      connections: CONNECTIONS,
      duration: SLOT_SECONDS,
    });
    bench.record({
      target: target.label,
      name: `slots requests/s (${CONNECTIONS} connections, ${SLOT_SECONDS} s)`,
      value: Math.round(run.requests.average),
      unit: 'req/s',
      note: `latency p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, non-2xx ${run.non2xx}, errors ${run.errors}`,
    });

    // Distinct free slots, none overlapping another for the same staff member, over the next weeks.
    const free: Slot[] = [];
    for (let n = 1; n <= 40 && free.length < BOOKINGS; n++) {
      const { slots } = (await (await fetch(slotsUrl(day(n)), { headers })).json()) as { slots: Slot[] };
      const lastEnd = new Map<string, number>();
      for (const slot of slots) {
        const start = Date.parse(slot.starts_at);
        if (start < (lastEnd.get(slot.staff_id) ?? 0)) continue;
        lastEnd.set(slot.staff_id, start + 4 * 3_600_000);
        free.push(slot);
      }
    }
    const latencies: number[] = [];
    const created: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < Math.min(BOOKINGS, free.length)) {
        const i = next++;
        const slot = free[i] as Slot;
        const body = {
          location_id: location.id,
          service_ids: [serviceId],
          staff_id: slot.staff_id,
          starts_at: slot.starts_at,
          client: { name: `Bench Visitor ${i}`, phone: `+4477009${String(i).padStart(5, '0')}` },
        };
        const started = performance.now();
        const response = await fetch(`${base}/v1/public/booking/appointments`, {
          method: 'POST',
          headers: { ...headers, 'Idempotency-Key': `bench-${Date.now()}-${i}` },
          body: JSON.stringify(body),
        });
        const answer = (await response.json()) as { client_id?: string };
        latencies.push(performance.now() - started);
        if (answer.client_id) created.push(answer.client_id);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: BOOKING_CONCURRENCY }, worker));
    const timing = summarize(latencies);
    bench.record({
      target: target.label,
      name: `online booking (${BOOKING_CONCURRENCY} concurrent)`,
      unit: 'ms',
      p50: Math.round(timing.p50 * 10) / 10,
      p95: Math.round(timing.p95 * 10) / 10,
      iterations: latencies.length,
      note: [...statuses].map(([status, n]) => `${n}× ${status}`).join(', '),
    });
    // The visitors were new clients: removing them (their bookings cascade) leaves the base as seeded,
    // so a kept database can be measured again.
    if (created.length) await db.deleteFrom('clients').where('id', 'in', created).execute();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}
