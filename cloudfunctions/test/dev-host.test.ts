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
    ports.store.close();
  };
  return { base, post, stop, seeded };
}

describe('local host', () => {
  it('answers POST /fn/<name> with the WeChat envelope and clear codes for what it does not know', async () => {
    const host = await start(':memory:');
    try {
      expect((await host.post('/fn/team', { action: 'getCard', data: { compoundId: 'p-zhongjie' } })).data.compound.name).toBe('中捷木材小区');
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
});
