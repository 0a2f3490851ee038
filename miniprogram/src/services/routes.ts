import Taro from '@tarojs/taro';
import { mainPagePath, packagePagePath, withQuery, type MainPage, type PackagePage, type PageQuery } from '@linli/shared';

/**
 * Every navigation in the app goes through here (ESLint refuses Taro.navigateTo and its kin
 * anywhere else). Pages are named as shared/'s pages.ts lists them — `card` for a main-package
 * page, `request/detail` for a subpackage's — and each takes the query it reads, typed below.
 */
export type PageName = MainPage | PackagePage;

/** The tab bar's pages: reached only by switchTab, which carries no query. */
export type TabPage = 'card' | 'services' | 'notices' | 'requests' | 'me';
/** Pages pushed on the stack (navigateTo, redirectTo). */
export type StackPage = Exclude<PageName, TabPage>;

type None = Record<never, never>;

/** What each page reads from its query. */
interface PageParams {
  card: { compoundId?: string };
  services: None;
  me: None;
  notices: None;
  requests: None;
  search: None;
  bind: None;
  'staff/team': { compoundId?: string };
  'staff/history': { compoundId: string; name?: string };
  'staff/bindings': None;
  'staff/invites': None;
  'staff/services': None;
  'staff/roles': None;
  'staff/ledger': None;
  'staff/poster': { compoundId: string; buildingId?: string };
  /** `forId`/`forName`: 代办, booking for a resident on the ledger (places.searchResidents). */
  'booking/slots': { serviceId: string; moveFrom?: string; date?: string; forId?: string; forName?: string };
  'booking/confirm': {
    mode: 'book' | 'waitlist' | 'move';
    serviceId: string;
    startAt: string;
    endAt: string;
    bookingId?: string;
    forId?: string;
    forName?: string;
  };
  'booking/detail': { id: string; fresh?: boolean; moved?: boolean };
  'booking/mine': None;
  'booking-staff/today': None;
  'booking-staff/roster': { serviceId: string };
  'booking-staff/check-in': { communityId: string };
  'booking-staff/schedule': { serviceId: string };
  'notices/detail': { id: string; from?: 'archive' };
  'notices/archive': { communityId: string };
  'notices/subscriptions': None;
  'notices-admin/publish': None;
  'notices-admin/list': None;
  'notices-admin/reach': { id: string; fresh?: boolean; recipients?: number; willReceive?: number; noGrant?: number };
  'notices-admin/door-list': { id: string };
  'request/report': { compoundId: string };
  'request/detail': { id: string; new?: boolean; seconded?: boolean };
  'request/board': { placeId: string };
  'request/proxy': None;
  'workbench/inbox': { placeId?: string };
  'workbench/detail': { id: string };
  'workbench/figures': { placeId: string };
  'volunteer/list': { communityId?: string };
  'volunteer/activity': { id: string };
  'volunteer/points': { communityId: string };
  'volunteer/visit': { householdId: string };
  'volunteer/door-list': { noticeId: string };
  'volunteer/board': { communityId: string };
  'volunteer-staff/post': { communityId: string };
  'volunteer-staff/shop': { communityId: string };
  'volunteer-staff/lianbao': { communityId: string; compoundId?: string };
  'volunteer-staff/coverage': { communityId: string };
  'volunteer-staff/party': { communityId: string };
  'volunteer-staff/settings': { communityId: string };
  'volunteer-staff/ledger': { communityId: string };
  'calendar-admin/schedule': { year?: string };
  'calendar-admin/rules': None;
  'department/inbox': { departmentId?: string };
  'department/part': { id: string };
  'department/patrol': { compoundId?: string };
  'department/dispatch': { requestId: string };
  'department/ranking': { districtId: string; month?: string };
  'department/registry': { placeId?: string };
  'department/groups': { districtId?: string };
  'department/group': { communityId: string; month?: string };
  'department/collect': { communityId: string };
  'agora/list': { communityId: string };
  'agora/topic': { id: string; fresh?: boolean };
  'agora/propose': { communityId: string };
  'agora-staff/steps': { id: string };
  'agora-staff/meeting': { id: string };
  'agora-staff/vote': { id: string };
}

// every page of shared/'s list has its parameters here, and nothing else does
type Missing = Exclude<PageName, keyof PageParams>;
type Extra = Exclude<keyof PageParams, PageName>;
const complete: [Missing, Extra] extends [never, never] ? true : { missing: Missing; extra: Extra } = true;
void complete;

type QueryArg<P extends PageName> = None extends PageParams[P] ? [query?: PageParams[P]] : [query: PageParams[P]];

const isMainPage = (page: PageName): page is MainPage => !page.includes('/');

/** The page's URL as the app opens it: a leading slash, then the path and its query. */
export function pageUrl<P extends PageName>(page: P, ...[query]: QueryArg<P>): string {
  const path = isMainPage(page) ? mainPagePath(page) : packagePagePath(page);
  return `/${withQuery(path, (query ?? {}) as PageQuery)}`;
}

export function navigateTo<P extends StackPage>(page: P, ...query: QueryArg<P>): Promise<unknown> {
  return Taro.navigateTo({ url: pageUrl(page, ...query) });
}

/** Replaces the current page (after a submit, so Back does not return to the form). */
export function redirectTo<P extends StackPage>(page: P, ...query: QueryArg<P>): Promise<unknown> {
  return Taro.redirectTo({ url: pageUrl(page, ...query) });
}

export function switchTab(tab: TabPage): Promise<unknown> {
  return Taro.switchTab({ url: pageUrl(tab) });
}

/** A tap handler that opens a page (navigation failures, e.g. a double tap, are WeChat's own to show). */
export const goTo =
  <P extends StackPage>(page: P, ...query: QueryArg<P>) =>
  (): void =>
    void navigateTo(page, ...query);
