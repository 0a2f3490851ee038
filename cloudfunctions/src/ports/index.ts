import type { Clock } from './clock';
import type { ContentCheck } from './content-check';
import type { Ids } from './ids';
import type { Notifier } from './notifier';
import type { Store } from './store';

/** Everything a use case may touch, handed in by the function entry or the local host. */
export interface Ports {
  store: Store;
  clock: Clock;
  ids: Ids;
  notifier: Notifier;
  contentCheck: ContentCheck;
}

export type { Clock, ContentCheck, Ids, Notifier, Store };
