import { z } from 'zod';

/** The grid hierarchy, top to bottom: 区 → 街道 → 社区 → 小区 → 楼栋 → 单元 → 户. */
export const PLACE_KINDS = ['district', 'street', 'community', 'compound', 'building', 'unit', 'household'] as const;
export const placeKindSchema = z.enum(PLACE_KINDS);
export type PlaceKind = z.infer<typeof placeKindSchema>;

export const PLACE_KIND_LABELS: Record<PlaceKind, string> = {
  district: '区',
  street: '街道',
  community: '社区',
  compound: '小区',
  building: '楼栋',
  unit: '单元',
  household: '户',
};

export const placeSchema = z.object({
  _id: z.string(),
  kind: placeKindSchema,
  name: z.string(),
  parentId: z.string().nullable(),
  /** Ancestor ids from the top of the grid down to the parent: scope checks need no extra reads. */
  path: z.array(z.string()),
  /** Full readable name, e.g. 东塔街道 中房社区 中捷木材小区. */
  fullName: z.string(),
  /** Only on compounds: the checkpoints (卡口) that 卡口值守员 guard. */
  checkpoints: z.array(z.string()).optional(),
  /** Only on compounds: address shown on the card. */
  address: z.string().optional(),
  sort: z.number().optional(),
});
export type Place = z.infer<typeof placeSchema>;

export const placeSummarySchema = placeSchema.pick({ _id: true, kind: true, name: true, fullName: true, parentId: true });
export type PlaceSummary = z.infer<typeof placeSummarySchema>;
