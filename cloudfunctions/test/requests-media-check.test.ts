import { beforeEach, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import type { LocalPorts } from '../dev/local-ports';
import { code, createTestApp, data, type Call } from './harness';

/**
 * Photos whose image check answers later (WeChat's mediaCheckAsync in production): held for the
 * reporter only until the `wxa_media_check` push arrives through the real dispatch.
 */
const RESIDENT = 'dev-resident-1';
const STAFF = 'dev-staff-zhongfang';
const LEADER = 'dev-leader-zhongjie';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]);

let ports: LocalPorts;
let call: Call;
let n = 0;

/** The push as CloudBase hands it to the function: WeChat's message, no caller openid. */
const push = (traceId: string, suggest: string, openid: string | null = null) =>
  dispatch(
    FUNCTIONS.requests,
    {
      ToUserName: 'gh_1234567890ab',
      FromUserName: 'o-platform',
      CreateTime: 1795000000,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx0123456789abcdef',
      trace_id: traceId,
      version: 2,
      result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label: 100, prob: 90 }],
    },
    openid,
    ports,
    `push-${n++}`,
    { error: () => undefined },
  );

const photo = (name: string) => ports.files.save({ name, contentType: 'image/png', bytes: PNG, ownerOpenid: RESIDENT });

async function submitWithPhotos(key: string, photos: string[]) {
  return data(
    await call(
      'requests',
      'submit',
      { key, compoundId: 'p-zhongjie', category: 'repairs', description: '楼道墙皮脱落，请尽快处理', photos, location: { kind: 'home' } },
      RESIDENT,
    ),
  );
}
const detail = async (id: string, openid: string) => data(await call('requests', 'get', { requestId: id }, openid));

beforeEach(async () => {
  ({ ports, call } = await createTestApp());
  // production's answer: the verdict comes later, by push
  ports.contentCheck = { ...ports.contentCheck, checkImage: async (fileId) => ({ pending: true, traceId: `trace-${fileId}` }) };
});

describe('photos whose image check is pending', () => {
  it('are stored but shown only to their reporter, marked pending, until the verdict', async () => {
    const [a, b] = [await photo('a.png'), await photo('b.png')];
    const { request } = await submitWithPhotos('media-check-key-1', [a, b]);
    expect(request.photos).toEqual([a, b]);

    const mine = await detail(request.id, RESIDENT);
    expect(mine.photos).toEqual([a, b]);
    expect(mine.pendingPhotos).toEqual([a, b]);
    expect(mine.removedPhotosNotice).toBeUndefined();
    for (const other of [STAFF, LEADER]) {
      const seen = await detail(request.id, other);
      expect(seen.photos, other).toEqual([]);
      expect(seen.pendingPhotos, other).toBeUndefined();
    }
    const listed = data(await call('requests', 'list', { placeId: 'p-zhongjie', view: 'all' }, STAFF));
    expect(listed.requests.find((r: { id: string }) => r.id === request.id).photos).toEqual([]);
    const myList = data(await call('requests', 'mine', {}, RESIDENT));
    expect(myList.requests.find((r: { id: string }) => r.id === request.id).photos).toEqual([a, b]);

    const checks = await ports.store.getMany(COLLECTIONS.mediaChecks, [`trace-${a}`, `trace-${b}`]);
    checks.sort((x, y) => (x.fileId === a ? -1 : y.fileId === a ? 1 : 0));
    expect(checks.map((c) => ({ requestId: c.requestId, fileId: c.fileId, kind: c.kind, status: c.status }))).toEqual([
      { requestId: request.id, fileId: a, kind: 'request', status: 'pending' },
      { requestId: request.id, fileId: b, kind: 'request', status: 'pending' },
    ]);
  });

  it('a pass verdict shows the photo to staff; a repeated push changes nothing', async () => {
    const [a, b] = [await photo('a.png'), await photo('b.png')];
    const { request } = await submitWithPhotos('media-check-key-2', [a, b]);
    expect(data(await push(`trace-${a}`, 'pass'))).toEqual({ outcome: 'shown' });
    expect((await detail(request.id, STAFF)).photos).toEqual([a]);
    expect((await detail(request.id, RESIDENT)).pendingPhotos).toEqual([b]);

    const before = await ports.store.get(COLLECTIONS.requests, request.id);
    expect(data(await push(`trace-${a}`, 'pass'))).toEqual({ outcome: 'ignored' });
    expect(data(await push(`trace-${a}`, 'risky'))).toEqual({ outcome: 'ignored' });
    expect(await ports.store.get(COLLECTIONS.requests, request.id)).toEqual(before);

    expect(data(await push(`trace-${b}`, 'pass'))).toEqual({ outcome: 'shown' });
    const staffView = await detail(request.id, STAFF);
    expect(staffView.photos).toEqual([a, b]);
    expect((await detail(request.id, RESIDENT)).pendingPhotos).toBeUndefined();
  });

  it('a risky verdict removes the photo, keeps the request and tells the reporter', async () => {
    const [a, b] = [await photo('a.png'), await photo('b.png')];
    const { request } = await submitWithPhotos('media-check-key-3', [a, b]);
    expect(data(await push(`trace-${a}`, 'risky'))).toEqual({ outcome: 'removed' });
    expect(data(await push(`trace-${b}`, 'pass'))).toEqual({ outcome: 'shown' });

    const mine = await detail(request.id, RESIDENT);
    expect(mine.description).toBe('楼道墙皮脱落，请尽快处理');
    expect(mine.photos).toEqual([b]);
    expect(mine.removedPhotosNotice).toBe('有 1 张照片未通过内容安全检查，已删除');
    const staffView = await detail(request.id, STAFF);
    expect(staffView.photos).toEqual([b]);
    expect(staffView.removedPhotosNotice).toBeUndefined();
    // the submitted line of the timeline no longer carries it either
    expect(mine.timeline.flatMap((e: { photos?: string[] }) => e.photos ?? [])).not.toContain(a);
    expect((await ports.store.get(COLLECTIONS.mediaChecks, `trace-${a}`))?.status).toBe('removed');
  });

  it('review keeps the photo held for its reporter only', async () => {
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-check-key-4', [a]);
    expect(data(await push(`trace-${a}`, 'review'))).toEqual({ outcome: 'held' });
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
    expect((await detail(request.id, RESIDENT)).pendingPhotos).toEqual([a]);
    expect((await ports.store.get(COLLECTIONS.mediaChecks, `trace-${a}`))?.status).toBe('review');
  });

  it('progress photos are held for the handler who posted them', async () => {
    const { request } = await submitWithPhotos('media-check-key-5', []);
    const shot = await ports.files.save({ name: 'fix.png', contentType: 'image/png', bytes: PNG, ownerOpenid: STAFF });
    data(await call('requests', 'accept', { requestId: request.id }, STAFF));
    data(await call('requests', 'triage', { requestId: request.id, track: 'minor', handlerOpenid: LEADER }, STAFF));
    data(await call('requests', 'progress', { requestId: request.id, key: 'media-progress-1', text: '已联系物业维修', photos: [shot] }, STAFF));
    const lineOf = (d: { timeline: { kind: string; photos?: string[] }[] }) => d.timeline.find((e) => e.kind === 'progress')!;
    expect(lineOf(await detail(request.id, STAFF)).photos).toEqual([shot]);
    expect(lineOf(await detail(request.id, RESIDENT)).photos).toEqual([]);
    expect(data(await push(`trace-${shot}`, 'risky'))).toEqual({ outcome: 'removed' });
    expect(lineOf(await detail(request.id, STAFF)).photos).toEqual([]);
    expect((await detail(request.id, STAFF)).removedPhotosNotice).toBe('有 1 张照片未通过内容安全检查，已删除');
  });

  it('a failed check call holds the photo and still stores the request', async () => {
    ports.contentCheck = { ...ports.contentCheck, checkImage: async () => ({ pending: true, traceId: null }) };
    const a = await photo('a.png');
    const { request, created } = await submitWithPhotos('media-check-key-6', [a]);
    expect(created).toBe(true);
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
    expect((await ports.store.get(COLLECTIONS.mediaChecks, `unsent:${request.id}:${a}`))?.status).toBe('unsent');
  });
});

describe('the wxa_media_check push', () => {
  it('with a caller openid is refused: a phone cannot fake it', async () => {
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-check-key-7', [a]);
    expect(code(await push(`trace-${a}`, 'pass', RESIDENT))).toBe('COMMON.FORBIDDEN');
    expect(code(await call('requests', 'mediaChecked', { trace_id: `trace-${a}`, result: { suggest: 'pass' } }, RESIDENT))).toBe(
      'COMMON.FORBIDDEN',
    );
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
  });

  it('to a function that declares no push is refused', async () => {
    const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 't', result: { suggest: 'pass' } };
    expect(code(await dispatch(FUNCTIONS.notices, event, null, ports, 'x', { error: () => undefined }))).toBe('COMMON.FORBIDDEN');
  });

  it('with an unknown trace id is ignored cleanly', async () => {
    expect(data(await push('trace-nobody-knows', 'risky'))).toEqual({ outcome: 'ignored' });
    expect(await ports.store.get(COLLECTIONS.mediaChecks, 'trace-nobody-knows')).toBeNull();
  });
});
