import { canReceive, type MessageOutlook, type SubscribeTemplateKey } from '@linli/shared';
import { COLLECTIONS } from '../../ports/collections';
import type { Store } from '../../ports/store';
import { subscriptionId } from './spend-grant-and-send';

/**
 * How many of these people a message with `template` can reach now, from their stored grants
 * (what the sender will find when it gets to them, unless they change it meanwhile). Each person
 * counts once.
 */
export async function grantOutlook(store: Store, openids: readonly string[], template: SubscribeTemplateKey): Promise<MessageOutlook> {
  const people = [...new Set(openids)];
  const grants = await store.getMany(
    COLLECTIONS.subscriptions,
    people.map((o) => subscriptionId(o, template)),
  );
  const willReceive = grants.filter((g) => canReceive(g)).length;
  return { recipients: people.length, willReceive, noGrant: people.length - willReceive };
}
