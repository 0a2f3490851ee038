import { useAsync } from '../../hooks/use-async';
import { useTabRefresh } from '../../hooks/use-tab-refresh';
import { invalidateMe, loadMe } from './me-store';

/** identity.me, fetched afresh each time 我的 is shown (a review may have happened meanwhile) and when the person changes. */
export function useMePage() {
  const me = useAsync(() => loadMe(), []);
  const refresh = () => {
    invalidateMe();
    me.reload();
  };
  useTabRefresh(refresh);
  return { me, refresh };
}
