import { COLLECTIONS } from '../../ports/collections';
import type { Clock } from '../../ports/clock';
import type { Ids } from '../../ports/ids';
import type { Notifier } from '../../ports/notifier';
import type { Store } from '../../ports/store';

/** Locally nothing leaves the machine: each message is kept so the dev host can show what a person received. */
export function devInboxNotifier(store: Store, clock: Clock, ids: Ids): Notifier {
  return {
    async send(message) {
      await store.insert(COLLECTIONS.devInbox, {
        _id: ids.newId(),
        ...message,
        createdAt: clock.now().toISOString(),
      });
      return 'sent';
    },
  };
}
