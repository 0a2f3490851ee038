import { beforeEach, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../src/ports/collections';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromPhone, fromTimer, type Origin } from '../src/platform/origin';
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

const APPID = 'wx0123456789abcdef';

/** WeChat's wxa_media_check message, as the platform hands it to the function as its event. */
const pushEvent = (traceId: string, suggest: string, extra: Record<string, unknown> = {}) => ({
  ToUserName: 'gh_1234567890ab',
  FromUserName: 'o-platform',
  CreateTime: 1795000000,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: APPID,
  trace_id: traceId,
  version: 2,
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label: suggest === 'pass' ? 100 : 20002 },
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label: 100, prob: 90 }],
  ...extra,
});

/** The push through the real dispatch; the platform's context may carry an OPENID (WeChat's own examples do). */
const push = (traceId: string, suggest: string, origin: Origin = { openid: null, appid: APPID }, extra: Record<string, unknown> = {}) =>
  dispatch(FUNCTIONS.requests, pushEvent(traceId, suggest, extra), origin, ports, `push-${n++}`, { error: () => undefined });

/** A push whose detection failed: WeChat's errcode, no verdict. */
const failedPush = (traceId: string, errcode = -1008) =>
  push(traceId, '', undefined, { errcode, errmsg: 'download media failed', result: undefined, detail: [] });

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
    data(
      await call('requests', 'progress', { requestId: request.id, key: 'media-progress-1', text: '已联系物业维修', photos: [shot] }, STAFF),
    );
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
  it('is accepted whether or not the platform’s context carries an OPENID', async () => {
    const [a, b] = [await photo('a.png'), await photo('b.png')];
    const { request } = await submitWithPhotos('media-check-key-7', [a, b]);
    expect(data(await push(`trace-${a}`, 'pass', { openid: 'o-platform-push', appid: APPID }))).toEqual({ outcome: 'shown' });
    expect(data(await push(`trace-${b}`, 'pass', { openid: null }))).toEqual({ outcome: 'shown' });
    expect((await detail(request.id, STAFF)).photos).toEqual([a, b]);
  });

  it('MsgType and Event are read case-insensitively', async () => {
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-check-key-8', [a]);
    expect(data(await push(`trace-${a}`, 'pass', undefined, { MsgType: 'EVENT', Event: 'WXA_MEDIA_CHECK' }))).toEqual({ outcome: 'shown' });
    expect((await detail(request.id, STAFF)).photos).toEqual([a]);
  });

  it('for another appid is refused, and the direct action stays closed to phones', async () => {
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-check-key-9', [a]);
    expect(code(await push(`trace-${a}`, 'pass', { openid: RESIDENT, appid: 'wx-someone-else' }))).toBe('COMMON.FORBIDDEN');
    expect(code(await call('requests', 'mediaChecked', { trace_id: `trace-${a}`, result: { suggest: 'pass' } }, RESIDENT))).toBe(
      'COMMON.FORBIDDEN',
    );
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
  });

  it('a guessed trace id decides nothing: the trace id is never in any view a phone receives', async () => {
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-check-key-10', [a]);
    const views = [
      await call('requests', 'get', { requestId: request.id }, RESIDENT),
      await call('requests', 'get', { requestId: request.id }, STAFF),
      await call('requests', 'mine', {}, RESIDENT),
      await call('requests', 'list', { placeId: 'p-zhongjie', view: 'all' }, STAFF),
    ];
    for (const view of views) expect(JSON.stringify(view)).not.toContain(`trace-${a}`);
    // a phone pushing a verdict for the request's own id, its file id, or a made-up trace decides nothing
    for (const guess of [request.id, a, `unsent:${request.id}:${a}`]) {
      const outcome = await push(guess, 'pass', { openid: RESIDENT, appid: APPID });
      expect(['ignored', 'early']).toContain((data(outcome) as { outcome: string }).outcome);
    }
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
  });

  it('to a function that declares no push is refused', async () => {
    const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 't', result: { suggest: 'pass' } };
    expect(code(await dispatch(FUNCTIONS.notices, event, fromPhone(null), ports, 'x', { error: () => undefined }))).toBe(
      'COMMON.FORBIDDEN',
    );
  });

  it('with a trace id that has no row yet is kept as an early verdict; a repeat changes nothing', async () => {
    expect(data(await push('trace-nobody-knows', 'risky'))).toEqual({ outcome: 'early' });
    const kept = await ports.store.get(COLLECTIONS.mediaChecks, 'trace-nobody-knows');
    expect(kept).toMatchObject({ status: 'early', suggest: 'risky', label: '20002' });
    expect(data(await push('trace-nobody-knows', 'pass'))).toEqual({ outcome: 'ignored' });
    expect(await ports.store.get(COLLECTIONS.mediaChecks, 'trace-nobody-knows')).toEqual(kept);
  });

  it('that arrives before the request is stored is applied when the row is written', async () => {
    const [a, b] = [await photo('a.png'), await photo('b.png')];
    // WeChat answers while the request's transaction has not committed yet
    ports.contentCheck = {
      ...ports.contentCheck,
      checkImage: async (fileId) => {
        expect(data(await push(`trace-${fileId}`, fileId === a ? 'risky' : 'pass'))).toEqual({ outcome: 'early' });
        return { pending: true, traceId: `trace-${fileId}` };
      },
    };
    const { request } = await submitWithPhotos('media-check-key-8', [a, b]);
    expect(request.photos).toEqual([b]);
    expect((await detail(request.id, STAFF)).photos).toEqual([b]);
    const mine = await detail(request.id, RESIDENT);
    expect(mine.pendingPhotos).toBeUndefined();
    expect(mine.removedPhotosNotice).toBe('有 1 张照片未通过内容安全检查，已删除');
    expect(await ports.store.get(COLLECTIONS.mediaChecks, `trace-${a}`)).toMatchObject({
      status: 'removed',
      requestId: request.id,
      fileId: a,
    });
    expect((await ports.store.get(COLLECTIONS.mediaChecks, `trace-${b}`))?.status).toBe('shown');
    // later repeats of either push change nothing
    const before = await ports.store.get(COLLECTIONS.requests, request.id);
    expect(data(await push(`trace-${a}`, 'pass'))).toEqual({ outcome: 'ignored' });
    expect(data(await push(`trace-${b}`, 'risky'))).toEqual({ outcome: 'ignored' });
    expect(await ports.store.get(COLLECTIONS.requests, request.id)).toEqual(before);
  });

  it('that arrives before a progress line is stored is applied to it', async () => {
    const { request } = await submitWithPhotos('media-check-key-9', []);
    const shot = await ports.files.save({ name: 'fix.png', contentType: 'image/png', bytes: PNG, ownerOpenid: STAFF });
    data(await call('requests', 'accept', { requestId: request.id }, STAFF));
    data(await call('requests', 'triage', { requestId: request.id, track: 'minor', handlerOpenid: LEADER }, STAFF));
    ports.contentCheck = {
      ...ports.contentCheck,
      checkImage: async (fileId) => {
        await push(`trace-${fileId}`, 'pass');
        return { pending: true, traceId: `trace-${fileId}` };
      },
    };
    data(
      await call('requests', 'progress', { requestId: request.id, key: 'media-progress-2', text: '已联系物业维修', photos: [shot] }, STAFF),
    );
    const line = (await detail(request.id, RESIDENT)).timeline.find((e: { kind: string }) => e.kind === 'progress');
    expect(line.photos).toEqual([shot]);
    expect((await ports.store.get(COLLECTIONS.requests, request.id))?.heldPhotos).toBeUndefined();
  });
});

/** The requests timer, as CloudBase runs it. */
const sweep = async () =>
  data(
    await dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, ports, `timer-${n++}`, {
      error: () => undefined,
    }),
  ) as { mediaChecks: Record<string, number> };
const MIN = 60_000;

describe('checks whose call failed are sent again by the requests timer', () => {
  /** checkImage answering from a queue of verdicts (the last one repeats), counting the calls. */
  const answers = (...verdicts: Array<{ pending: true; traceId: string | null } | { pass: true } | { pass: false; label: string }>) => {
    const calls: string[] = [];
    ports.contentCheck = {
      ...ports.contentCheck,
      checkImage: async (fileId) => {
        calls.push(fileId);
        return verdicts.length > 1 ? verdicts.shift()! : verdicts[0]!;
      },
    };
    return calls;
  };

  it('an unsent check is sent again after 5 minutes, then released by the push', async () => {
    const calls = answers({ pending: true, traceId: null }, { pending: true, traceId: 'trace-resent' });
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-retry-1', [a]);
    const unsentId = `unsent:${request.id}:${a}`;
    expect(await ports.store.get(COLLECTIONS.mediaChecks, unsentId)).toMatchObject({ status: 'unsent', attempts: 1 });

    // not due yet: nothing is sent
    expect((await sweep()).mediaChecks).toEqual({ sent: 0, decided: 0, failed: 0, gaveUp: 0 });
    expect(calls).toHaveLength(1);
    ports.clock.advance(5 * MIN);
    expect((await sweep()).mediaChecks).toEqual({ sent: 1, decided: 0, failed: 0, gaveUp: 0 });
    expect(calls).toEqual([a, a]);
    expect(await ports.store.get(COLLECTIONS.mediaChecks, unsentId)).toMatchObject({ status: 'resent', traceId: 'trace-resent' });
    expect(await ports.store.get(COLLECTIONS.mediaChecks, 'trace-resent')).toMatchObject({
      status: 'pending',
      requestId: request.id,
      fileId: a,
      kind: 'request',
      openid: RESIDENT,
    });
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
    // a second run does not send it again
    expect((await sweep()).mediaChecks.sent).toBe(0);

    expect(data(await push('trace-resent', 'pass'))).toEqual({ outcome: 'shown' });
    expect((await detail(request.id, STAFF)).photos).toEqual([a]);
    expect(data(await push('trace-resent', 'pass'))).toEqual({ outcome: 'ignored' });
  });

  it('a push whose detection failed (errcode ≠ 0) is a failed call: sent again, then released', async () => {
    const calls = answers({ pending: true, traceId: 'trace-first' }, { pending: true, traceId: 'trace-second' });
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-failed-push-1', [a]);
    expect(data(await failedPush('trace-first'))).toEqual({ outcome: 'retry' });
    expect(await ports.store.get(COLLECTIONS.mediaChecks, 'trace-first')).toMatchObject({ status: 'failed', errcode: -1008 });
    expect(await ports.store.get(COLLECTIONS.mediaChecks, `unsent:${request.id}:${a}`)).toMatchObject({ status: 'unsent', attempts: 1 });
    // still held, never shown unchecked
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
    expect((await detail(request.id, RESIDENT)).pendingPhotos).toEqual([a]);
    // a repeat of the failed push changes nothing
    expect(data(await failedPush('trace-first'))).toEqual({ outcome: 'ignored' });

    ports.clock.advance(5 * MIN);
    expect((await sweep()).mediaChecks.sent).toBe(1);
    expect(calls).toEqual([a, a]);
    expect(data(await push('trace-second', 'pass'))).toEqual({ outcome: 'shown' });
    expect((await detail(request.id, STAFF)).photos).toEqual([a]);
  });

  it('a failed push that comes before its row is written sends the check again', async () => {
    const a = await photo('a.png');
    ports.contentCheck = {
      ...ports.contentCheck,
      checkImage: async () => {
        await failedPush('trace-early-failed', -1008);
        return { pending: true, traceId: 'trace-early-failed' };
      },
    };
    const { request } = await submitWithPhotos('media-failed-push-2', [a]);
    expect(await ports.store.get(COLLECTIONS.mediaChecks, 'trace-early-failed')).toMatchObject({ status: 'failed' });
    expect(await ports.store.get(COLLECTIONS.mediaChecks, `unsent:${request.id}:${a}`)).toMatchObject({ status: 'unsent', attempts: 1 });
    expect((await detail(request.id, RESIDENT)).pendingPhotos).toEqual([a]);
  });

  it('failed pushes count toward giving up: after 5 calls the photo is removed and its reporter told', async () => {
    let traces = 0;
    ports.contentCheck = { ...ports.contentCheck, checkImage: async () => ({ pending: true, traceId: `trace-fails-${++traces}` }) };
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-failed-push-3', [a]);
    const outcomes: string[] = [];
    for (let i = 1; i <= 5; i++) {
      outcomes.push((data(await failedPush(`trace-fails-${i}`)) as { outcome: string }).outcome);
      ports.clock.advance(2 * 60 * MIN);
      await sweep();
    }
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'retry', 'unchecked']);
    expect(traces).toBe(5);
    const mine = await detail(request.id, RESIDENT);
    expect(mine.photos).toEqual([]);
    expect(mine.pendingPhotos).toBeUndefined();
  });

  it('a push that comes before the resent row is written is applied by the retry', async () => {
    answers({ pending: true, traceId: null });
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-retry-2', [a]);
    ports.contentCheck = {
      ...ports.contentCheck,
      checkImage: async () => {
        await push('trace-early-resent', 'pass');
        return { pending: true, traceId: 'trace-early-resent' };
      },
    };
    ports.clock.advance(5 * MIN);
    expect((await sweep()).mediaChecks.sent).toBe(1);
    expect((await ports.store.get(COLLECTIONS.mediaChecks, 'trace-early-resent'))?.status).toBe('shown');
    expect((await detail(request.id, STAFF)).photos).toEqual([a]);
  });

  it('a retry answered at once with a rejection removes the photo', async () => {
    answers({ pending: true, traceId: null }, { pending: true, traceId: null }, { pass: false, label: '20002' });
    const [a, b] = [await photo('a.png'), await photo('b.png')];
    const { request } = await submitWithPhotos('media-retry-3', [a, b]);
    ports.clock.advance(5 * MIN);
    expect((await sweep()).mediaChecks).toEqual({ sent: 0, decided: 2, failed: 0, gaveUp: 0 });
    const mine = await detail(request.id, RESIDENT);
    expect(mine.photos).toEqual([]);
    expect(mine.pendingPhotos).toBeUndefined();
    expect(mine.removedPhotosNotice).toBe('有 2 张照片未通过内容安全检查，已删除');
    expect(await ports.store.get(COLLECTIONS.mediaChecks, `unsent:${request.id}:${a}`)).toMatchObject({
      status: 'removed',
      label: '20002',
    });
  });

  it('a retry answered at once with a pass releases the photo', async () => {
    answers({ pending: true, traceId: null }, { pass: true });
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-retry-4', [a]);
    ports.clock.advance(5 * MIN);
    expect((await sweep()).mediaChecks.decided).toBe(1);
    expect((await detail(request.id, STAFF)).photos).toEqual([a]);
  });

  it('gives up after 5 failed calls: the photo is removed and its reporter told it could not be checked', async () => {
    const calls = answers({ pending: true, traceId: null });
    const a = await photo('a.png');
    const { request } = await submitWithPhotos('media-retry-5', [a]);
    const id = `unsent:${request.id}:${a}`;
    // retries wait 5, 10, 20 then 40 minutes
    for (const [wait, attempts] of [
      [5, 2],
      [10, 3],
      [20, 4],
    ] as const) {
      ports.clock.advance((wait - 1) * MIN);
      await sweep();
      expect(calls).toHaveLength(attempts - 1);
      ports.clock.advance(MIN);
      expect((await sweep()).mediaChecks).toEqual({ sent: 0, decided: 0, failed: 1, gaveUp: 0 });
      expect(await ports.store.get(COLLECTIONS.mediaChecks, id)).toMatchObject({ status: 'unsent', attempts });
      expect((await detail(request.id, RESIDENT)).pendingPhotos).toEqual([a]);
    }
    ports.clock.advance(40 * MIN);
    expect((await sweep()).mediaChecks).toEqual({ sent: 0, decided: 0, failed: 0, gaveUp: 1 });
    expect(calls).toHaveLength(5);
    expect(await ports.store.get(COLLECTIONS.mediaChecks, id)).toMatchObject({ status: 'unchecked', attempts: 5 });
    const mine = await detail(request.id, RESIDENT);
    expect(mine.photos).toEqual([]);
    expect(mine.pendingPhotos).toBeUndefined();
    expect(mine.removedPhotosNotice).toBe('有 1 张照片未能完成内容安全检查，已删除，可重新上传');
    expect((await detail(request.id, STAFF)).photos).toEqual([]);
    ports.clock.advance(60 * MIN);
    expect((await sweep()).mediaChecks).toEqual({ sent: 0, decided: 0, failed: 0, gaveUp: 0 });
    expect(calls).toHaveLength(5);
  });

  it('a run with nothing due reads one indexed page of media checks and nothing else new', async () => {
    const [a, b] = [await photo('a.png'), await photo('b.png')];
    answers({ pending: true, traceId: 'trace-still-pending' });
    await submitWithPhotos('media-retry-6', [a]);
    const calls = answers({ pending: true, traceId: null });
    await submitWithPhotos('media-retry-7', [b]); // unsent, its retry not due yet
    const reads: string[] = [];
    const store = ports.store;
    ports.store = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (['get', 'getMany', 'find', 'count'].includes(String(prop)))
            reads.push(`${String(prop)} ${args[0] as string}${prop === 'find' ? ` ${JSON.stringify(args[1])}` : ''}`);
          return value.apply(target, args);
        };
      },
    });
    try {
      const done = await sweep();
      expect(done.mediaChecks).toEqual({ sent: 0, decided: 0, failed: 0, gaveUp: 0 });
    } finally {
      ports.store = store;
    }
    expect(calls).toHaveLength(1);
    const mediaReads = reads.filter((r) => r.includes('media_checks'));
    expect(mediaReads).toEqual([
      `find media_checks {"where":{"status":"unsent","retryAt":{"lte":"${ports.clock.now().toISOString()}"}},"orderBy":[["retryAt","asc"]],"limit":100}`,
    ]);
    // the entered calendar is dispatch's, read at most once a minute per container; departments'
    // parts due for 督办 are one indexed page of their own, and so are the steps' counter rows to add
    expect(reads.filter((r) => r.startsWith('find request_stat_rows '))).toHaveLength(1);
    expect(
      reads.filter(
        (r) =>
          !r.startsWith('find requests ') &&
          !r.includes('media_checks') &&
          !r.includes(' calendar_') &&
          !r.startsWith('find dispatches ') &&
          !r.startsWith('find request_stat_rows '),
      ),
    ).toEqual([]);
  });
});
