import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_IDENTITY_HEADER } from '../dev/dev-identity';
import { createLocalPorts } from '../dev/local-ports';
import { seedIfEmpty } from '../dev/seed';
import { createDevServer } from '../dev/server';
import { PERSON } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'linli-host-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(file: string) {
  const ports = createLocalPorts(file);
  const seeded = await seedIfEmpty(ports.store, ports.clock);
  const server = createDevServer(ports, join(dir, 'no-h5'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, body: unknown, openid?: string) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { [DEV_IDENTITY_HEADER]: openid } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; data?: any; error?: { code: string; details?: any } };
  };
  const stop = async () => {
    await new Promise((r) => server.close(r));
    ports.close();
  };
  return { base, post, stop, seeded };
}

describe('local host', () => {
  it('answers POST /fn/<name> with the WeChat envelope and clear codes for what it does not know', async () => {
    const host = await start(':memory:');
    try {
      expect((await host.post('/fn/team', { action: 'getCard', data: { compoundId: 'p-zhongjie' } })).data.compound.name).toBe(
        '中捷木材小区',
      );
      expect((await host.post('/fn/nope', { action: 'x' })).error?.code).toBe('COMMON.UNKNOWN_FUNCTION');
      expect((await host.post('/fn/__proto__', { action: 'x' })).error?.code).toBe('COMMON.UNKNOWN_FUNCTION');
      expect((await host.post('/fn/team', { action: 'nope' })).error?.code).toBe('COMMON.UNKNOWN_ACTION');
      expect((await host.post('/fn/team', '{not json')).error?.code).toBe('COMMON.INVALID_INPUT');
      // the dev identity header stands in for OPENID
      expect((await host.post('/fn/identity', { action: 'me' })).error?.code).toBe('COMMON.UNAUTHENTICATED');
      expect((await host.post('/fn/identity', { action: 'me' }, 'dev-street')).data.name).toBe('刘晓燕');
      const ids = (await (await fetch(`${host.base}/dev/identities`)).json()) as { identities: { openid: string }[] };
      expect(ids.identities.map((i) => i.openid)).toContain('dev-resident-1');
    } finally {
      await host.stop();
    }
  });

  it('seeds on first start and keeps changes on the second', async () => {
    const file = join(dir, 'linli.db');
    const first = await start(file);
    expect(first.seeded).toBe(true);
    const card = (await first.post('/fn/team', { action: 'getCard', data: { compoundId: 'p-zhongjie' } })).data;
    const leader = card.groups[0].members[0];
    const replaced = await first.post(
      '/fn/team',
      { action: 'replaceMember', data: { compoundId: 'p-zhongjie', memberId: leader.id, person: PERSON } },
      'dev-staff-zhongfang',
    );
    expect(replaced.ok).toBe(true);
    await first.stop();

    const second = await start(file);
    try {
      expect(second.seeded).toBe(false);
      const again = (await second.post('/fn/team', { action: 'getCard', data: { compoundId: 'p-zhongjie' } })).data;
      expect(again.groups[0].members[0].name).toBe(PERSON.name);
    } finally {
      await second.stop();
    }
  });

  it('answers a path with bad percent-encoding with 400, not 500', async () => {
    const host = await start(':memory:');
    try {
      for (const [method, path] of [
        ['GET', '/%E0%A4%A'],
        ['GET', '/dev/files/%ZZ'],
        ['POST', '/fn/%E0%A4%A'],
        ['POST', '/dev/timers/%'],
      ] as const) {
        const res = await fetch(host.base + path, { method, ...(method === 'POST' ? { body: '{}' } : {}) });
        expect(res.status, path).toBe(400);
        expect(await res.json(), path).toMatchObject({ ok: false, error: { code: 'COMMON.INVALID_INPUT' } });
      }
      // and the host goes on answering
      expect((await host.post('/fn/team', { action: 'getCard', data: { compoundId: 'p-zhongjie' } })).ok).toBe(true);
    } finally {
      await host.stop();
    }
  });

  it('answers a body over the limit with a typed 413, not a reset connection', async () => {
    const host = await start(':memory:');
    try {
      const body = JSON.stringify({ action: 'getCard', data: { compoundId: 'p-zhongjie', padding: 'x'.repeat(1_500_000) } });
      const res = await fetch(`${host.base}/fn/team`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.PAYLOAD_TOO_LARGE', details: { maxBytes: 1_000_000 } } });
      const clock = await fetch(`${host.base}/dev/clock`, { method: 'POST', body: JSON.stringify({ set: 'x'.repeat(1_200_000) }) });
      expect(clock.status).toBe(413);
    } finally {
      await host.stop();
    }
  });

  it('/dev/clock refuses an invalid date or an advance out of range, with the reason, and the clock keeps working', async () => {
    const host = await start(':memory:');
    const clock = async (body: unknown) => {
      const res = await fetch(`${host.base}/dev/clock`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as any };
    };
    try {
      const before = (await clock({})).body.now;
      for (const bad of [
        { set: 'not a date' },
        { set: '2026-02-31T00:00:00Z' },
        { advanceMs: 1e300 },
        { advanceMs: -1e17 },
        { advanceMs: 'soon' },
        { advanceMs: 1.5 },
        { sett: '2026-11-20T02:00:00Z' },
        '{oops',
      ]) {
        const refused = await clock(bad);
        expect(refused.status, JSON.stringify(bad)).toBe(400);
        expect(refused.body.error.code, JSON.stringify(bad)).toBe('COMMON.INVALID_INPUT');
        expect(refused.body.error.details.issues[0].message, JSON.stringify(bad)).toBeTruthy();
      }
      // nothing moved, and every later call still works
      expect(Math.abs(Date.parse((await clock({})).body.now) - Date.parse(before))).toBeLessThan(60_000);
      expect((await host.post('/fn/team', { action: 'getCard', data: { compoundId: 'p-zhongjie' } })).ok).toBe(true);
      expect((await clock({ set: '2026-11-20T02:00:00.000Z' })).body.now).toBe('2026-11-20T02:00:00.000Z');
      expect((await clock({ advanceMs: 60_000 })).body.now).toBe('2026-11-20T02:01:00.000Z');
      expect((await clock({ reset: true })).status).toBe(200);
    } finally {
      await host.stop();
    }
  });
});
