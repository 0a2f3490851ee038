import { err, ok, type Result } from '@linli/shared';
import type { Documents } from '../ports/documents';
import type { Store, TxStore } from '../ports/store';

/**
 * The one mechanism for writes a retry could repeat: the client's idempotency key names the
 * document the write creates (a request, a booking, a notice), so a repeat finds it. A repeat by
 * the same person answers the first result, whatever changed since (the state of the slot, a
 * new deadline …); the same key from anyone else is refused with COMMON.KEY_REUSED and learns
 * nothing about the first write. Every such use case asks `firstAnswer` before it writes, and
 * again inside the transaction (or after an insert that met a duplicate), where two phones pressing
 * at once meet.
 */
export interface Replay<C extends keyof Documents, O> {
  collection: C;
  id: string;
  /** Who made the first write. */
  ownerOf: (doc: Documents[C]) => string;
  /** The first result, as the action answers it. */
  answer: (doc: Documents[C]) => O | Promise<O>;
  /** A document under the key that is not finished yet (a notice still being written): not a replay. */
  pending?: (doc: Documents[C]) => boolean;
}

/** The first result under this key, the refusal of someone else's key, or null when the key is new. */
export async function firstAnswer<C extends keyof Documents, O>(
  store: Store | TxStore,
  openid: string,
  replay: Replay<C, O>,
): Promise<Result<O> | null> {
  const doc = await store.get(replay.collection, replay.id);
  if (!doc) return null;
  if (replay.ownerOf(doc) !== openid) return err('COMMON.KEY_REUSED');
  if (replay.pending?.(doc)) return null;
  return ok(await replay.answer(doc));
}
