import { mainPagePath } from '@linli/shared';
import { callCloud } from '../../services/cloud';
import { showTabBadge } from '../../services/tab-bar';

/** The 诉求 tab leads staff to the workbench: its badge counts the 督办 waiting at their level. */
export const REQUESTS_TAB = mainPagePath('requests');

/** Shows the 督办 waiting for the person on the 诉求 tab; answers the count (0 when it could not be read). */
export async function refreshEscalationBadge(): Promise<number> {
  try {
    const { count } = await callCloud('requests', 'escalatedCount', {});
    await showTabBadge(REQUESTS_TAB, count);
    return count;
  } catch {
    // a badge is a hint: never bother anyone with its failure
    return 0;
  }
}
