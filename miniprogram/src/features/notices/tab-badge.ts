import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';

export const NOTICES_TAB = 'pages/notices/index';

type TabList = { pagePath: string }[] | undefined;

/**
 * Where the notices tab sits in the tab bar. Read from the running app's own config (WeChat
 * keeps it in __wxConfig, Taro's browser build in __taroAppConfig) so a tab added elsewhere
 * cannot make the badge land on the wrong tab.
 */
function noticesTabIndex(): number {
  const g = globalThis as unknown as { __wxConfig?: { tabBar?: { list?: TabList } }; __taroAppConfig?: { tabBar?: { list?: TabList } } };
  const list = (process.env.TARO_ENV === 'h5' ? g.__taroAppConfig : g.__wxConfig)?.tabBar?.list;
  return list?.findIndex((t) => t.pagePath.replace(/^\//, '').replace(/\.html$/, '') === NOTICES_TAB) ?? -1;
}

/** Shows the number of unread notices on the tab (or nothing), e.g. after opening one. */
export async function showUnreadBadge(unread: number): Promise<void> {
  const index = noticesTabIndex();
  if (index < 0) return;
  try {
    if (unread > 0) await Taro.setTabBarBadge({ index, text: unread > 99 ? '99+' : String(unread) });
    else await Taro.removeTabBarBadge({ index });
  } catch {
    // only tab pages have a tab bar: from a sub-page the badge waits for the next refresh
  }
}

/** Asks the functions how many are unread and shows it; silent when not signed in or offline. */
export async function refreshUnreadBadge(): Promise<void> {
  try {
    const { unread } = await callCloud('notices', 'unreadCount', {});
    await showUnreadBadge(unread);
  } catch {
    // a badge is a hint: never bother a resident with its failure
  }
}
