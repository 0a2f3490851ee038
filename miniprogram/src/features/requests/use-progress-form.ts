import type { RequestDetail } from '@linli/shared';
import { useState } from 'react';
import { callCloud } from '../../services/cloud';
import { newIdempotencyKey } from '../../services/idempotency';
import { useRequestStep } from './use-request-step';

/**
 * 告诉居民进展: a line (a quick reply to start from) and photos. One key per progress note, so a
 * retried send is one note; after a success the form empties and takes a new key.
 */
export function useProgressForm(r: RequestDetail, onDone: (r: RequestDetail) => void) {
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [key, setKey] = useState(newIdempotencyKey);
  const step = useRequestStep();

  const send = async (): Promise<void> => {
    const done = await step.run(() => callCloud('requests', 'progress', { requestId: r.id, key, text, photos }));
    if (!done) return;
    setText('');
    setPhotos([]);
    setKey(newIdempotencyKey());
    onDone(done);
  };

  return { text, setText, photos, setPhotos, key, busy: step.busy, error: step.error, send };
}
