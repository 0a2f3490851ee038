import { z } from 'zod';
import { placeKindSchema } from '../places/place.schema';
import { roleSchema } from './role.schema';

/** A person named on a roster: who they are, when their name is known. */
const personRef = z.object({ openid: z.string(), name: z.string().nullable() });

/** Who holds a role on a place now: since when, granted by whom, through which invitation. */
export const roleHolderSchema = z.object({
  openid: z.string(),
  name: z.string(),
  role: roleSchema,
  placeId: z.string(),
  placeName: z.string(),
  since: z.string(),
  grantedBy: personRef,
  inviteCode: z.string().nullable(),
  /** The caller may take this role away (the same people who may grant it there). */
  canRevoke: z.boolean(),
});
export type RoleHolder = z.infer<typeof roleHolderSchema>;

export const INVITE_STATES = ['open', 'used', 'expired'] as const;
export const inviteStateSchema = z.enum(INVITE_STATES);
export type InviteState = z.infer<typeof inviteStateSchema>;
export const INVITE_STATE_LABELS: Record<InviteState, string> = { open: '待使用', used: '已使用', expired: '已过期' };

/** What an invitation is at `now`: used wins over expired, since a used code was spent in time. */
export function inviteState(invite: { usedBy: string | null; expiresAt: string }, now: string): InviteState {
  if (invite.usedBy) return 'used';
  return invite.expiresAt <= now ? 'expired' : 'open';
}

export const inviteRowSchema = z.object({
  code: z.string(),
  role: roleSchema,
  placeId: z.string(),
  placeName: z.string(),
  createdAt: z.string(),
  createdBy: personRef,
  expiresAt: z.string(),
  state: inviteStateSchema,
  usedBy: personRef.nullable(),
  usedAt: z.string().nullable(),
});
export type InviteRow = z.infer<typeof inviteRowSchema>;

/** A role taken away: recorded for good, who and when and why. */
export const revocationSchema = z.object({
  _id: z.string(),
  openid: z.string(),
  name: z.string(),
  role: roleSchema,
  placeId: z.string(),
  /** The place and its ancestors, so the roster of any place above finds it. */
  placePath: z.array(z.string()),
  placeName: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string(),
  inviteCode: z.string().nullable(),
  revokedAt: z.string(),
  revokedBy: z.string(),
  revokedByName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type Revocation = z.infer<typeof revocationSchema>;

export const rosterSchema = z.object({
  place: z.object({ _id: z.string(), fullName: z.string(), kind: placeKindSchema }),
  holders: z.array(roleHolderSchema),
  invites: z.array(inviteRowSchema),
  revocations: z.array(revocationSchema),
});
export type Roster = z.infer<typeof rosterSchema>;
