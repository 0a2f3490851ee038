import { ledgerResidentId, type LedgerResident } from '@linli/shared';
import { COLLECTIONS } from '../src/ports/collections';
import type { Clock } from '../src/ports/clock';
import type { Store } from '../src/ports/store';

/** What the demo street's household ledger holds, for 代办 and pre-approved bindings. */
export const DEMO_LEDGER = {
  /** An import already applied (nothing left to write), for the role-and-scope table. */
  importId: 'seed-ledger-import',
  /** An elderly resident without a smartphone: on the ledger, never bound. */
  elderly: { name: '赵桂兰', phone: '13804005001', householdId: 'p-zhongjie-b2-u1-201', room: '2号楼1单元201' },
} as const;

export async function seedLedger(store: Store, clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  const e = DEMO_LEDGER.elderly;
  const listed: LedgerResident[] = [
    { ...e, relation: '户主', tags: [] },
    { name: '陈秀英', phone: '13804002001', householdId: 'p-zhongjie-b1-u1-101', room: '1号楼1单元101', relation: '户主', tags: [] },
  ].map((r) => ({
    _id: ledgerResidentId(r.householdId, r.name),
    householdId: r.householdId,
    compoundId: 'p-zhongjie',
    communityId: 'c-zhongfang',
    room: r.room,
    name: r.name,
    phone: r.phone,
    relation: r.relation as LedgerResident['relation'],
    tags: [],
    updatedAt: now,
    updatedBy: 'seed',
  }));
  for (const r of listed) await store.put(COLLECTIONS.ledgerResidents, r);
  await store.put(COLLECTIONS.ledgerImports, {
    _id: DEMO_LEDGER.importId,
    compoundId: 'p-zhongjie',
    compoundName: '中捷木材小区',
    path: ['d-dadong', 's-dongta', 'c-zhongfang', 'p-zhongjie'],
    fileId: 'seed',
    resultFileId: 'seed',
    resultFileName: '导入预检-中捷木材小区.xlsx',
    createdBy: 'dev-staff-zhongfang',
    createdAt: now,
    total: 2,
    counts: { create: 2, update: 0, unchanged: 0, error: 0 },
    rows: [],
    truncated: false,
    toWrite: 2,
    chunkCount: 0,
    nextChunk: 0,
    written: 2,
    status: 'applied',
    appliedAt: now,
  });
}
