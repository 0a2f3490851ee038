import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chineseDaysCalendar } from '../src/adapters/chinese-days-calendar';
import { cryptoIds } from '../src/adapters/crypto-ids';
import { ManualClock } from '../src/adapters/local/manual-clock';
import { devInboxNotifier } from '../src/adapters/local/dev-inbox-notifier';
import { LocalFiles } from '../src/adapters/local/local-files';
import { SqliteStore } from '../src/adapters/local/sqlite-store';
import { wordListContentCheck } from '../src/adapters/local/word-list-content-check';
import type { Ports } from '../src/ports';
import { INDEXES } from '../src/ports/collections';

export type LocalPorts = Ports & { store: SqliteStore; clock: ManualClock; files: LocalFiles };

/** The local stack's adapters: SQLite (a file under .data/, or :memory: in tests) and a movable clock. */
export function createLocalPorts(file: string): LocalPorts {
  const store = new SqliteStore(file, INDEXES);
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
    calendar: chineseDaysCalendar,
  };
}
