import { z } from 'zod';
import { idSchema } from '../common/fields';
import { placeSummarySchema } from '../places/place.schema';
import { defineContract } from './define';
import { ledgerActions } from './ledger-import.schema';

export const compoundHitSchema = z.object({
  _id: z.string(),
  name: z.string(),
  fullName: z.string(),
  address: z.string().optional(),
});

export const placesContract = defineContract('places', {
  /** Find a compound by (part of) its name; an empty query lists them all. */
  searchCompounds: {
    input: z.object({ q: z.string().trim().max(20, { message: '搜索词最多 20 个字' }).default('') }),
    output: z.object({ compounds: z.array(compoundHitSchema) }),
  },
  /** The children of a place, for choosing building → unit → room. */
  listChildren: {
    input: z.object({ parentId: idSchema }),
    output: z.object({ parent: placeSummarySchema, children: z.array(placeSummarySchema) }),
  },
  ...ledgerActions,
});
