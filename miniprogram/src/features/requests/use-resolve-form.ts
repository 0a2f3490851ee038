import type { RequestDetail } from '@linli/shared';
import { useState } from 'react';
import { callCloud } from '../../services/cloud';
import { useRequestStep } from './use-request-step';

/** 办结反馈: the result and photos of it. `onWork` runs first thing in the tap (WeChat's subscribe dialog). */
export function useResolveForm(r: RequestDetail, onDone: (r: RequestDetail) => void, onWork?: () => void) {
  const [result, setResult] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const step = useRequestStep();

  const submit = async (): Promise<void> => {
    onWork?.();
    const done = await step.run(() => callCloud('requests', 'resolve', { requestId: r.id, result, photos }));
    if (done) onDone(done);
  };

  return { result, setResult, photos, setPhotos, busy: step.busy, error: step.error, submit };
}
