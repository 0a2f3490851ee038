import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalPorts } from '../dev/local-ports';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromTimer } from '../src/platform/origin';
import { COLLECTIONS } from '../src/ports/collections';
import { code, createTestApp, data, type Call } from './harness';
import { LEADER, publish, publishOk, RESIDENT, STAFF } from './notices-helpers';

/**
 * Images attached to a notice by a point leader (an ordinary WeChat user) pass WeChat's
 * asynchronous image check like request photos: held from residents until the push says pass,
 * taken out when risky. Staff of the community or street publish as the office: not checked.
 */
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const APPID = 'wx0123456789abcdef';

let ports: LocalPorts;
let call: Call;
let checked: string[];
let n = 0;

const upload = (owner: string, name = '停水范围.png') => {
  const uploaded = ports.files.uploadImage(PNG, name, owner);
  if (!uploaded.ok) throw new Error(uploaded.error.code);
  return uploaded.data.fileId;
};
const push = (traceId: string, suggest: string, extra: Record<string, unknown> = {}) =>
  dispatch(
    FUNCTIONS.requests,
    {
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: APPID,
      trace_id: traceId,
      version: 2,
      errcode: 0,
      result: { suggest, label: 100 },
      ...extra,
    },
    { openid: null, appid: APPID },
    ports,
    `push-${n++}`,
    { error: () => undefined },
  );
const sweep = () =>
  dispatch(FUNCTIONS.requests, { Type: 'Timer', TriggerName: 'requests-timer' }, fromTimer, ports, `t-${n++}`, { error: () => undefined });
const opened = async (noticeId: string, openid: string) => data(await call('notices', 'open', { noticeId }, openid));
const reach = async (noticeId: string) => data(await call('notices', 'reach', { noticeId }, LEADER));
const withImage = (fileId: string, extra: Record<string, unknown> = {}) => ({
  attachments: [{ fileId, name: '停水范围.png', kind: 'image' }],
  ...extra,
});

beforeEach(async () => {
  ({ ports, call } = await createTestApp());
  checked = [];
  // production's answer: the verdict comes later, by push
  ports.contentCheck = {
    ...ports.contentCheck,
    checkImage: async (fileId) => {
      checked.push(fileId);
      return { pending: true, traceId: `trace-${fileId}` };
    },
  };
});

describe('images in a point leader’s notice', () => {
  it('are held from residents until the push says pass; the publisher sees them marked 审核中', async () => {
    const fileId = upload(LEADER);
    const { notice } = await publishOk(call, LEADER, withImage(fileId));
    expect(checked).toEqual([fileId]);
    expect(notice.attachments).toEqual([{ fileId, name: '停水范围.png', kind: 'image', pending: true }]);
    expect((await opened(notice._id, RESIDENT)).links).toEqual([]);
    expect((await opened(notice._id, RESIDENT)).notice.attachments).toEqual([]);
    const feed = data(await call('notices', 'feed', {}, RESIDENT));
    expect(feed.items.find((i: { _id: string }) => i._id === notice._id).attachments).toEqual([]);
    expect((await reach(notice._id)).notice.attachments).toEqual([{ fileId, name: '停水范围.png', kind: 'image', pending: true }]);
    expect(await ports.store.get(COLLECTIONS.mediaChecks, `trace-${fileId}`)).toMatchObject({
      noticeId: notice._id,
      kind: 'notice',
      status: 'pending',
    });

    expect(data(await push(`trace-${fileId}`, 'pass'))).toEqual({ outcome: 'shown' });
    expect((await opened(notice._id, RESIDENT)).links).toEqual([
      { fileId, name: '停水范围.png', kind: 'image', url: `/dev/files/${fileId}` },
    ]);
    expect((await reach(notice._id)).notice.attachments).toEqual([{ fileId, name: '停水范围.png', kind: 'image' }]);
  });

  it('a risky verdict takes the image out; the publisher is told, residents never saw it', async () => {
    const fileId = upload(LEADER);
    const { notice } = await publishOk(call, LEADER, withImage(fileId));
    expect(data(await push(`trace-${fileId}`, 'risky'))).toEqual({ outcome: 'removed' });
    expect((await opened(notice._id, RESIDENT)).links).toEqual([]);
    const seen = (await reach(notice._id)).notice;
    expect(seen.attachments).toEqual([]);
    expect(seen.imagesRemoved).toBe(1);
    // only the publisher hears of it
    expect((await opened(notice._id, RESIDENT)).notice.imagesRemoved).toBeUndefined();
    expect(data(await push(`trace-${fileId}`, 'pass'))).toEqual({ outcome: 'ignored' });
  });

  it('a check that could not be sent is sent again by the requests timer', async () => {
    let fail = true;
    ports.contentCheck = {
      ...ports.contentCheck,
      checkImage: async (id) => {
        checked.push(id);
        return fail ? { pending: true, traceId: null } : { pending: true, traceId: `trace-again-${id}` };
      },
    };
    const fileId = upload(LEADER);
    const { notice } = await publishOk(call, LEADER, withImage(fileId));
    expect(await ports.store.get(COLLECTIONS.mediaChecks, `unsent:${notice._id}:${fileId}`)).toMatchObject({
      status: 'unsent',
      noticeId: notice._id,
    });
    fail = false;
    ports.clock.advance(5 * 60_000);
    await sweep();
    expect(checked).toEqual([fileId, fileId]);
    expect(data(await push(`trace-again-${fileId}`, 'pass'))).toEqual({ outcome: 'shown' });
    expect((await opened(notice._id, RESIDENT)).links).toHaveLength(1);
  });

  it('a verdict pushed before the notice is stored is applied to it', async () => {
    ports.contentCheck = {
      ...ports.contentCheck,
      checkImage: async (id) => {
        await push(`trace-early-${id}`, 'pass');
        return { pending: true, traceId: `trace-early-${id}` };
      },
    };
    const fileId = upload(LEADER);
    const { notice } = await publishOk(call, LEADER, withImage(fileId));
    expect((await opened(notice._id, RESIDENT)).links).toHaveLength(1);
    expect(await ports.store.get(COLLECTIONS.mediaChecks, `trace-early-${fileId}`)).toMatchObject({
      status: 'shown',
      noticeId: notice._id,
    });
  });

  it('a retried publish (same key) sends no second check and writes no second row', async () => {
    const fileId = upload(LEADER);
    const requestKey = 'notice-image-retry-1';
    const first = await publishOk(call, LEADER, withImage(fileId, { requestKey }));
    const again = await publishOk(call, LEADER, withImage(fileId, { requestKey }));
    expect(again.notice._id).toBe(first.notice._id);
    expect(checked).toEqual([fileId]);
    expect(await ports.store.count(COLLECTIONS.mediaChecks, { noticeId: first.notice._id })).toBe(1);
  });

  it('an image refused at once refuses the notice, storing nothing', async () => {
    ports.contentCheck = { ...ports.contentCheck, checkImage: async () => ({ pass: false, label: 'risky' }) };
    const before = await ports.store.count(COLLECTIONS.notices);
    expect(code(await publish(call, LEADER, withImage(upload(LEADER))))).toBe('NOTICE.CONTENT_REJECTED');
    expect(await ports.store.count(COLLECTIONS.notices)).toBe(before);
  });
});

describe('images in the office’s own notice', () => {
  it('community staff publish as the office: no image check, residents see them at once', async () => {
    const fileId = upload(STAFF);
    const { notice } = await publishOk(call, STAFF, { ...withImage(fileId), targetIds: ['c-xinguang'] });
    expect(checked).toEqual([]);
    expect(await ports.store.count(COLLECTIONS.mediaChecks)).toBe(0);
    expect((await opened(notice._id, RESIDENT)).links).toHaveLength(1);
  });
});
