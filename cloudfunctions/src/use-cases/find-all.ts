import type { Documents } from '../ports/documents';
import { MAX_FIND_LIMIT, type Filter, type SortOrder, type Store } from '../ports/store';

/** Reads every match page by page, since one read returns at most 1000 documents; `cap` bounds the work. */
export async function findAll<C extends keyof Documents>(
  store: Store,
  collection: C,
  where: Filter,
  orderBy: [string, SortOrder][],
  cap = 10_000,
): Promise<Documents[C][]> {
  const out: Documents[C][] = [];
  while (out.length < cap) {
    const page = await store.find(collection, { where, orderBy, limit: MAX_FIND_LIMIT, skip: out.length });
    out.push(...page);
    if (page.length < MAX_FIND_LIMIT) break;
  }
  return out;
}
