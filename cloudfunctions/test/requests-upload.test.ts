import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_IDENTITY_HEADER } from '../dev/dev-identity';
import { createLocalPorts } from '../dev/local-ports';
import { seedIfEmpty } from '../dev/seed';
import { createDevServer } from '../dev/server';

const ports = createLocalPorts(':memory:');
const server = createDevServer(ports, '/nonexistent');
let base = '';

beforeAll(async () => {
  await seedIfEmpty(ports.store, ports.clock);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  ports.close();
});

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

async function upload(body: Uint8Array, openid: string | null = 'dev-resident-1', name = '楼道.png') {
  const res = await fetch(`${base}/dev/upload`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      'x-file-name': encodeURIComponent(name),
      ...(openid ? { [DEV_IDENTITY_HEADER]: openid } : {}),
    },
    body,
  });
  return (await res.json()) as { ok: boolean; data?: { fileId: string }; error?: { code: string } };
}

describe('local photo uploads (the H5 stand-in for Taro.cloud.uploadFile)', () => {
  it('stores a photo, serves it back and lets the uploader attach it to a request', async () => {
    const up = await upload(PNG);
    expect(up.ok).toBe(true);
    const fileId = up.data!.fileId;
    const served = await fetch(`${base}/dev/files/${fileId}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    const submit = await fetch(`${base}/fn/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [DEV_IDENTITY_HEADER]: 'dev-resident-1' },
      body: JSON.stringify({
        action: 'submit',
        data: {
          key: 'upload-test-key-1',
          compoundId: 'p-zhongjie',
          category: 'repairs',
          description: '楼道墙皮脱落',
          photos: [fileId],
          location: { kind: 'home' },
        },
      }),
    });
    expect(((await submit.json()) as { data: { request: { photos: string[] } } }).data.request.photos).toEqual([fileId]);
  });

  it.each([
    ['a GIF', new TextEncoder().encode('GIF89a-not-allowed'), 'dev-resident-1', 'REQUEST.PHOTO_TYPE'],
    [
      'a file over 5 MB',
      (() => {
        const b = new Uint8Array(5 * 1024 * 1024 + 10);
        b.set(PNG);
        return b;
      })(),
      'dev-resident-1',
      'REQUEST.PHOTO_TOO_LARGE',
    ],
    ['an upload without an identity', PNG, null, 'COMMON.UNAUTHENTICATED'],
  ])('refuses %s', async (_label, body, openid, code) => {
    expect((await upload(body, openid)).error?.code).toBe(code);
  });

  it('answers 404 for an unknown or malformed file id', async () => {
    expect((await fetch(`${base}/dev/files/up-nope`)).status).toBe(404);
    expect((await fetch(`${base}/dev/files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
