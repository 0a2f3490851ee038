import { messagesContract } from '@linli/shared';
import { systemOnly } from '../../platform/access';
import { defineFunction } from '../../platform/define-function';
import { deliverMessages } from '../../use-cases/notifications/deliver-messages';

export const messagesFunction = defineFunction(
  messagesContract,
  {
    deliver: { access: systemOnly, run: (ctx) => deliverMessages(ctx) },
  },
  // the sender runs every minute; each run stops well inside the function's timeout
  { timer: { action: 'deliver', cron: '0 * * * * * *', everyMs: 60_000 } },
);
