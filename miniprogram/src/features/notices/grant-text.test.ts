import { describe, expect, it } from 'vitest';
import { allowLabel, grantStatus } from './grant-text';

describe('grantStatus', () => {
  it.each([
    [{ remaining: 0, off: false, longTerm: false }, '现在不会在微信里提醒您', true],
    [{ remaining: 3, off: false, longTerm: false }, '还可以提醒您 3 次', false],
    [{ remaining: 3, off: true, longTerm: false }, '已关闭：不会给您发这类提醒', true],
    [{ remaining: 1, off: false, longTerm: true }, '已开启：每次都会在微信里提醒您', false],
    [{ remaining: 0, off: false, longTerm: true }, '现在不会在微信里提醒您', true],
  ])('%j → %s', (s, text, none) => expect(grantStatus(s)).toEqual({ text, none }));
});

describe('allowLabel', () => {
  it.each([
    [{ remaining: 0, longTerm: false }, '允许提醒'],
    [{ remaining: 2, longTerm: false }, '再允许一次'],
    [{ remaining: 0, longTerm: true }, '开启提醒'],
    [{ remaining: 1, longTerm: true }, '已开启'],
  ])('%j → %s', (s, label) => expect(allowLabel(s)).toBe(label));
});
