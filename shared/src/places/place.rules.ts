import { PLACE_KINDS, type Place, type PlaceKind } from './place.schema';

export const kindDepth = (kind: PlaceKind): number => PLACE_KINDS.indexOf(kind);

/** True when `placeId` is `place` itself or one of its ancestors. */
export function isWithin(place: Pick<Place, '_id' | 'path'>, placeId: string): boolean {
  return place._id === placeId || place.path.includes(placeId);
}

/** The id of the ancestor of the given kind (or the place itself), read from the path. */
export function ancestorOfKind(place: Pick<Place, '_id' | 'kind' | 'path'>, kind: PlaceKind): string | undefined {
  if (place.kind === kind) return place._id;
  const depth = kindDepth(kind);
  // path[i] is the ancestor at depth i only when the grid starts at a district; compute from the end instead
  const offset = kindDepth(place.kind) - depth;
  if (offset <= 0) return undefined;
  return place.path[place.path.length - offset];
}

export function childKind(kind: PlaceKind): PlaceKind | undefined {
  return PLACE_KINDS[kindDepth(kind) + 1];
}
