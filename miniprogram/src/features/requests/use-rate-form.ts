import type { RequestDetail, Satisfaction } from '@linli/shared';
import { useState } from 'react';
import { callCloud, CloudError } from '../../services/cloud';
import { useRequestStep } from './use-request-step';

/** 评价: solved or not, how satisfied, a comment. Both choices are asked for before anything is sent. */
export function useRateForm(r: RequestDetail, onDone: (r: RequestDetail) => void) {
  const [solved, setSolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const step = useRequestStep();

  const submit = async (): Promise<void> => {
    if (solved === null || satisfaction === null) {
      step.setError(
        new CloudError('COMMON.INVALID_INPUT', {
          issues: [{ path: '', message: solved === null ? '请选择问题是否解决' : '请选择满意、基本满意或不满意' }],
        }),
      );
      return;
    }
    const done = await step.run(() =>
      callCloud('requests', 'rate', { requestId: r.id, solved, satisfaction, ...(comment.trim() ? { comment } : {}) }),
    );
    if (done) onDone(done);
  };

  return { solved, setSolved, satisfaction, setSatisfaction, comment, setComment, busy: step.busy, error: step.error, submit };
}
