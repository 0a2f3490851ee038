import { describe, expect, it } from 'vitest';
import { COLLECTIONS, INDEXES, type IndexSpec } from '../src/ports/collections';
import { LOCAL_ONLY_COLLECTIONS, applyIndexes, cloudPlan, toCreateIndex } from './apply-indexes';

describe('IndexSpec → manager-node CreateIndex', () => {
  it.each<[string, IndexSpec, unknown]>([
    [
      'a compound index keeps field order and maps directions to "1" / "-1"',
      {
        collection: 'bindings',
        name: 'bindings_x',
        fields: [
          ['communityId', 'asc'],
          ['status', 'asc'],
          ['createdAt', 'desc'],
        ],
      },
      {
        IndexName: 'bindings_x',
        MgoKeySchema: {
          MgoIndexKeys: [
            { Name: 'communityId', Direction: '1' },
            { Name: 'status', Direction: '1' },
            { Name: 'createdAt', Direction: '-1' },
          ],
          MgoIsUnique: false,
        },
      },
    ],
    [
      'a unique index on a dotted path',
      { collection: 'users', name: 'users_phone', fields: [['profile.phone', 'asc']], unique: true },
      { IndexName: 'users_phone', MgoKeySchema: { MgoIndexKeys: [{ Name: 'profile.phone', Direction: '1' }], MgoIsUnique: true } },
    ],
  ])('%s', (_label, spec, expected) => {
    expect(toCreateIndex(spec)).toEqual(expected);
  });
});

describe('what the script creates in the cloud', () => {
  const plan = cloudPlan();

  it('every production collection, including those without an index', () => {
    const production = Object.values(COLLECTIONS).filter((c) => !LOCAL_ONLY_COLLECTIONS.has(c));
    expect([...plan.keys()].sort()).toEqual([...production].sort());
  });

  it('every declared index of a production collection, under its collection', () => {
    for (const spec of INDEXES.filter((i) => !LOCAL_ONLY_COLLECTIONS.has(i.collection)))
      expect(plan.get(spec.collection)).toContainEqual(toCreateIndex(spec));
    const total = [...plan.values()].reduce((n, list) => n + list.length, 0);
    expect(total).toBe(INDEXES.filter((i) => !LOCAL_ONLY_COLLECTIONS.has(i.collection)).length);
  });

  it('nothing for the local host’s own collections', () => {
    for (const local of LOCAL_ONLY_COLLECTIONS) expect(plan.has(local)).toBe(false);
  });

  it('refuses an index declared twice', () => {
    const spec: IndexSpec = { collection: 'places', name: 'p', fields: [['a', 'asc']] };
    expect(() => cloudPlan([spec, spec], ['places'])).toThrow('declared twice');
  });

  it('without credentials says what to set and fails, before any call', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      expect(await applyIndexes({ TCB_ENV_ID: 'env-1' })).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors.join('\n')).toMatch(/TCB_SECRET_ID, TCB_SECRET_KEY not set/);
  });
});
