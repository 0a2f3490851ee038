import {
  duplicateMember,
  err,
  ok,
  serviceDayService,
  serviceDayServiceIdOf,
  serviceDaySchedule,
  workGroupIdOf,
  type Place,
  type Result,
  type Service,
  type WorkGroupDoc,
  type WorkGroupInput,
  type WorkGroupView,
} from '@linli/shared';
import { callerOpenid, type Ctx } from '../../platform/context';
import { COLLECTIONS } from '../../ports/collections';
import { saveSchedule } from '../booking/save-schedule';
import { toWorkGroupView } from './work-group-view';

const same = (a: WorkGroupInput, b: WorkGroupInput) =>
  JSON.stringify([a.name, a.members, a.day, a.seats]) === JSON.stringify([b.name, b.members, b.day, b.seats]);

/**
 * The district assigns a community its 服务群众工作组 (or changes it): one per community, written
 * conditionally on the version the editor loaded. The group is then a bookable service of the
 * community (category 服务群众工作日) whose schedule, saved through booking's own use case, opens
 * half-hour slots on the service day only. A retry of the same save answers the group as saved,
 * and makes sure its service and schedule are in place.
 */
export async function assignWorkGroup(
  ctx: Ctx,
  input: { communityId: string; group: WorkGroupInput; version: number },
  community: Place,
): Promise<Result<{ group: WorkGroupView }>> {
  const { store, clock } = ctx.ports;
  const dup = duplicateMember(input.group.members);
  if (dup) return err('WORKGROUP.DUPLICATE_MEMBER', { name: dup });
  const districtId = community.path[0];
  if (!districtId) return err('PLACE.NOT_FOUND', { placeId: community._id });
  const id = workGroupIdOf(community._id);
  const serviceId = serviceDayServiceIdOf(community._id);
  const now = clock.now();
  const written = await store.transaction(async (tx): Promise<Result<WorkGroupDoc>> => {
    const current = await tx.get(COLLECTIONS.workGroups, id);
    if (current && current.version === input.version + 1 && same(current, input.group)) return ok(current);
    if ((current?.version ?? 0) !== input.version) return err('WORKGROUP.STALE');
    const doc: WorkGroupDoc = {
      _id: id,
      communityId: community._id,
      communityName: community.fullName,
      placePath: [...community.path, community._id],
      districtId,
      serviceId,
      ...input.group,
      version: input.version + 1,
      updatedAt: now.toISOString(),
      updatedBy: callerOpenid(ctx),
    };
    await tx.put(COLLECTIONS.workGroups, doc);
    return ok(doc);
  });
  if (!written.ok) return written;
  const group = written.data;

  // the bookable service and its schedule follow the group (puts of what the group says: a retry repeats them harmlessly)
  const existing = await store.get(COLLECTIONS.services, serviceId);
  const service: Service = {
    _id: serviceId,
    communityId: community._id,
    ...serviceDayService(group),
    sort: existing?.sort ?? (await store.count(COLLECTIONS.services, { communityId: community._id })),
    updatedAt: now.toISOString(),
  };
  await store.put(COLLECTIONS.services, service);
  const settings = serviceDaySchedule(group);
  const schedule = await store.get(COLLECTIONS.bookingSchedules, serviceId);
  if (!schedule || JSON.stringify(schedule.settings) !== JSON.stringify(settings)) {
    const saved = await saveSchedule(ctx, { serviceId, settings, version: schedule?.version ?? 0 }, { service, community });
    if (!saved.ok) return saved;
  }
  return ok({ group: toWorkGroupView(group, now) });
}
