import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { calendarWithEntries, chineseDaysCalendar } from '../src/adapters/chinese-days-calendar';
import { cryptoIds } from '../src/adapters/crypto-ids';
import { ManualClock } from '../src/adapters/local/manual-clock';
import { devInboxNotifier } from '../src/adapters/local/dev-inbox-notifier';
import { LocalFiles } from '../src/adapters/local/local-files';
import { SqliteStore } from '../src/adapters/local/sqlite-store';
import { wordListContentCheck } from '../src/adapters/local/word-list-content-check';
import type { Ports } from '../src/ports';
import { INDEXES } from '../src/ports/collections';
import { typedStore } from '../src/ports/store';

/**
 * `close()` closes the database file (the host on exit, tests after a run); `sqlite` is the
 * untyped adapter itself, for benchmarks that lay out hundreds of thousands of rows directly.
 */
export type LocalPorts = Ports & { clock: ManualClock; files: LocalFiles; sqlite: SqliteStore; close(): void };

/** The local stack's adapters: SQLite (a file under .data/, or :memory: in tests) and a movable clock. */
export function createLocalPorts(file: string): LocalPorts {
  const sqlite = new SqliteStore(file, INDEXES);
  const store = typedStore(sqlite);
  const clock = new ManualClock();
  // uploads sit beside the database file; in-memory databases (tests) share one folder per process
  const files = new LocalFiles(file === ':memory:' ? join(tmpdir(), `linli-files-${process.pid}`) : join(dirname(file), 'uploads'));
  return {
    store,
    clock,
    ids: cryptoIds,
    notifier: devInboxNotifier(store, clock, cryptoIds),
    // an image is judged by the name it was uploaded with, so tests and the dev host can trigger a rejection
    contentCheck: { ...wordListContentCheck, checkImage: (id, openid) => wordListContentCheck.checkText(files.nameOf(id) ?? '', openid) },
    files,
    // no mini-program locally: the app prints a QR code of the card's H5 link
    miniCode: { unlimited: async () => null },
    calendar: chineseDaysCalendar,
    calendarWith: calendarWithEntries,
    sqlite,
    close: () => sqlite.close(),
  };
}
