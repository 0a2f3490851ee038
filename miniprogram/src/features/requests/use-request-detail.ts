import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { decodeParam } from '../../services/format';

/** One request for a detail page (resident or workbench): read by the page's `id`, refreshed by pulling down. */
export function useRequestDetail() {
  const id = decodeParam(useRouter().params.id);
  const detail = useAsync(() => callCloud('requests', 'get', { requestId: id }), [id]);
  usePullDownRefresh(() => {
    detail.reload();
    setTimeout(() => void Taro.stopPullDownRefresh(), 300);
  });
  return { id, detail };
}
