import { z } from 'zod';
import { grantSchema, roleSchema } from '../roles/role.schema';

export const BINDING_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const bindingStatusSchema = z.enum(BINDING_STATUSES);
export type BindingStatus = z.infer<typeof bindingStatusSchema>;

export const BINDING_STATUS_LABELS: Record<BindingStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** A resident's request to be recognised as living in a household. */
export const bindingSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  householdId: z.string(),
  compoundId: z.string(),
  communityId: z.string(),
  householdName: z.string(),
  name: z.string(),
  phone: z.string(),
  status: bindingStatusSchema,
  reason: z.string().optional(),
  createdAt: z.string(),
  reviewedAt: z.string().optional(),
  reviewedBy: z.string().optional(),
});
export type Binding = z.infer<typeof bindingSchema>;

export const userSchema = z.object({
  _id: z.string(),
  name: z.string(),
  phone: z.string().optional(),
  grants: z.array(grantSchema),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const inviteSchema = z.object({
  _id: z.string(),
  role: roleSchema,
  placeId: z.string(),
  placeName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedBy: z.string().nullable(),
  usedAt: z.string().nullable(),
});
export type Invite = z.infer<typeof inviteSchema>;

/** Invitation codes avoid look-alike characters (0/O, 1/I/L) so they can be read aloud. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const INVITE_CODE_LENGTH = 8;
export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), { message: '邀请码是 8 位字母和数字，请核对后再输入' });
