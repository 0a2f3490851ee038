import type { Place, Result } from '@linli/shared';
import type { Ctx } from '../platform/context';
import { findPlace } from '../platform/policy';

/**
 * The community an input names, or why not: a catalogue, the booking desk and the 阳光三务 archive
 * belong to a 社区, never to a street, a compound or a household.
 */
export const loadCommunity = (ctx: Ctx, communityId: string): Promise<Result<Place>> => findPlace(ctx, communityId, 'community');
