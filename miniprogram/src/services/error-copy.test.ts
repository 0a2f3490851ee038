import { ERROR_CODES } from '@linli/shared';
import { describe, expect, it } from 'vitest';
import { ERROR_COPY, errorCopy, isRetryable } from './error-copy';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

describe('error copy', () => {
  it.each([...ERROR_CODES, 'COMMON.NETWORK' as const])('%s has its own Chinese copy', (code) => {
    expect(Object.hasOwn(ERROR_COPY, code)).toBe(true);
    const copy = errorCopy({ code });
    expect(hasChinese(copy)).toBe(true);
    expect(copy).not.toContain('undefined');
    expect(copy).not.toBe(errorCopy({ code: 'NO.SUCH_CODE' }));
  });

  it('has no copy for codes the functions do not know (the table stays in step with ERROR_CODES)', () => {
    const known = new Set<string>([...ERROR_CODES, 'COMMON.NETWORK']);
    expect(Object.keys(ERROR_COPY).filter((code) => !known.has(code))).toEqual([]);
  });

  it.each([
    {
      name: 'invalid input shows the first zod message',
      error: {
        code: 'COMMON.INVALID_INPUT',
        details: {
          issues: [
            { path: 'phone', message: '电话号码格式不对' },
            { path: 'name', message: '请填写姓名' },
          ],
        },
      },
      expected: ['电话号码格式不对'],
      absent: ['请填写姓名'],
    },
    {
      name: 'a full role names the post and its limit',
      error: { code: 'TEAM.ROLE_FULL', details: { role: 'emergencyLeader', label: '应急点长', max: 2 } },
      expected: ['应急点长最多 2 名'],
      absent: [],
    },
    {
      name: 'a full role without its label falls back to the role code label',
      error: { code: 'TEAM.ROLE_FULL', details: { role: 'pointLeader', max: 1 } },
      expected: ['小区点长最多 1 名'],
      absent: [],
    },
    {
      name: 'a full checkpoint names the checkpoint',
      error: { code: 'TEAM.CHECKPOINT_FULL', details: { checkpoint: '东门', max: 5 } },
      expected: ['东门', '最多 5 名'],
      absent: [],
    },
    {
      name: 'a point leader elsewhere names the person and the other compound',
      error: { code: 'TEAM.POINT_LEADER_ELSEWHERE', details: { compoundName: '中捷木材小区', name: '王芳' } },
      expected: ['王芳', '中捷木材小区', '小区点长'],
      absent: [],
    },
    {
      name: 'a pending binding names the household',
      error: { code: 'IDENTITY.BINDING_PENDING', details: { householdName: '3号楼 2单元 501' } },
      expected: ['3号楼 2单元 501', '审核'],
      absent: [],
    },
    {
      name: 'an internal error shows the request id to quote',
      error: { code: 'COMMON.INTERNAL', requestId: 'req-42' },
      expected: ['req-42'],
      absent: [],
    },
    {
      name: 'a second booking of a service whose booking can still move points to 改约',
      error: {
        code: 'BOOKING.ALREADY_BOOKED',
        details: { startAt: '2026-11-23T01:00:00.000Z', max: 1, bookingId: 'bk_1', canChange: true, phone: '024-88881001' },
      },
      expected: ['11月23日 09:00', '改约'],
      absent: ['打电话'],
    },
    {
      name: 'a second booking of a service whose booking is locked gives the phone, never 改约',
      error: {
        code: 'BOOKING.ALREADY_BOOKED',
        details: { startAt: '2026-11-23T07:00:00.000Z', max: 1, bookingId: 'bk_1', canChange: false, phone: '024-88881001' },
      },
      expected: ['不能在网上取消或改约', '打电话 024-88881001'],
      absent: ['点“改约”'],
    },
    {
      name: "past the cutoff: the hall's phone",
      error: { code: 'BOOKING.CUTOFF_PASSED', details: { until: '2026-11-23T06:00:00.000Z', bookingId: 'bk_1', phone: '024-88881001' } },
      expected: ['11月23日 14:00', '打电话 024-88881001'],
      absent: ['改约”'],
    },
    {
      name: 'past the cutoff without a phone still says whom to call',
      error: { code: 'BOOKING.CUTOFF_PASSED', details: { until: '2026-11-23T06:00:00.000Z', bookingId: 'bk_1', phone: null } },
      expected: ['打电话告诉社区'],
      absent: ['null'],
    },
    {
      name: 'details that are not what the code carries are not read (no guessing): the copy stays whole',
      error: { code: 'BOOKING.CUTOFF_PASSED', details: { untilText: '11月23日 14:00' } },
      expected: ['已经过了网上取消和改约的截止时间。', '打电话告诉社区'],
      absent: ['11月23日', 'undefined'],
    },
    {
      name: 'an unknown code still says something useful',
      error: { code: 'SOMETHING.NEW' },
      expected: ['请稍后再试'],
      absent: [],
    },
  ])('$name', ({ error, expected, absent }) => {
    const copy = errorCopy(error);
    for (const part of expected) expect(copy).toContain(part);
    for (const part of absent) expect(copy).not.toContain(part);
  });
});

describe('copy that asks to try again names only a button that is there', () => {
  it.each([
    [{}, '再试一次', '“'],
    [{ retry: '重试' }, '再点“重试”', '再试一次'],
    [{ retry: '提交' }, '再点“提交”', '重试'],
  ])('offline, with %j on screen', (context, expected, absent) => {
    const copy = errorCopy({ code: 'COMMON.NETWORK' }, context);
    expect(copy).toContain(expected);
    expect(copy).not.toContain(absent);
  });

  it.each([
    ['COMMON.NETWORK', true],
    ['COMMON.INTERNAL', true],
    ['COMMON.INVALID_INPUT', false],
    ['REQUEST.CONTENT_REJECTED', false],
    ['COMMON.FORBIDDEN', false],
  ])('%s may be tried again as it is: %s', (code, retryable) => expect(isRetryable({ code })).toBe(retryable));
});
