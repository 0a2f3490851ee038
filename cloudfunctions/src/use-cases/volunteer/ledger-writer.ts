import {
  foldLedger,
  roundPoints,
  shanghaiDate,
  walletId,
  type Entry,
  type EntryDraft,
  type EntryView,
  type Ledger,
  type Recorder,
  type Totals,
} from '@linli/shared';
import type { Caller } from '../../platform/caller';
import { COLLECTIONS } from '../../ports/collections';
import type { Store, TxStore } from '../../ports/store';
import { findAll } from '../find-all';

/**
 * The one writer of ledger entries. Inside the caller's transaction it reads the person's wallet
 * (their last entry's number and running balance), writes the entry with the next number and the
 * balance after it, and moves the wallet on. An entry whose id is already written is left alone:
 * that is how a repeat (a second confirmation, a retry) writes nothing.
 */
export async function appendEntry(tx: TxStore, draft: EntryDraft): Promise<{ written: boolean; entry: Entry; balance: number }> {
  const existing = await tx.get(COLLECTIONS.volEntries, draft._id);
  const id = walletId(draft.ledger, draft.communityId, draft.openid);
  const wallet = (await tx.get(COLLECTIONS.volWallets, id)) ?? {
    _id: id,
    ledger: draft.ledger,
    communityId: draft.communityId,
    openid: draft.openid,
    seq: 0,
    balance: 0,
    updatedAt: draft.at,
  };
  if (existing) return { written: false, entry: existing, balance: wallet.balance };
  const balance = roundPoints(wallet.balance + draft.points);
  const entry: Entry = { ...draft, seq: wallet.seq + 1, balanceAfter: balance };
  await tx.insert(COLLECTIONS.volEntries, entry);
  await tx.put(COLLECTIONS.volWallets, { ...wallet, seq: entry.seq, balance, updatedAt: draft.at });
  return { written: true, entry, balance };
}

/** The Shanghai day and month of an instant, as entries carry them. */
export const dayAndMonth = (at: Date) => {
  const day = shanghaiDate(at);
  return { day, month: day.slice(0, 7) };
};

/** One person's entries in order (served by vol_entries_person). */
export const entriesOf = (store: Store, ledger: Ledger, communityId: string, openid: string) =>
  findAll(store, COLLECTIONS.volEntries, { ledger, communityId, openid }, [
    ['ledger', 'asc'],
    ['communityId', 'asc'],
    ['openid', 'asc'],
    ['seq', 'asc'],
  ]);

/** A community's entries of one month (served by vol_entries_month). */
export const monthEntries = (store: Store, ledger: Ledger, communityId: string, month: string, cap = 500_000) =>
  findAll(
    store,
    COLLECTIONS.volEntries,
    { ledger, communityId, month },
    [
      ['ledger', 'asc'],
      ['communityId', 'asc'],
      ['month', 'asc'],
      ['_id', 'asc'],
    ],
    cap,
  );

export const toEntryView = (e: Entry, reversed: ReadonlySet<string>): EntryView => ({
  _id: e._id,
  kind: e.kind,
  points: e.points,
  hours: e.hours,
  ...(e.activityTitle ? { activityTitle: e.activityTitle } : {}),
  reason: e.reason,
  at: e.at,
  balanceAfter: e.balanceAfter,
  ...(e.reverses ? { reverses: e.reverses } : {}),
  recordedByName: e.recordedBy.name,
  reversible: e.kind !== 'reversal' && e.kind !== 'spend' && !reversed.has(e._id),
});

/** Totals and the newest entries first, from the entries alone. */
export async function statement(
  store: Store,
  ledger: Ledger,
  communityId: string,
  openid: string,
): Promise<{ totals: Totals; entries: EntryView[] }> {
  const entries = await entriesOf(store, ledger, communityId, openid);
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  return { totals: foldLedger(entries), entries: entries.map((e) => toEntryView(e, reversed)).reverse() };
}

/** Who recorded an entry, as its line says it (谁记录谁证明). */
export function recorderOf(caller: Caller, role: string): Recorder {
  return { openid: caller.openid ?? 'system', name: caller.user?.name ?? '系统', role };
}
