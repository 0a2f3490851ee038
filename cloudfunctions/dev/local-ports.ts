import { cryptoIds } from '../src/adapters/crypto-ids';
import { ManualClock } from '../src/adapters/local/manual-clock';
import { outboxNotifier } from '../src/adapters/local/outbox-notifier';
import { SqliteStore } from '../src/adapters/local/sqlite-store';
import { wordListContentCheck } from '../src/adapters/local/word-list-content-check';
import type { Ports } from '../src/ports';
import { INDEXES } from '../src/ports/collections';

export type LocalPorts = Ports & { store: SqliteStore; clock: ManualClock };

/** The local stack's adapters: SQLite (a file under .data/, or :memory: in tests) and a movable clock. */
export function createLocalPorts(file: string): LocalPorts {
  const store = new SqliteStore(file, INDEXES);
  const clock = new ManualClock();
  return {
    store,
    clock,
    ids: cryptoIds,
    notifier: outboxNotifier(store, clock, cryptoIds),
    contentCheck: wordListContentCheck,
  };
}
