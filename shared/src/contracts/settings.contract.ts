import { z } from 'zod';
import { calendarDateSchema, idSchema } from '../common/fields';
import { ruleSettingsSchema } from '../settings/rule-settings.schema';
import { defineContract } from './define';

const versionSchema = z.object({
  effectiveFrom: z.string(),
  savedBy: z.object({ openid: z.string(), name: z.string() }),
  savedAt: z.string(),
});

export const settingsViewSchema = z.object({
  districtId: z.string(),
  today: z.string(),
  /** The rules in force today: for requests filed today. */
  inForce: z.object({ effectiveFrom: z.string().nullable(), settings: ruleSettingsSchema }),
  /** A version saved to take effect later, if any (the latest). */
  upcoming: versionSchema.extend({ settings: ruleSettingsSchema }).nullable(),
  versions: z.array(versionSchema),
  /** The 12345 seed, to start again from. */
  defaults: ruleSettingsSchema,
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const settingsContract = defineContract('settings', {
  get: { input: z.object({ districtId: idSchema }), output: settingsViewSchema },
  /** A new version of the district's rules, in force from a date (today or later) for requests filed from then. */
  save: {
    input: z.object({ districtId: idSchema, effectiveFrom: calendarDateSchema, settings: ruleSettingsSchema }),
    output: settingsViewSchema,
  },
});
