import { describe, expect, it } from 'vitest';
import { findPhone, maskPhone, normalizePhone, PHONE_HINT, phoneSchema } from './fields';

describe('phoneSchema', () => {
  it.each([
    ['13904001001', true],
    ['19912345678', true],
    [' 13904001001 ', true],
    ['024-88881000', true],
    ['02488881000', true],
    ['010-1234567', true],
    ['12345678901', false],
    ['1390400100', false],
    ['139040010011', false],
    ['88881000', false],
    ['phone', false],
    ['', false],
  ])('%s → %s', (phone, valid) => {
    expect(phoneSchema.safeParse(phone).success).toBe(valid);
  });

  it('says in Chinese what is wrong', () => {
    const r = phoneSchema.safeParse('123');
    expect(r.success ? '' : r.error.issues[0]?.message).toContain('11 位手机号');
  });

  // the fields and the error suggest these: each must pass as it is written
  it.each([
    ['024-88886666', '024-88886666'],
    ['02488886666', '02488886666'],
    ['024 88886666', '024-88886666'],
    ['(024)88886666', '024-88886666'],
    ['（024）8888 6666', '024-88886666'],
    ['０２４－８８８８６６６６', '024-88886666'],
    ['024—88886666', '024-88886666'],
    ['0755-1234567', '0755-1234567'],
    ['138 0400 1001', '13804001001'],
    ['138-0400-1001', '13804001001'],
    ['+86 13804001001', '13804001001'],
    ['8613804001001', '13804001001'],
    [' 13904001001 ', '13904001001'],
  ])('takes %s as %s', (written, stored) => {
    expect(normalizePhone(written)).toBe(stored);
    expect(phoneSchema.parse(written)).toBe(stored);
  });

  it.each(['024-8888', '24-88886666', '(024)', '+86 02488886666', '024--88886666', '138-0400-1001x'])('still refuses %s', (written) =>
    expect(phoneSchema.safeParse(written).success).toBe(false),
  );

  it('the hint’s own example passes', () => {
    const example = PHONE_HINT.match(/0\d{2,3}-\d{7,8}/)?.[0];
    expect(example).toBe('024-88886666');
    expect(phoneSchema.safeParse(example).success).toBe(true);
    expect(phoneSchema.safeParse(example!.replace('-', '')).success).toBe(true);
  });

  it('masks a phone', () => expect(maskPhone('13904001001')).toBe('139****1001'));
});

describe('findPhone', () => {
  it.each([
    ['024-88881234 刘老师', '024-88881234'],
    ['王老师 13800001234（工作日）', '13800001234'],
    ['到社区服务大厅咨询', null],
    ['编号 12345', null],
  ])('%s → %s', (input, expected) => expect(findPhone(input)).toBe(expected));
});
