import { mainPagePath } from '@linli/shared';
import { callCloud } from '../../services/cloud';
import { showTabBadge } from '../../services/tab-bar';

export const NOTICES_TAB = mainPagePath('notices');

/** Shows the number of unread notices on the tab (or nothing), e.g. after opening one. */
export async function showUnreadBadge(unread: number): Promise<void> {
  await showTabBadge(NOTICES_TAB, unread);
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
