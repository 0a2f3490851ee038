import { MAX_FIND_LIMIT, type Doc, type Filter, type SortOrder, type Store } from '../ports/store';

/** Reads every match page by page, since one read returns at most 1000 documents; `cap` bounds the work. */
export async function findAll<T extends Doc>(
  store: Store,
  collection: string,
  where: Filter,
  orderBy: [string, SortOrder][],
  cap = 10_000,
): Promise<T[]> {
  const out: T[] = [];
  while (out.length < cap) {
    const page = await store.find<T>(collection, { where, orderBy, limit: MAX_FIND_LIMIT, skip: out.length });
    out.push(...page);
    if (page.length < MAX_FIND_LIMIT) break;
  }
  return out;
}
