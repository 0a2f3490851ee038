import {
  ancestorOfKind,
  countOutcomes,
  err,
  LEDGER_COLUMNS,
  LEDGER_PREVIEW_ROWS,
  ok,
  outcomeText,
  planLedger,
  type LedgerDryRun,
  type LedgerRowResult,
  type Place,
  type Result,
  type RowPlan,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import type { LedgerImportChunkDoc, LedgerImportDoc } from '../../ports/documents';
import { findAll } from '../find-all';
import { firstAnswer, type Replay } from '../idempotency';
import { compoundRooms } from './ledger-rooms';
import { ledgerBook, readLedgerSheet, RESULT_HEADER, XLSX } from './ledger-sheet';

/** One upload holds at most this many rows. */
export const MAX_LEDGER_ROWS = 20_000;
/** Residents per chunk document that applying writes in one go. */
export const LEDGER_CHUNK = 500;

const ORDER: Record<RowPlan['outcome'], number> = { error: 0, update: 1, create: 2, unchanged: 3 };

/** What the app is answered: the stored dry run with a fresh link to its result file. */
export async function dryRunAnswer(ctx: Ctx, doc: LedgerImportDoc): Promise<LedgerDryRun> {
  const {
    _id,
    compoundId: _c,
    path: _p,
    fileId: _f,
    createdBy: _b,
    createdAt: _a,
    chunkCount: _n,
    nextChunk: _x,
    written: _w,
    appliedAt: _t,
    ...run
  } = doc;
  return { ...run, importId: _id, resultUrl: await ctx.ports.files.downloadUrl(doc.resultFileId) };
}

/**
 * Reads an uploaded ledger and says what importing it would do to every row, writing nothing the
 * residents see: the outcomes (and the rows as uploaded with an added 导入结果 column, as a file),
 * and the writes it would make, in chunks, under the staff's key, for ledgerApply.
 */
export async function ledgerDryRun(
  ctx: Ctx,
  input: { key: string; compoundId: string; fileId: string },
  compound: Place,
): Promise<Result<LedgerDryRun>> {
  const openid = callerOpenid(ctx);
  const { store, files, clock } = ctx.ports;
  const replay: Replay<'ledger_imports', LedgerDryRun> = {
    collection: COLLECTIONS.ledgerImports,
    id: input.key,
    ownerOf: (d) => d.createdBy,
    answer: (d) => dryRunAnswer(ctx, d),
  };
  const first = await firstAnswer(store, openid, replay);
  if (first) return first;

  const bytes = await files.bytes(input.fileId);
  if (!bytes) return err('LEDGER.FILE_NOT_FOUND');
  const sheet = await readLedgerSheet(bytes);
  if (!sheet.ok) return err('LEDGER.UNREADABLE');
  const expected = LEDGER_COLUMNS.slice(0, 6);
  if (expected.some((h, i) => sheet.header[i] !== h)) return err('LEDGER.NOT_A_TEMPLATE', { expected: [...LEDGER_COLUMNS] });
  if (sheet.rows.length === 0) return err('LEDGER.EMPTY');
  if (sheet.rows.length > MAX_LEDGER_ROWS) return err('LEDGER.TOO_MANY_ROWS', { max: MAX_LEDGER_ROWS, rows: sheet.rows.length });

  const communityId = ancestorOfKind(compound, 'community') ?? '';
  const [rooms, stored] = await Promise.all([
    compoundRooms(ctx, compound),
    findAll(store, COLLECTIONS.ledgerResidents, { compoundId: compound._id }, [['_id', 'asc']], 200_000),
  ]);
  const plans = planLedger(sheet.rows, rooms, new Map(stored.map((r) => [r._id, r])), { compoundId: compound._id, communityId });

  // the rows as uploaded, with what would happen to each
  const { book, sheet: out } = ledgerBook(RESULT_HEADER);
  sheet.rows.forEach((raw, i) => {
    const added = out.addRow([...raw.cells, outcomeText(plans[i]!)]);
    if (plans[i]!.outcome === 'error') added.getCell(LEDGER_COLUMNS.length + 1).font = { color: { argb: 'FFC0392B' } };
  });
  const resultFileName = `导入预检-${compound.name}.xlsx`;
  const resultFileId = await files.save({
    name: resultFileName,
    contentType: XLSX,
    bytes: new Uint8Array(await book.xlsx.writeBuffer()),
    ownerOpenid: openid,
  });

  const writes = plans.flatMap((p) => (p.outcome === 'create' || p.outcome === 'update' ? [p.resident] : []));
  const chunks: LedgerImportChunkDoc[] = [];
  for (let i = 0; i < writes.length; i += LEDGER_CHUNK)
    chunks.push({
      _id: `${input.key}:${chunks.length}`,
      importId: input.key,
      n: chunks.length,
      residents: writes.slice(i, i + LEDGER_CHUNK),
    });
  // chunks first, then the import that points at them: a dry run cut short leaves no import to apply
  await store.insertMany(COLLECTIONS.ledgerImportChunks, chunks);

  const cellOf = (i: number, c: number) => sheet.rows[i]!.cells[c] ?? '';
  const listed: LedgerRowResult[] = plans
    .map((p, i) => ({
      row: p.row,
      outcome: p.outcome,
      text: outcomeText(p),
      name: cellOf(i, 3),
      room: p.outcome === 'error' ? `${cellOf(i, 0)}${cellOf(i, 1)}${cellOf(i, 2)}` : p.resident.room,
    }))
    .sort((a, b) => ORDER[a.outcome] - ORDER[b.outcome] || a.row - b.row);
  const doc: LedgerImportDoc = {
    _id: input.key,
    compoundId: compound._id,
    compoundName: compound.fullName,
    path: [...compound.path, compound._id],
    fileId: input.fileId,
    resultFileId,
    resultFileName,
    createdBy: openid,
    createdAt: clock.now().toISOString(),
    total: plans.length,
    counts: countOutcomes(plans),
    rows: listed.slice(0, LEDGER_PREVIEW_ROWS),
    truncated: listed.length > LEDGER_PREVIEW_ROWS,
    toWrite: writes.length,
    chunkCount: chunks.length,
    nextChunk: 0,
    written: 0,
    status: writes.length === 0 ? 'applied' : 'ready',
  };
  if ((await store.insert(COLLECTIONS.ledgerImports, doc)) === 'duplicate') {
    const again = await firstAnswer(store, openid, replay);
    if (again) return again;
  }
  return ok(await dryRunAnswer(ctx, doc));
}
