import { describe, expect, it } from 'vitest';
import { findPhone, maskPhone, phoneSchema } from './fields';

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
