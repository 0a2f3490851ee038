import { describe, expect, it } from 'vitest';
import { outlookFromParams, outlookParams, publishBanner, remindBanner } from './publish-banner';
import { withQuery } from '@linli/shared';

const live = { scheduled: false, whenText: '' };
const later = { scheduled: true, whenText: '11月21日 09:00' };

describe('publishBanner tells the truth about WeChat messages', () => {
  it.each([
    [
      'nobody allowed them',
      live,
      { recipients: 22, willReceive: 0, noGrant: 22 },
      ['没有人能收到微信提醒', '22 人都没有开微信提醒', '敲门清单'],
      ['1 分钟内送到'],
      'warn',
    ],
    [
      'some did',
      live,
      { recipients: 22, willReceive: 5, noGrant: 17 },
      ['5 人会收到微信提醒', '1 分钟内送到', '17 人没有开微信提醒'],
      ['都会'],
      'ok',
    ],
    ['all did', live, { recipients: 4, willReceive: 4, noGrant: 0 }, ['4 人都会收到微信提醒', '1 分钟内送到'], ['没有开'], 'ok'],
    [
      'no one uses the app there',
      live,
      { recipients: 0, willReceive: 0, noGrant: 0 },
      ['还没有人用小程序', '敲门清单'],
      ['1 分钟内送到'],
      'warn',
    ],
    [
      'scheduled',
      later,
      { recipients: 22, willReceive: 5, noGrant: 17 },
      ['已安排在 11月21日 09:00 发布', '到时 5 人会收到微信提醒', '发布时送出'],
      ['1 分钟内送到'],
      'ok',
    ],
  ] as const)('%s', (_name, notice, outlook, contains, absent, tone) => {
    const banner = publishBanner(notice, outlook);
    for (const c of contains) expect(banner.text).toContain(c);
    for (const a of absent) expect(banner.text).not.toContain(a);
    expect(banner.tone).toBe(tone);
  });

  it.each([
    [12, { recipients: 12, willReceive: 0, noGrant: 12 }, ['已再提醒 12 位', '没有人能收到微信提醒'], ['1 分钟内送到'], 'warn'],
    [12, { recipients: 12, willReceive: 3, noGrant: 9 }, ['已再提醒 12 位', '3 人会收到微信提醒', '9 人没有开微信提醒'], [], 'ok'],
    [0, { recipients: 0, willReceive: 0, noGrant: 0 }, ['没有需要再提醒的人'], ['1 分钟内送到'], 'ok'],
  ] as const)('after reminding %s', (queued, outlook, contains, absent, tone) => {
    const banner = remindBanner(queued, outlook);
    for (const c of contains) expect(banner.text).toContain(c);
    for (const a of absent) expect(banner.text).not.toContain(a);
    expect(banner.tone).toBe(tone);
  });

  it('says nothing about messages it does not know about', () =>
    expect(publishBanner(live, null)).toEqual({ text: '已发布。', tone: 'ok' }));

  it('travels in the link from the form to the reach page', () => {
    const o = { recipients: 22, willReceive: 5, noGrant: 17 };
    expect(outlookFromParams(Object.fromEntries(new URLSearchParams(withQuery('', outlookParams(o)).slice(1))))).toEqual(o);
    expect(outlookFromParams({ recipients: '22' })).toBeNull();
    expect(outlookFromParams({ recipients: 'x', willReceive: '1', noGrant: '2' })).toBeNull();
  });
});
