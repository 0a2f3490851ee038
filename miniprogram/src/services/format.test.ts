import { describe, expect, it } from 'vitest';
import { decodeParam, formatDate, formatDateTime, formatPhone, lengthCounter, splitLines } from './format';

describe('formatPhone', () => {
  it.each([
    ['13904001001', '139 0400 1001'],
    [' 13904001001 ', '139 0400 1001'],
    ['024-88881000', '024-88881000'],
    ['12345', '12345'],
  ])('%s → %s', (input, expected) => expect(formatPhone(input)).toBe(expected));
});

describe('splitLines', () => {
  it.each([
    ['身份证\n户口本', ['身份证', '户口本']],
    ['身份证，户口本、照片；  ', ['身份证', '户口本', '照片']],
    ['\n\n', []],
  ])('%j', (input, expected) => expect(splitLines(input)).toEqual(expected));
});

describe('decodeParam', () => {
  it.each([
    [undefined, ''],
    ['%E4%B8%AD%E6%8D%B7', '中捷'],
    ['中捷', '中捷'],
    ['100%', '100%'],
  ])('%s → %s', (input, expected) => expect(decodeParam(input)).toBe(expected));
});

describe('times are read on a Shanghai wall clock', () => {
  it.each([
    ['2026-11-23T00:00:00.000Z', '2026年11月23日 08:00'],
    ['2026-11-22T16:30:00.000Z', '2026年11月23日 00:30'],
  ])('%s → %s', (iso, text) => expect(formatDateTime(iso)).toBe(text));
  it('a date follows Shanghai too', () => expect(formatDate('2026-09-30T16:00:00.000Z')).toBe('2026年10月1日'));
});

describe('lengthCounter', () => {
  it.each([
    ['', 500, '0 / 500 字', false],
    ['  楼道灯坏了  ', 500, '5 / 500 字', false],
    ['字'.repeat(500), 500, '500 / 500 字', false],
    ['字'.repeat(520), 500, '超出 20 个字：最多 500 个字，请删减一些再提交', true],
  ])('%s (max %s) → %s', (value, max, text, over) => expect(lengthCounter(value, max)).toEqual({ text, over }));
});
