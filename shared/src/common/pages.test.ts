import { describe, expect, it } from 'vitest';
import { MESSAGE_PAGES, mainPagePath, packagePagePath, subpackageRoot, withQuery } from './pages';

describe('page paths', () => {
  it.each([
    [mainPagePath('card'), 'pages/card/index'],
    [packagePagePath('request/detail'), 'packages/request/detail/index'],
    [packagePagePath('booking-staff/check-in'), 'packages/booking-staff/check-in/index'],
    [subpackageRoot('notices-admin'), 'packages/notices-admin'],
  ])('%s', (got, want) => expect(got).toBe(want));

  it.each([
    [{}, 'p'],
    [{ id: 'a b/c' }, 'p?id=a%20b%2Fc'],
    [{ id: 'x', fresh: true, moved: false, from: undefined, note: null, empty: '' }, 'p?id=x&fresh=1'],
    [{ n: 0 }, 'p?n=0'],
  ])('withQuery %j', (query, want) => expect(withQuery('p', query)).toBe(want));

  it.each([
    [MESSAGE_PAGES.notice('n1'), 'packages/notices/detail/index?id=n1'],
    [MESSAGE_PAGES.requestForResident('r:1'), 'packages/request/detail/index?id=r%3A1'],
    [MESSAGE_PAGES.requestForStaff('r1'), 'packages/workbench/detail/index?id=r1'],
    [MESSAGE_PAGES.booking('b1'), 'packages/booking/detail/index?id=b1'],
  ])('a message opens %s', (got, want) => expect(got).toBe(want));
});
