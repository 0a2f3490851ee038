import { ok, type Result } from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LedgerImportDoc } from '../../ports/documents';

/** Wall time one call spends writing chunks (the function's limit is 20 s); at least one chunk is written. */
export const APPLY_BUDGET = { ms: 8_000 };

/**
 * Writes the dry run's chunks in order from where the last call stopped, until the time budget is
 * spent, and answers how far it got; the app calls again until done. A chunk's residents are written
 * whole (same ids, same content), then the cursor moves on only if no other call moved it: a
 * retried or overlapping call rewrites what is already there, so applying is idempotent.
 */
export async function ledgerApply(
  ctx: Ctx,
  input: { importId: string },
  doc: LedgerImportDoc,
): Promise<Result<{ written: number; toWrite: number; done: boolean }>> {
  const { store, clock } = ctx.ports;
  const by = callerOpenid(ctx);
  const started = Date.now();
  let next = doc.nextChunk;
  let written = doc.written;
  while (next < doc.chunkCount) {
    if (next > doc.nextChunk && Date.now() - started > APPLY_BUDGET.ms) break;
    const chunk = await store.get(COLLECTIONS.ledgerImportChunks, `${input.importId}:${next}`);
    if (!chunk) throw new Error(`ledger import ${input.importId} lacks chunk ${next}`);
    const at = clock.now().toISOString();
    for (const r of chunk.residents) await store.put(COLLECTIONS.ledgerResidents, { ...r, updatedAt: at, updatedBy: by });
    const last = next + 1 === doc.chunkCount;
    const moved = await store.update(
      COLLECTIONS.ledgerImports,
      input.importId,
      {
        set: { nextChunk: next + 1, ...(last ? { status: 'applied', appliedAt: at } : {}) },
        inc: { written: chunk.residents.length },
      },
      { nextChunk: next },
    );
    if (!moved) {
      // another call wrote this chunk meanwhile: carry on from where it is now
      const now = await store.get(COLLECTIONS.ledgerImports, input.importId);
      if (!now) break;
      next = now.nextChunk;
      written = now.written;
      continue;
    }
    next += 1;
    written += chunk.residents.length;
  }
  return ok({ written, toWrite: doc.toWrite, done: next >= doc.chunkCount });
}
