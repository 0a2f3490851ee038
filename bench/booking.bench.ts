/**
 * Booking (预约): 1,000 residents press "确认预约" at once for the same slot, over HTTP to the
 * local host (POST /fn/booking, each with its own dev identity), on a SQLite file with WAL like
 * the one `npm start` uses. Prints how many got a seat, every other answer by code, overbookings
 * counted from the database afterwards (must be 0), and p50/p99 latency. Loopback only; the
 * seeding (demo street + 1,000 residents) is not measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scheduleInputSchema, shanghaiInstant } from '@linli/shared';
import { DEV_IDENTITY_HEADER } from '../cloudfunctions/dev/dev-identity';
import { createLocalPorts } from '../cloudfunctions/dev/local-ports';
import { DEMO_SCHEDULES, seedCrowd } from '../cloudfunctions/dev/seed-booking';
import { seedIfEmpty } from '../cloudfunctions/dev/seed';
import { createDevServer } from '../cloudfunctions/dev/server';
import { COLLECTIONS } from '../cloudfunctions/src/ports/collections';
import { findAll } from '../cloudfunctions/src/use-cases/find-all';

const ATTEMPTS = Number(process.env.BENCH_BOOKING_ATTEMPTS ?? 1000);
/** Seats of the contested slot: a busy 服务群众工作日 takes a few dozen people per half hour. */
const SEATS = Number(process.env.BENCH_BOOKING_SEATS ?? 50);
const SERVICE = 'c-xinguang-svc-3';
/** Friday 2026-11-20 10:00 in Shanghai; the contested slot is Monday 09:00. */
const NOW = new Date('2026-11-20T02:00:00.000Z');
const START_AT = shanghaiInstant('2026-11-23', '09:00').toISOString();

type Answer = { code: string; ms: number };

function post(port: number, agent: Agent, openid: string, body: string): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/fn/booking',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', [DEV_IDENTITY_HEADER]: openid },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - started;
          try {
            const envelope = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; error?: { code: string } };
            resolve({ code: envelope.ok ? 'OK' : (envelope.error?.code ?? 'NO_CODE'), ms });
          } catch {
            resolve({ code: `HTTP_${res.statusCode ?? 0}`, ms });
          }
        });
      },
    );
    req.on('error', (e) => resolve({ code: `NETWORK_${(e as NodeJS.ErrnoException).code ?? 'ERROR'}`, ms: performance.now() - started }));
    req.end(body);
  });
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-booking-'));
  const ports = createLocalPorts(join(dir, 'linli.db'));
  const server = createDevServer(ports, join(dir, 'no-h5'));
  // one socket per caller, as a thousand phones would open; bounded by the attempt count
  const agent = new Agent({ keepAlive: false, maxSockets: ATTEMPTS });
  try {
    ports.clock.set(NOW);
    await seedIfEmpty(ports.store, ports.clock);
    const schedule = await ports.store.get(COLLECTIONS.bookingSchedules, SERVICE);
    if (!schedule) throw new Error(`no seeded schedule for ${SERVICE}`);
    await ports.store.put(COLLECTIONS.bookingSchedules, {
      ...schedule,
      settings: scheduleInputSchema.parse({ ...DEMO_SCHEDULES[SERVICE], seats: SEATS }),
    });
    const crowd = await seedCrowd(ports.store, ports.clock, ATTEMPTS, 'bench');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;

    const started = performance.now();
    const answers = await Promise.all(
      crowd.map((openid, i) =>
        post(
          port,
          agent,
          openid,
          JSON.stringify({
            action: 'book',
            data: {
              serviceId: SERVICE,
              startAt: START_AT,
              booker: { name: `居民${i + 1}`, phone: '13900000000' },
              requestKey: `bench-${String(i).padStart(6, '0')}`,
            },
          }),
        ),
      ),
    );
    const wallMs = performance.now() - started;

    const byCode = new Map<string, number>();
    for (const a of answers) byCode.set(a.code, (byCode.get(a.code) ?? 0) + 1);
    const successes = byCode.get('OK') ?? 0;

    // from the database, not from the answers: every slot's live bookings against its seats
    const slots = await findAll(ports.store, COLLECTIONS.bookingSlots, { serviceId: SERVICE }, [['startAt', 'asc']]);
    let overbookings = 0;
    let ledgerMismatches = 0;
    let booked = 0;
    for (const slot of slots) {
      const live = await ports.store.count(COLLECTIONS.bookings, { slotId: slot._id, status: 'booked' });
      booked += live;
      overbookings += Math.max(0, live - slot.seats);
      if (live !== slot.taken) ledgerMismatches++;
    }
    const codes = await ports.store.count(COLLECTIONS.bookingCodes, {});
    const sample = await ports.store.find(COLLECTIONS.bookings, { where: { serviceId: SERVICE }, limit: 1 });

    const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
    console.log(`booking: ${ATTEMPTS} concurrent attempts over HTTP for one slot of ${SEATS} seats (${SERVICE}, ${START_AT})`);
    console.log(`  successes: ${successes}   (expected ${Math.min(SEATS, ATTEMPTS)})`);
    console.log(`  answers: ${[...byCode.entries()].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    console.log(`  overbookings (from the database): ${overbookings}${overbookings === 0 ? '' : '  ✘ MUST BE 0'}`);
    console.log(
      `  bookings in the database: ${booked}, codes: ${codes}, slot ledgers out of step: ${ledgerMismatches}${sample.length ? '' : ' (no booking found)'}`,
    );
    console.log(
      `  latency p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms, max ${(ms[ms.length - 1] ?? 0).toFixed(0)} ms; all answered in ${wallMs.toFixed(0)} ms`,
    );
    if (overbookings !== 0 || booked !== successes || ledgerMismatches !== 0) process.exitCode = 1;
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
