import { describe, expect, it } from 'vitest';
import type { Patch } from '../ports/store';
import { applyPatch, patchChanges } from './doc-patch';

const doc = { _id: 'd', n: 1, s: 'a', o: { x: 1, y: [1, 2] }, z: 0 };

describe('patchChanges answers as comparing the patched document would', () => {
  it.each<[string, Patch, boolean]>([
    ['set to the same scalar', { set: { n: 1 } }, false],
    ['set to another scalar', { set: { n: 2 } }, true],
    ['set a nested path to the same value', { set: { 'o.x': 1 } }, false],
    ['set a nested path to another value', { set: { 'o.x': 2 } }, true],
    ['set an equal object', { set: { o: { x: 1, y: [1, 2] } } }, false],
    ['set a reordered object (MongoDB counts it as a change)', { set: { o: { y: [1, 2], x: 1 } } }, true],
    ['set a new field', { set: { w: 1 } }, true],
    ['inc by 0 an existing number', { inc: { n: 0 } }, false],
    ['inc by 0 a missing field (it becomes 0)', { inc: { q: 0 } }, true],
    ['inc by 1', { inc: { z: 1 } }, true],
    ['unset a missing field', { unset: ['q'] }, false],
    ['unset a present field', { unset: ['s'] }, true],
    ['nothing', {}, false],
  ])('%s → %s', (_label, patch, changes) => {
    expect(patchChanges(doc, patch)).toBe(changes);
    expect(JSON.stringify(applyPatch(doc, patch)) !== JSON.stringify(doc)).toBe(changes);
  });
});
