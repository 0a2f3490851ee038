import { describe, expect, it, vi } from 'vitest';
import { wxContentCheck } from './wx-content-check';
import { fakeOpenApi, wxError } from './wx-openapi.test-helpers';

/** The temporary link the storage would give for a file. */
const tempUrl = async (fileId: string) => `https://tmp.example/${encodeURIComponent(fileId)}?sign=1`;
const fileId = 'cloud://env-1.bucket/requests/a.jpg';

describe('image check (cloud.openapi.security.mediaCheckAsync)', () => {
  it('passes the image’s temporary link, as an image (2), v2, scene 资料 (1), with the uploader’s openid', async () => {
    const { openapi, calls } = fakeOpenApi(() => ({ errCode: 0, errMsg: 'ok', traceId: 'trace-1' }));
    expect(await wxContentCheck(openapi, tempUrl).checkImage(fileId, 'o-1')).toEqual({ pending: true, traceId: 'trace-1' });
    expect(calls).toEqual([
      {
        method: 'security.mediaCheckAsync',
        params: { mediaUrl: await tempUrl(fileId), mediaType: 2, version: 2, scene: 1, openid: 'o-1' },
      },
    ]);
  });

  it.each<[string, () => unknown]>([
    [
      'a thrown errCode (daily quota)',
      () => {
        throw wxError(45009, 'reach max api daily quota limit');
      },
    ],
    ['an answer without a traceId', () => ({ errCode: 0 })],
    [
      'a refused cloud call (no permission)',
      () => {
        throw wxError(-604101, 'no permission');
      },
    ],
  ])('%s answers pending without a trace id: the photo is held, the request kept', async (_label, reply) => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { openapi } = fakeOpenApi(reply);
    expect(await wxContentCheck(openapi, tempUrl).checkImage(fileId, 'o-1')).toEqual({ pending: true, traceId: null });
    quiet.mockRestore();
  });

  it('no temporary link: nothing is sent, the photo is held', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { openapi, calls } = fakeOpenApi(() => ({ traceId: 't' }));
    const noLink = async () => {
      throw new Error('no download link');
    };
    expect(await wxContentCheck(openapi, noLink).checkImage(fileId, 'o-1')).toEqual({ pending: true, traceId: null });
    expect(calls).toEqual([]);
    quiet.mockRestore();
  });
});

describe('text check (cloud.openapi.security.msgSecCheck v2)', () => {
  it('passes the text, v2, scene 评论 (2), with the author’s openid', async () => {
    const { openapi, calls } = fakeOpenApi(() => ({ errCode: 0, result: { suggest: 'pass', label: 100 }, traceId: 't' }));
    expect(await wxContentCheck(openapi, tempUrl).checkText('楼道灯坏了', 'o-1')).toEqual({ pass: true });
    expect(calls).toEqual([{ method: 'security.msgSecCheck', params: { content: '楼道灯坏了', version: 2, scene: 2, openid: 'o-1' } }]);
  });

  it.each<[string, () => unknown, unknown]>([
    ['suggest risky', () => ({ result: { suggest: 'risky', label: 20001 } }), { pass: false, label: '20001' }],
    ['suggest review', () => ({ result: { suggest: 'review', label: 21000 } }), { pass: false, label: '21000' }],
    [
      'a thrown errCode 87014 (v1’s risky content)',
      () => {
        throw wxError(87014, 'risky content');
      },
      { pass: false, label: 'risky' },
    ],
  ])('%s is refused', async (_label, reply, verdict) => {
    const { openapi } = fakeOpenApi(reply);
    expect(await wxContentCheck(openapi, tempUrl).checkText('x', 'o-1')).toEqual(verdict);
  });

  it.each<[string, () => unknown]>([
    [
      'another thrown errCode',
      () => {
        throw wxError(40001, 'invalid credential');
      },
    ],
    [
      'a network fault',
      () => {
        throw new Error('ECONNRESET');
      },
    ],
    ['an answer without a suggestion', () => ({ errCode: 0 })],
  ])('%s throws: unchecked text is never passed', async (_label, reply) => {
    const { openapi } = fakeOpenApi(reply);
    await expect(wxContentCheck(openapi, tempUrl).checkText('x', 'o-1')).rejects.toThrow();
  });
});
