import { isServiceDay, missingPostsText, nextServiceDate, type WorkGroupDoc, type WorkGroupView } from '@linli/shared';

/** A group as the district, the community and the card read it: what it lacks, and its next service day. */
export function toWorkGroupView(g: WorkGroupDoc, now: Date): WorkGroupView {
  const { updatedBy: _by, ...rest } = g;
  return { ...rest, missingText: missingPostsText(g.members), nextDate: nextServiceDate(g.day, now), today: isServiceDay(g.day, now) };
}
