import { useState } from 'react';
import { useAsync } from '../../hooks/use-async';
import { callCloud } from '../../services/cloud';

/** places.searchCompounds: an empty query lists every compound, so the list is never blank at first. */
export function useCompoundSearch() {
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const result = useAsync(() => callCloud('places', 'searchCompounds', { q: query }).then((r) => r.compounds), [query]);
  return {
    draft,
    setDraft,
    query,
    search: () => {
      if (draft.trim() === query) result.reload();
      else setQuery(draft.trim());
    },
    result,
  };
}
