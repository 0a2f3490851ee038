import type { RequestCategory } from '@linli/shared';
import { useState } from 'react';
import { useGuarded } from '../../hooks/use-guarded';
import { newIdempotencyKey } from '../../services/idempotency';

/** What a patroller or a working-group member found: the same four fields whoever records it. */
export interface Finding {
  category: RequestCategory;
  description: string;
  spot: string;
  photos: string[];
}

/**
 * A problem found on the spot (巡查发现, 工作组收集): the fields, one idempotency key per form, one
 * send at a time. `send` is the action that records it (it differs by who records); a retry of the
 * same form sends the same key.
 */
export function useFindingForm(initialCategory: RequestCategory, send: (key: string, finding: Finding) => Promise<void>) {
  const [category, setCategory] = useState<RequestCategory>(initialCategory);
  const [description, setDescription] = useState('');
  const [spot, setSpot] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [key] = useState(newIdempotencyKey);
  const guard = useGuarded();
  const submit = () => guard.run(() => send(key, { category, description, spot, photos }));
  return {
    category,
    setCategory,
    description,
    setDescription,
    spot,
    setSpot,
    photos,
    setPhotos,
    busy: !!guard.busy,
    error: guard.error,
    submit,
  };
}

export type FindingForm = ReturnType<typeof useFindingForm>;
