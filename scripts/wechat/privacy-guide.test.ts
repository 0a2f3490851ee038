import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractFields, driftProblems, gatedCalls, GUIDE_FILE, renderGuide } from './privacy-guide';

describe('the 用户隐私保护指引, generated from the code', () => {
  it('declares every privacy-gated API the app calls and every personal field a contract takes, and nothing else', () => {
    expect(driftProblems()).toEqual([]);
  });

  it('notices an undeclared API and an undeclared personal field', () => {
    const calls = new Map([...gatedCalls(), ['getLocation', ['miniprogram/src/x.ts']]]);
    const fields = new Set([...contractFields(), 'requests.submit.idNumber']);
    expect(driftProblems(calls, fields)).toEqual([
      expect.stringContaining('Taro.getLocation is called'),
      expect.stringContaining('requests.submit.idNumber may carry personal information'),
    ]);
  });

  it('docs/privacy-guide.md is what the code says (npm run privacy-guide writes it)', () => {
    expect(readFileSync(GUIDE_FILE, 'utf8')).toBe(renderGuide());
  });
});
