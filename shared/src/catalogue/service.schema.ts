import { z } from 'zod';
import { shortTextSchema } from '../common/fields';

export const SERVICE_CATEGORIES = ['convenience', 'proxy', 'mediation', 'legal', 'certificate', 'serviceDay'] as const;
export const serviceCategorySchema = z.enum(SERVICE_CATEGORIES);
export type ServiceCategory = z.infer<typeof serviceCategorySchema>;

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = {
  convenience: '便民服务',
  proxy: '代办服务',
  mediation: '矛盾调解',
  legal: '法律咨询',
  certificate: '证明开具',
  serviceDay: '服务群众工作日',
};

/** What staff write for one service of the community's catalogue. */
export const serviceInputSchema = z.object({
  name: shortTextSchema('服务名称', 30),
  category: serviceCategorySchema,
  description: shortTextSchema('服务说明', 300),
  materials: z.array(z.string().trim().min(1).max(60)).max(20),
  location: shortTextSchema('办理地点', 60),
  hours: shortTextSchema('办理时间', 60),
  contact: shortTextSchema('联系方式', 40),
  bookable: z.boolean(),
});
export type ServiceInput = z.infer<typeof serviceInputSchema>;

export const serviceSchema = serviceInputSchema.extend({
  _id: z.string(),
  communityId: z.string(),
  sort: z.number(),
  updatedAt: z.string(),
});
export type Service = z.infer<typeof serviceSchema>;

/**
 * Whether residents can book a service online now: `open` when it is marked bookable and its
 * schedule has a slot that can still be taken in the booking window; `noSchedule` when it is
 * marked bookable but staff have not set its schedule; `noSlots` when the schedule opens nothing
 * in the window (every day closed); `off` when it is not a booked service.
 */
export const ONLINE_BOOKING_STATES = ['open', 'off', 'noSchedule', 'noSlots'] as const;
export const onlineBookingSchema = z.enum(ONLINE_BOOKING_STATES);
export type OnlineBooking = z.infer<typeof onlineBookingSchema>;

/** A service as the catalogue lists it, with whether it can be booked online now. */
export const catalogueServiceSchema = serviceSchema.extend({ online: onlineBookingSchema });
export type CatalogueService = z.infer<typeof catalogueServiceSchema>;
