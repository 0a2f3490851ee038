import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { SERVICE_CATEGORIES, type Service, type ServiceCategory } from '@linli/shared';
import { useAsync } from '../../hooks/use-async';
import { useTabRefresh } from '../../hooks/use-tab-refresh';
import { getCurrentCommunity } from '../../services/app-state';
import { callCloud } from '../../services/cloud';
import { loadMeOrNull } from '../identity/me-store';

/**
 * Which community's catalogue: a communityId in the link, else the community of the card
 * being looked at, else the resident's own. Re-decided each time the tab is shown.
 */
export function useCataloguePage() {
  const params = useRouter().params;
  const [communityId, setCommunityId] = useState<string | null>(params.communityId ?? null);
  const [resolved, setResolved] = useState(Boolean(params.communityId));

  const list = useAsync(communityId ? () => callCloud('catalogue', 'list', { communityId }) : null, [communityId]);

  useTabRefresh(
    (why) => {
      // the catalogue may have been edited meanwhile; a changed community loads by itself
      if (why !== 'first') list.reload();
      if (params.communityId) return;
      const current = getCurrentCommunity();
      if (current) {
        setCommunityId(current.id);
        setResolved(true);
        return;
      }
      loadMeOrNull()
        .then((me) => setCommunityId(me?.household?.communityId ?? null))
        .catch(() => setCommunityId(null))
        .finally(() => setResolved(true));
    },
    { firstShow: true },
  );
  return { communityId, resolved, list };
}

/** The services grouped by category, categories in their fixed order, empty ones left out. */
export function groupByCategory<S extends Service>(services: readonly S[]): { category: ServiceCategory; services: S[] }[] {
  return SERVICE_CATEGORIES.map((category) => ({ category, services: services.filter((s) => s.category === category) })).filter(
    (g) => g.services.length > 0,
  );
}
