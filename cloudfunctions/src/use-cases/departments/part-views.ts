import { sourceOf, type DepartmentDoc, type DepartmentView, type DispatchDoc, type PartView, type RequestDoc } from '@linli/shared';

/** A part as its department reads it: the resident's phone only for the lead (主办), who calls back. */
export function toPartView(part: DispatchDoc, r: RequestDoc): PartView {
  const { recentKeys: _k, key: _key, version: _v, ...rest } = part;
  return {
    ...rest,
    request: {
      _id: r._id,
      compoundName: r.compoundName,
      communityName: r.communityName,
      category: r.category,
      description: r.description,
      photos: r.photos,
      location: r.location.kind === 'home' ? `${r.compoundName} ${r.location.text}` : `${r.compoundName} ${r.location.text}`,
      emergency: r.emergency,
      status: r.status,
      source: sourceOf(r),
      reporterName: r.reporter.name,
      ...(part.role === 'lead' && part.status !== 'returned' && r.reporterPhone ? { reporterPhone: r.reporterPhone } : {}),
      ...(r.deadlineAt ? { deadlineAt: r.deadlineAt } : {}),
    },
  };
}

export function toDepartmentView(d: DepartmentDoc): DepartmentView {
  return {
    _id: d._id,
    name: d.name,
    kind: d.kind,
    ownerPlaceId: d.ownerPlaceId,
    districtId: d.districtId,
    areaIds: d.areaIds,
    areaNames: d.areaNames,
    ...(d.phone ? { phone: d.phone } : {}),
  };
}

/** The part without the request, for lists where the request is already on screen. */
export const toPartRow = (part: DispatchDoc): Omit<PartView, 'request'> => {
  const { recentKeys: _k, key: _key, version: _v, ...rest } = part;
  return rest;
};

/** The department's person as the timeline names them: 城管执法队 张三. */
export const departmentActor = (part: Pick<DispatchDoc, 'departmentName'>, openid: string, name: string) => ({
  openid,
  name,
  label: part.departmentName,
});
