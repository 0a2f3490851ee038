import Taro from '@tarojs/taro';

type TabList = { pagePath: string }[] | undefined;

/**
 * Where a tab sits in the tab bar. Read from the running app's own config (WeChat keeps it in
 * __wxConfig, Taro's browser build in __taroAppConfig) so a tab added elsewhere cannot make a
 * badge land on the wrong tab.
 */
function tabIndex(tab: string): number {
  const g = globalThis as unknown as { __wxConfig?: { tabBar?: { list?: TabList } }; __taroAppConfig?: { tabBar?: { list?: TabList } } };
  const list = (process.env.TARO_ENV === 'h5' ? g.__taroAppConfig : g.__wxConfig)?.tabBar?.list;
  return list?.findIndex((t) => t.pagePath.replace(/^\//, '').replace(/\.html$/, '') === tab) ?? -1;
}

/** Shows a count on a tab (or nothing when it is 0). */
export async function showTabBadge(tab: string, count: number): Promise<void> {
  const index = tabIndex(tab);
  if (index < 0) return;
  try {
    if (count > 0) await Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) });
    else await Taro.removeTabBarBadge({ index });
  } catch {
    // only tab pages have a tab bar: from a sub-page the badge waits for the next refresh
  }
}
