import { z } from 'zod';
import { idempotencyKeySchema } from '../common/idempotency';
import { idSchema } from '../common/fields';
import { LEDGER_OUTCOMES } from '../ledger/ledger.rules';

const countsSchema = z.object({ create: z.number(), update: z.number(), unchanged: z.number(), error: z.number() });

/** One row of the dry run, as the app lists it. */
export const ledgerRowResultSchema = z.object({
  row: z.number(),
  outcome: z.enum(LEDGER_OUTCOMES),
  text: z.string(),
  name: z.string(),
  room: z.string(),
});
export type LedgerRowResult = z.infer<typeof ledgerRowResultSchema>;

export const ledgerDryRunSchema = z.object({
  importId: z.string(),
  compoundName: z.string(),
  total: z.number(),
  counts: countsSchema,
  /** Errors first, then updates and new rows; at most LEDGER_PREVIEW_ROWS (every row is in the file). */
  rows: z.array(ledgerRowResultSchema),
  truncated: z.boolean(),
  resultUrl: z.string(),
  resultFileId: z.string(),
  resultFileName: z.string(),
  /** Rows applying would write (new and changed ones). */
  toWrite: z.number(),
  status: z.enum(['ready', 'applied']),
});
export type LedgerDryRun = z.infer<typeof ledgerDryRunSchema>;

export const LEDGER_PREVIEW_ROWS = 500;

/** The household ledger from Excel: the template, a dry run of an upload, applying it in chunks. */
export const ledgerActions = {
  ledgerTemplate: {
    input: z.object({ compoundId: idSchema }),
    output: z.object({ fileId: z.string(), fileName: z.string(), url: z.string() }),
  },
  ledgerDryRun: {
    input: z.object({ key: idempotencyKeySchema, compoundId: idSchema, fileId: z.string().min(1).max(300) }),
    output: ledgerDryRunSchema,
  },
  /** 代办: residents of the compound's ledger by name, room or phone. */
  searchResidents: {
    input: z.object({
      compoundId: idSchema,
      q: z.string().trim().min(1, { message: '请输入姓名、房号或电话' }).max(20, { message: '最多 20 个字' }),
    }),
    output: z.object({
      residents: z.array(
        // the community: where a resident acted for can book (代办 预约)
        z.object({
          id: z.string(),
          name: z.string(),
          room: z.string(),
          phoneTail: z.string(),
          relation: z.string(),
          communityId: z.string(),
        }),
      ),
    }),
  },
  /** Writes the next chunks of a dry run; call again while `done` is false (each call stays well inside the function's time limit). */
  ledgerApply: {
    input: z.object({ importId: idempotencyKeySchema }),
    output: z.object({ written: z.number(), toWrite: z.number(), done: z.boolean() }),
  },
};
