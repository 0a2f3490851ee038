import { z } from 'zod';
import { idSchema } from '../common/fields';
import { catalogueServiceSchema, serviceInputSchema } from '../catalogue/service.schema';
import { defineContract } from './define';

export const catalogueContract = defineContract('catalogue', {
  list: {
    input: z.object({ communityId: idSchema }),
    output: z.object({ communityName: z.string(), services: z.array(catalogueServiceSchema) }),
  },
  upsert: {
    input: z.object({ communityId: idSchema, serviceId: idSchema.optional(), service: serviceInputSchema }),
    output: z.object({ service: catalogueServiceSchema }),
  },
  remove: {
    input: z.object({ communityId: idSchema, serviceId: idSchema }),
    output: z.object({ removed: z.literal(true) }),
  },
});
