import type { PosterDoc } from '../../ports/poster-collections';
import { describeMissing, groupByRole, missingPosts, type Card, type Place, type Team } from '@linli/shared';

/** The service contact card as residents see it, from the compound, its community and its team. */
export function buildCard(compound: Place, community: Place | null, team: Team | null): Card {
  const members = team?.members ?? [];
  const checkpoints = compound.checkpoints ?? [];
  const missing = missingPosts(members, checkpoints);
  return {
    compound: {
      _id: compound._id,
      name: compound.name,
      fullName: compound.fullName,
      ...(compound.address ? { address: compound.address } : {}),
      communityId: community?._id ?? compound.parentId ?? '',
      communityName: community?.name ?? '',
      checkpoints,
    },
    groups: groupByRole(members),
    missing,
    missingText: describeMissing(missing),
    version: team?.version ?? 0,
    updatedAt: team?.updatedAt ?? '',
  };
}

/** A printed poster as the card lists it when it is out of date. */
export const posterLine = (p: PosterDoc) => ({ placeId: p._id, title: p.title, generatedAt: p.generatedAt });
