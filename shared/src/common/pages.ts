/**
 * The app's pages, named once for both sides: the app builds its subpackages (app.config.ts) and
 * every navigation from them (miniprogram/src/services/routes.ts), and the functions name the page
 * a subscribe message opens with them. Tab pages, and what a first-time visitor needs, sit in the
 * main package under `pages/`; every other page in a subpackage under `packages/<package>/`.
 */

/** Pages of the main package: `pages/<page>/index`. */
export const MAIN_PAGES = ['card', 'services', 'me', 'notices', 'requests', 'search', 'bind'] as const;

/** The subpackages and their pages: `packages/<package>/<page>/index`. */
export const SUBPACKAGES = {
  staff: ['team', 'history', 'bindings', 'invites', 'services', 'roles', 'ledger', 'poster'],
  booking: ['slots', 'confirm', 'detail', 'mine'],
  'booking-staff': ['today', 'roster', 'check-in', 'schedule'],
  notices: ['detail', 'archive', 'subscriptions'],
  'notices-admin': ['publish', 'list', 'reach', 'door-list'],
  request: ['report', 'detail', 'board', 'proxy'],
  workbench: ['inbox', 'detail', 'figures'],
  volunteer: ['list', 'activity', 'points', 'visit', 'door-list', 'board'],
  'volunteer-staff': ['post', 'shop', 'lianbao', 'coverage', 'party', 'settings', 'ledger'],
  'calendar-admin': ['schedule', 'rules'],
  department: ['inbox', 'part', 'patrol', 'dispatch', 'ranking', 'registry', 'groups', 'group', 'collect'],
  agora: ['list', 'topic', 'propose'],
  'agora-staff': ['steps', 'meeting', 'vote'],
} as const;

/** The folder of src/ that holds the subpackages. */
export const PACKAGES_DIR = 'packages';

export type MainPage = (typeof MAIN_PAGES)[number];
export type Subpackage = keyof typeof SUBPACKAGES;
/** `<package>/<page>`, e.g. `request/detail`. */
export type PackagePage = { [P in Subpackage]: `${P}/${(typeof SUBPACKAGES)[P][number]}` }[Subpackage];
/** A page as WeChat names it in app.json and in a subscribe message: no leading slash, no query. */
export type PagePath = `pages/${MainPage}/index` | `${typeof PACKAGES_DIR}/${PackagePage}/index`;

export const mainPagePath = (page: MainPage): PagePath => `pages/${page}/index`;
export const packagePagePath = (page: PackagePage): PagePath => `${PACKAGES_DIR}/${page}/index`;
export const subpackageRoot = (name: Subpackage): `${typeof PACKAGES_DIR}/${Subpackage}` => `${PACKAGES_DIR}/${name}`;

/** Query values: `true` is written `1`; `false`, null, undefined and '' are left out. */
export type PageQuery = Record<string, string | number | boolean | null | undefined>;

/** A page with its query string, each value URI-encoded. */
export function withQuery<P extends string>(path: P, query: PageQuery = {}): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    parts.push(`${key}=${encodeURIComponent(value === true ? '1' : String(value))}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** The pages subscribe messages open (WeChat's `page`: no leading slash). */
export const MESSAGE_PAGES = {
  /** A notice, for the households it was sent to. */
  notice: (noticeId: string) => withQuery(packagePagePath('notices/detail'), { id: noticeId }),
  /** A request, for its reporter and followers. */
  requestForResident: (requestId: string) => withQuery(packagePagePath('request/detail'), { id: requestId }),
  /** A request, for the staff who handle it: the workbench. */
  requestForStaff: (requestId: string) => withQuery(packagePagePath('workbench/detail'), { id: requestId }),
  /** A booking, where its code and QR code are. */
  booking: (bookingId: string) => withQuery(packagePagePath('booking/detail'), { id: bookingId }),
  /** A 联户党员's households and follow-ups (十户联保). */
  lianbao: () => packagePagePath('volunteer/list'),
  /** The answer to a household binding (approved, or rejected with the reason): 我的 shows it. */
  binding: () => mainPagePath('me'),
  /** A department's part of a request (网格吹哨、部门报到), for its people. */
  departmentPart: (dispatchId: string) => withQuery(packagePagePath('department/part'), { id: dispatchId }),
  /** A 议事厅 topic, for those called to its meeting. */
  topic: (topicId: string) => withQuery(packagePagePath('agora/topic'), { id: topicId }),
} as const;
