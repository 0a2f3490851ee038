/**
 * Notices (通知): the two figures issue 5 asks for.
 * - Publishing to 5,000 households: one `notices.publish` through the real dispatch, on a SQLite
 *   file (WAL) like the local host's, until the outbox is written (target: under 1 s locally).
 * - The send loop against a stand-in for WeChat's subscribeMessage.send on loopback HTTP that
 *   answers "slow down" (errcode 45011) past RATE requests per second: messages per second
 *   achieved, and proof that nobody got a message twice and nobody was left out.
 * Setup (places, residents, grants) goes straight into the store in bulk and is not measured.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Binding, DeliverReport, Envelope, Grant, Place, User } from '@linli/shared';
import { createLocalPorts, type LocalPorts } from '../cloudfunctions/dev/local-ports';
import { FUNCTIONS } from '../cloudfunctions/src/functions/registry';
import { dispatch } from '../cloudfunctions/src/platform/dispatch';
import { fromPhone, fromTimer } from '../cloudfunctions/src/platform/origin';
import { COLLECTIONS } from '../cloudfunctions/src/ports/collections';
import type { Notifier, NotifyOutcome } from '../cloudfunctions/src/ports/notifier';
import type { SubscriptionDoc } from '../cloudfunctions/src/ports/documents';
import { subscriptionId } from '../cloudfunctions/src/use-cases/notifications/spend-grant-and-send';

const BUILDINGS = 25;
const UNITS = 4;
const HOUSEHOLDS_PER_UNIT = 50; // 25 × 4 × 50 = 5,000 households
/** Every fifth household has a second registered member. */
const SECOND_MEMBER_EVERY = 5;
/** The stand-in's limit: low enough that it, not this (shared, 2-core) machine, sets the pace. */
const RATE = Number(process.env.BENCH_WECHAT_RATE ?? 300);
/** The send loop's notice goes to these buildings (8 × 200 households, about 1,900 people). */
const SEND_BUILDINGS = 8;
const LEADER = 'bench-leader';
const quiet = { error: (message: string, meta: Record<string, unknown>) => console.error(message, meta) };

export function seedRows() {
  const district: Place = { _id: 'bn-d', kind: 'district', name: '基准区', parentId: null, path: [], fullName: '基准区' };
  const street: Place = { _id: 'bn-s', kind: 'street', name: '基准街道', parentId: 'bn-d', path: ['bn-d'], fullName: '基准街道' };
  const community: Place = {
    _id: 'bn-c',
    kind: 'community',
    name: '基准社区',
    parentId: 'bn-s',
    path: ['bn-d', 'bn-s'],
    fullName: '基准社区',
  };
  const compound: Place = {
    _id: 'bn-p',
    kind: 'compound',
    name: '基准花园',
    parentId: 'bn-c',
    path: ['bn-d', 'bn-s', 'bn-c'],
    fullName: '基准花园',
  };
  const places: Place[] = [district, street, community, compound];
  const bindings: Binding[] = [];
  const now = new Date().toISOString();
  let person = 0;
  for (let b = 1; b <= BUILDINGS; b++) {
    const building: Place = {
      _id: `bn-p-b${b}`,
      kind: 'building',
      name: `${b}号楼`,
      parentId: compound._id,
      path: [...compound.path, compound._id],
      fullName: `基准花园${b}号楼`,
      sort: b,
    };
    places.push(building);
    for (let u = 1; u <= UNITS; u++) {
      const unit: Place = {
        _id: `${building._id}-u${u}`,
        kind: 'unit',
        name: `${u}单元`,
        parentId: building._id,
        path: [...building.path, building._id],
        fullName: `基准花园${b}号楼${u}单元`,
        sort: u,
      };
      places.push(unit);
      for (let h = 1; h <= HOUSEHOLDS_PER_UNIT; h++) {
        const room = `${Math.ceil(h / 2)}0${((h - 1) % 2) + 1}`;
        const household: Place = {
          _id: `${unit._id}-${room}`,
          kind: 'household',
          name: room,
          parentId: unit._id,
          path: [...unit.path, unit._id],
          fullName: `${unit.fullName}${room}`,
          sort: h,
        };
        places.push(household);
        const members = h % SECOND_MEMBER_EVERY === 0 ? 2 : 1;
        for (let m = 0; m < members; m++) {
          const openid = `bn-r${++person}`;
          bindings.push({
            _id: openid,
            openid,
            householdId: household._id,
            compoundId: compound._id,
            communityId: community._id,
            householdName: household.fullName,
            name: `居民${person}`,
            phone: '13800000000',
            status: 'approved',
            createdAt: now,
          });
        }
      }
    }
  }
  const grant: Grant = {
    role: 'pointLeader',
    placeId: compound._id,
    placePath: compound.path,
    placeName: compound.fullName,
    grantedAt: now,
    grantedBy: 'bench',
  };
  const leader: User = { _id: LEADER, name: '基准点长', grants: [grant], createdAt: now };
  return { places, bindings, leader };
}

export async function publishOnce(
  ports: LocalPorts,
  key: string,
  targetIds = ['bn-p'],
): Promise<{ ms: number; households: number; recipients: number }> {
  const started = performance.now();
  const envelope = (await dispatch(
    FUNCTIONS.notices,
    {
      action: 'publish',
      data: {
        requestKey: key,
        title: '明日全天停水通知',
        body: '因市政管网改造，明天 8:00–18:00 全小区停水，请提前储水。',
        category: 'outage',
        targetIds,
        needsAck: true,
      },
    },
    fromPhone(LEADER),
    ports,
    `bench-${key}`,
    quiet,
  )) as Envelope<{ counts: { households: number; recipients: number } }>;
  const ms = performance.now() - started;
  if (!envelope.ok) throw new Error(`publish failed: ${envelope.error.code}`);
  return { ms, households: envelope.data.counts.households, recipients: envelope.data.counts.recipients };
}

/** A loopback stand-in for subscribeMessage.send allowing `rate` calls per second; it counts what each person received. */
async function fakeWeChat(rate: number): Promise<{ server: Server; url: string; received: Map<string, number>; slowDowns: () => number }> {
  const received = new Map<string, number>();
  let windowStart = Date.now();
  let inWindow = 0;
  let slowDowns = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      if (now - windowStart >= 1000) {
        windowStart = now;
        inWindow = 0;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      if (++inWindow > rate) {
        slowDowns += 1;
        res.end(JSON.stringify({ errcode: 45011, errmsg: 'api minute-quota reach limit' }));
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { touser: string; page: string };
      const key = `${body.touser} ${body.page}`;
      received.set(key, (received.get(key) ?? 0) + 1);
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, received, slowDowns: () => slowDowns };
}

/** The same mapping as the production notifier (43101 → no-grant, 45011 → rate-limited), over HTTP. */
function httpNotifier(url: string): Notifier {
  return {
    async send(message): Promise<NotifyOutcome> {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ touser: message.toOpenid, template_id: message.template, page: message.page, data: message.data }),
      });
      const reply = (await res.json()) as { errcode?: number };
      if (!reply.errcode) return 'sent';
      if (reply.errcode === 43101) return 'no-grant';
      if (reply.errcode === 45011 || reply.errcode === -1) return 'rate-limited';
      return 'failed';
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-notices-'));
  const ports = createLocalPorts(join(dir, 'bench.db'));
  try {
    const { places, bindings, leader } = seedRows();
    await ports.store.insertMany(COLLECTIONS.places, places);
    await ports.store.insertMany(COLLECTIONS.bindings, bindings);
    await ports.store.put(COLLECTIONS.users, leader);
    const households = places.filter((p) => p.kind === 'household').length;
    console.log(`compound: ${households} households, ${bindings.length} registered residents`);

    // 1. publish: the outbox written in bulk
    const runs: number[] = [];
    let last = { households: 0, recipients: 0 };
    for (let i = 0; i < 3; i++) {
      const r = await publishOnce(ports, `bench-publish-${i}`);
      runs.push(r.ms);
      last = r;
    }
    const outbox = await ports.store.count(COLLECTIONS.noticeDeliveries, { noticeId: 'bench-publish-0' });
    console.log(
      `publish to ${last.households} households (${last.recipients} recipients, ${outbox} outbox rows): median ${median(runs).toFixed(0)} ms, runs ${runs.map((m) => m.toFixed(0)).join(' / ')} ms (target < 1000 ms)`,
    );

    // 2. the send loop: a notice to some buildings, everyone holding one grant
    await ports.store.updateMany(COLLECTIONS.noticeDeliveries, { status: 'pending' }, { set: { status: 'cancelled' } });
    const target = Array.from({ length: SEND_BUILDINGS }, (_, i) => `bn-p-b${i + 1}`);
    const sending = await publishOnce(ports, 'bench-send', target);
    const grants: SubscriptionDoc[] = bindings.map((b) => ({
      _id: subscriptionId(b.openid, 'notice'),
      openid: b.openid,
      template: 'notice',
      remaining: 1,
      off: false,
      updatedAt: '',
    }));
    await ports.store.insertMany(COLLECTIONS.subscriptions, grants);
    const wechat = await fakeWeChat(RATE);
    ports.notifier = httpNotifier(wechat.url);
    const started = performance.now();
    let runsOfTimer = 0;
    let sent = 0;
    for (;;) {
      const envelope = (await dispatch(
        FUNCTIONS.notices,
        { Type: 'Timer', TriggerName: 'notices-timer' },
        fromTimer,
        ports,
        `bench-timer-${runsOfTimer}`,
        quiet,
      )) as Envelope<DeliverReport>;
      runsOfTimer += 1;
      if (!envelope.ok) throw new Error(`sender failed: ${envelope.error.code}`);
      sent += envelope.data.sent;
      if ((await ports.store.count(COLLECTIONS.noticeDeliveries, { noticeId: 'bench-send', status: 'pending' })) === 0) break;
      if (runsOfTimer > 50) throw new Error('the sender is not making progress');
    }
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => wechat.server.close(resolve));
    const counts = [...wechat.received.values()];
    const duplicates = counts.filter((c) => c > 1).length;
    const missing = sending.recipients - wechat.received.size;
    console.log(
      `send loop vs a WeChat stand-in limited to ${RATE}/s: ${sent} of ${sending.recipients} messages in ${seconds.toFixed(1)} s = ${(sent / seconds).toFixed(0)}/s over ${runsOfTimer} timer run(s); ${wechat.slowDowns()} "slow down" answers waited out`,
    );
    console.log(`duplicates: ${duplicates}, missing: ${missing}${duplicates === 0 && missing === 0 ? '  ✔' : '  ✘'}`);
  } finally {
    ports.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1]?.endsWith('notices.bench.ts');
if (invokedDirectly) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
