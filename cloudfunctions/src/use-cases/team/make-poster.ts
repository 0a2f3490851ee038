import {
  buildingHeads,
  err,
  hallOf,
  ok,
  POSTER_CODE_PAGE,
  posterGroups,
  teamFingerprint,
  type Place,
  type Poster,
  type Result,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { MiniCodeError } from '../../ports/mini-code';
import type { PosterDoc } from '../../ports/poster-collections';
import { findAll } from '../find-all';

/**
 * The printed 服务联系卡 of a compound, or of one of its buildings (its 楼栋长 and 单元长 above the
 * compound's team): its content in the card's order, the community hall's hours, and the code
 * that opens the compound's card. Recorded per place with the team's fingerprint, so the card
 * tells its staff when the printed one is out of date. Generating it again is harmless: the same
 * document is written, and the compound's mini-program code is made once and kept in storage.
 */
export async function makePoster(ctx: Ctx, input: { compoundId: string; buildingId?: string }, compound: Place): Promise<Result<Poster>> {
  const { store, clock, files, miniCode } = ctx.ports;
  const [community, team, building, cached] = await Promise.all([
    compound.parentId ? store.get(COLLECTIONS.places, compound.parentId) : null,
    store.get(COLLECTIONS.teams, compound._id),
    input.buildingId ? store.get(COLLECTIONS.places, input.buildingId) : null,
    store.getMany(COLLECTIONS.posters, input.buildingId ? [compound._id, input.buildingId] : [compound._id]),
  ]);
  if (input.buildingId && (!building || building.kind !== 'building' || building.parentId !== compound._id))
    return err('PLACE.NOT_FOUND', { placeId: input.buildingId });
  const members = team?.members ?? [];
  const [services, units] = await Promise.all([
    community ? findAll(store, COLLECTIONS.services, { communityId: community._id }, [['sort', 'asc']]) : [],
    building ? findAll(store, COLLECTIONS.places, { parentId: building._id }, [['sort', 'asc']]) : [],
  ]);

  // the compound's code: the one kept from an earlier poster, else a new one from WeChat
  let miniCodeFileId = cached.find((p) => p.miniCodeFileId)?.miniCodeFileId ?? null;
  if (!miniCodeFileId) {
    let image;
    try {
      image = await miniCode.unlimited({ scene: compound._id, page: POSTER_CODE_PAGE });
    } catch (e) {
      if (e instanceof MiniCodeError) return err('TEAM.POSTER_CODE_FAILED', { wxErrCode: e.wxErrCode });
      throw e;
    }
    if (image) {
      const ext = image.contentType === 'image/png' ? 'png' : 'jpg';
      miniCodeFileId = await files.save({ name: `wxacode-${compound._id}.${ext}`, contentType: image.contentType, bytes: image.bytes });
    }
  }

  const now = clock.now().toISOString();
  const fingerprint = teamFingerprint(members);
  const title = building ? `${compound.name} ${building.name}` : compound.name;
  const doc: PosterDoc = {
    _id: building?._id ?? compound._id,
    kind: building ? 'building' : 'compound',
    compoundId: compound._id,
    title,
    fingerprint,
    teamVersion: team?.version ?? 0,
    generatedAt: now,
    generatedBy: callerOpenid(ctx),
    ...(miniCodeFileId ? { miniCodeFileId } : {}),
  };
  await store.put(COLLECTIONS.posters, doc);

  return ok({
    kind: doc.kind,
    placeId: doc._id,
    title,
    compound: {
      _id: compound._id,
      name: compound.name,
      fullName: compound.fullName,
      ...(compound.address ? { address: compound.address } : {}),
      communityName: community?.name ?? '',
    },
    ...(building ? { building: { _id: building._id, name: building.name, ...buildingHeads(members, building.name, units) } } : {}),
    groups: posterGroups(members),
    hall: hallOf(services),
    miniCode: miniCodeFileId ? { fileId: miniCodeFileId, url: await files.downloadUrl(miniCodeFileId) } : null,
    code: { page: POSTER_CODE_PAGE, scene: compound._id },
    fingerprint,
    generatedAt: now,
  });
}
