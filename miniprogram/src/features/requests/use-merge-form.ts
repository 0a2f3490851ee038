import Taro from '@tarojs/taro';
import type { RequestDetail } from '@linli/shared';
import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';
import { redirectTo } from '../../services/routes';
import { useRequestStep } from './use-request-step';

/**
 * 合并: the requests of the same compound and category (read once staff ask for them), and merging
 * this one into one of them after a confirmation; then the workbench shows the merged request.
 */
export function useMergeForm(r: RequestDetail, onDone: (r: RequestDetail) => void) {
  const [open, setOpen] = useState(false);
  const similar = useAsync(open ? () => callCloud('requests', 'similar', { compoundId: r.compoundId, category: r.category }) : null, [
    open,
    r.id,
  ]);
  const step = useRequestStep();
  const others = (similar.state.data?.requests ?? []).filter((o) => o.id !== r.id);

  const merge = async (intoId: string): Promise<void> => {
    if (step.isRunning()) return;
    const { confirm } = await Taro.showModal({
      title: '合并重复诉求',
      content: '这件诉求会并入选中的那件，反映人会一起收到进展。确定合并吗？',
      confirmText: '合并',
    });
    if (!confirm) return;
    const merged = await step.run(() => callCloud('requests', 'merge', { requestId: r.id, intoId }));
    // the merged request on its own page; should the page not change, at least this one shows the merge
    if (merged) await redirectTo('workbench/detail', { id: merged.id }).catch(() => onDone(merged));
  };

  return { open, show: () => setOpen(true), similar, others, busy: step.busy, error: step.error, merge };
}
