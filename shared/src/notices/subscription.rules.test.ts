import { afterEach, describe, expect, it } from 'vitest';
import { canReceive, dialogBatch, STAFF_GRANT_TARGET, wantsAsking } from './subscription.rules';
import { STAFF_TEMPLATES, type SubscribeTemplateKey } from './subscription.schema';
import { configureLongTerm } from './test-templates';

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe('canReceive', () => {
  it.each([
    [null, false],
    [{ remaining: 0, off: false }, false],
    [{ remaining: 1, off: false }, true],
    [{ remaining: 5, off: true }, false],
  ])('%j → %s', (grant, expected) => expect(canReceive(grant)).toBe(expected));
});

describe('dialogBatch: one WeChat dialog never mixes one-time and long-term templates', () => {
  it.each<[string, SubscribeTemplateKey[], SubscribeTemplateKey[], SubscribeTemplateKey[]]>([
    ['all one-time', [], ['staffTask', 'staffOverdue'], ['staffTask', 'staffOverdue']],
    ['both long-term', ['staffTask', 'staffOverdue'], ['staffTask', 'staffOverdue'], ['staffTask', 'staffOverdue']],
    ['mixed: the first one’s kind', ['staffOverdue'], ['staffOverdue', 'staffTask', 'notice'], ['staffOverdue']],
    ['mixed, one-time first', ['staffOverdue'], ['staffTask', 'staffOverdue', 'notice'], ['staffTask', 'notice']],
    [
      'at most three, no repeats',
      [],
      ['notice', 'notice', 'requestUpdate', 'bookingReminder', 'staffTask'],
      ['notice', 'requestUpdate', 'bookingReminder'],
    ],
    ['nothing', [], [], []],
  ])('%s', (_name, longTerm, asked, batch) => {
    restore = configureLongTerm(longTerm);
    expect(dialogBatch(asked)).toEqual(batch);
  });
});

describe('wantsAsking: the natural moments of staff work', () => {
  it.each<[string, boolean, { remaining: number; off: boolean } | null, boolean]>([
    ['one-time, never granted', false, null, true],
    ['one-time, a few left', false, { remaining: STAFF_GRANT_TARGET - 1, off: false }, true],
    ['one-time, enough', false, { remaining: STAFF_GRANT_TARGET, off: false }, false],
    ['one-time, switched off', false, { remaining: 0, off: true }, false],
    ['long-term, never accepted', true, null, true],
    ['long-term, refused (43101 zeroed it)', true, { remaining: 0, off: false }, true],
    ['long-term, accepted', true, { remaining: 1, off: false }, false],
    ['long-term, switched off', true, { remaining: 0, off: true }, false],
  ])('%s', (_name, longTerm, grant, expected) => {
    restore = configureLongTerm(longTerm ? ['staffOverdue'] : []);
    expect(wantsAsking('staffOverdue', grant)).toBe(expected);
  });

  it('staff have templates of their own', () => expect(STAFF_TEMPLATES).toEqual(['staffTask', 'staffOverdue']));
});
