import { describe, expect, it } from 'vitest';
import type { Place } from '../places/place.schema';
import { ancestorOfKind } from '../places/place.rules';
import { canGrant, grantCovers, hasStaffScope } from './role.rules';
import type { Grant, Role } from './role.schema';

const g = (role: Role, placeId: string): Grant => ({ role, placeId, placePath: [], placeName: '', grantedAt: '', grantedBy: '' });
const place = (kind: Place['kind'], _id: string, path: string[]) => ({ _id, kind, path });

const compoundA = place('compound', 'pA', ['d', 's', 'c1']);
const compoundB = place('compound', 'pB', ['d', 's', 'c2']);
const community1 = place('community', 'c1', ['d', 's']);
const household = place('household', 'h1', ['d', 's', 'c1', 'pA', 'b1', 'u1']);

describe('scope', () => {
  it.each([
    [g('communityStaff', 'c1'), compoundA, true],
    [g('communityStaff', 'c1'), compoundB, false],
    [g('streetStaff', 's'), compoundB, true],
    [g('admin', 'd'), household, true],
    [g('pointLeader', 'pA'), household, true],
  ])('%o covers %o → %s', (grant, p, expected) => expect(grantCovers(grant, p)).toBe(expected));

  it('only staff roles count as staff scope', () => {
    expect(hasStaffScope([g('pointLeader', 'pA')], compoundA)).toBe(false);
    expect(hasStaffScope([g('communityStaff', 'c1')], compoundA)).toBe(true);
  });

  it('reads ancestors of a kind from the path', () => {
    expect(ancestorOfKind(household, 'compound')).toBe('pA');
    expect(ancestorOfKind(household, 'community')).toBe('c1');
    expect(ancestorOfKind(compoundA, 'compound')).toBe('pA');
    expect(ancestorOfKind(compoundA, 'household')).toBeUndefined();
  });
});

describe('canGrant', () => {
  it.each([
    [[g('communityStaff', 'c1')], 'pointLeader', compoundA, true],
    [[g('communityStaff', 'c1')], 'pointLeader', compoundB, false],
    [[g('communityStaff', 'c1')], 'communityStaff', community1, false],
    [[g('streetStaff', 's')], 'communityStaff', community1, true],
    [[g('streetStaff', 's')], 'honoraryLeader', compoundB, true],
    [[g('admin', 'd')], 'streetStaff', place('street', 's', ['d']), true],
    [[g('admin', 'd')], 'pointLeader', community1, false],
    [[g('admin', 'd')], 'resident', household, false],
    [[g('pointLeader', 'pA')], 'honoraryLeader', compoundA, false],
    [[g('streetStaff', 's')], 'partySecretary', community1, true],
    [[g('communityStaff', 'c1')], 'partySecretary', community1, false],
    [[g('communityStaff', 'c1')], 'representative', community1, true],
    [[g('communityStaff', 'c1')], 'representative', compoundA, false],
  ] as const)('%o may grant %s on %o → %s', (grants, role, p, expected) => {
    expect(canGrant(grants as readonly Grant[], role, p)).toBe(expected);
  });
});
