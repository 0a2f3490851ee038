import { z } from 'zod';
import { idSchema, personNameSchema, phoneSchema } from '../common/fields';
import { bindingSchema, bindingStatusSchema, inviteCodeSchema } from '../identity/identity.schema';
import { idempotencyKeySchema } from '../common/idempotency';
import { grantSchema, roleSchema } from '../roles/role.schema';
import { revocationSchema, rosterSchema } from '../roles/roster.schema';
import { defineContract } from './define';

export const meSchema = z.object({
  openid: z.string(),
  name: z.string().nullable(),
  grants: z.array(grantSchema),
  /** The approved household, if any. */
  household: z.object({ _id: z.string(), fullName: z.string(), compoundId: z.string(), communityId: z.string() }).nullable(),
  /** The latest binding request, whatever its state. */
  binding: bindingSchema.nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const identityContract = defineContract('identity', {
  me: { input: z.object({}).default({}), output: meSchema },
  requestBinding: {
    input: z.object({ householdId: idSchema, name: personNameSchema, phone: phoneSchema }),
    output: z.object({ binding: bindingSchema }),
  },
  listBindings: {
    input: z.object({ communityId: idSchema, status: bindingStatusSchema.default('pending') }),
    output: z.object({ bindings: z.array(bindingSchema) }),
  },
  reviewBinding: {
    input: z.object({
      bindingId: idSchema,
      approve: z.boolean(),
      reason: z.string().trim().max(100, { message: '原因最多 100 个字' }).optional(),
    }),
    output: z.object({ binding: bindingSchema }),
  },
  createInvite: {
    input: z.object({ role: roleSchema, placeId: idSchema }),
    output: z.object({ code: z.string(), role: roleSchema, placeName: z.string(), expiresAt: z.string() }),
  },
  redeemInvite: {
    input: z.object({ code: inviteCodeSchema, name: personNameSchema }),
    output: z.object({ grant: grantSchema }),
  },
  /** Who holds which role on a place and the places right below it, the invitations made there, and the roles taken away. */
  listRoles: {
    input: z.object({ placeId: idSchema }),
    output: rosterSchema,
  },
  /** Takes a role away at once: the person's next call no longer has it. */
  revokeRole: {
    input: z.object({
      key: idempotencyKeySchema,
      placeId: idSchema,
      role: roleSchema,
      openid: z.string().min(1).max(64),
      reason: z.string().trim().max(100, { message: '原因最多 100 个字' }).optional(),
    }),
    output: z.object({ revocation: revocationSchema }),
  },
});
