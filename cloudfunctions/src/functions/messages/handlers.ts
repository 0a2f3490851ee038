import { messagesContract } from '@linli/shared';
import { act, defineFunction } from '../../platform/define-function';
import { systemOnly } from '../../platform/policy';
import { deliverMessages } from '../../use-cases/notifications/deliver-messages';

export const messagesFunction = defineFunction(
  messagesContract,
  {
    deliver: act(systemOnly, (ctx) => deliverMessages(ctx)),
  },
  // the sender runs every minute; each run stops well inside the function's timeout
  { timer: { action: 'deliver', cron: '0 * * * * * *', everyMs: 60_000 } },
);
