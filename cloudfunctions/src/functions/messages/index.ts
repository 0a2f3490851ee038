import { cloudbaseMain } from '../../adapters/cloudbase/cloudbase-main';
import { messagesFunction } from './handlers';

/** The deployed entry of the `messages` cloud function (its timer trigger sends the queued messages). */
export const main = cloudbaseMain(messagesFunction);
