import {
  onBehalfLine,
  CATEGORY_CONFIG,
  CLOSURE_LABELS,
  countdownText,
  currentStep,
  deadlineCalendarWarning,
  deadlineText,
  ESCALATION_LABELS,
  holderText,
  isOverdue,
  REQUEST_STATUS_LABELS,
  type RequestAbilities,
  type RequestDetail,
  type RequestDoc,
  type RequestEvent,
  type RequestSummary,
  type WorkCalendar,
} from '@linli/shared';
import { visiblePhotos } from './held-photos';

/**
 * A request as lists show it. `forNeighbours` hides what would identify the reporter's home to
 * other residents of the compound (the 附议 list before submitting). Photos still in the image
 * check are shown only to the `viewer` who attached them.
 */
export function toSummary(r: RequestDoc, now: Date, options: { forNeighbours?: boolean; viewer?: string | null } = {}): RequestSummary {
  const neighbours = options.forNeighbours === true;
  return {
    id: r._id,
    compoundId: r.compoundId,
    compoundName: r.compoundName,
    communityId: r.communityId,
    communityName: r.communityName,
    category: r.category,
    categoryLabel: CATEGORY_CONFIG[r.category].label,
    description: r.description,
    photos: neighbours ? [] : visiblePhotos(r, r.photos, options.viewer),
    locationText: neighbours && r.location.kind === 'home' ? '居民家中' : r.location.text,
    emergency: r.emergency,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    step: currentStep(r),
    holder: holderText(r),
    tier: r.tier,
    ...(r.track ? { track: r.track } : {}),
    ...(r.suggestedTrack ? { suggestedTrack: r.suggestedTrack } : {}),
    ...(r.handler ? { handlerName: `${r.handler.roleLabel} ${r.handler.name}` } : {}),
    ...(r.deadlineAt
      ? { deadlineAt: r.deadlineAt, deadlineText: `${deadlineText(r.deadlineAt)}前（${countdownText(r.deadlineAt, now)}）` }
      : {}),
    deadlineEstimated: r.deadlineEstimated === true,
    overdue: isOverdue(r, now),
    escalationLevel: r.escalationLevel,
    escalationLabel: ESCALATION_LABELS[r.escalationLevel] ?? '',
    followerCount: r.followerCount,
    ...(r.mergedInto ? { mergedInto: r.mergedInto } : {}),
    ...(r.topicId ? { topicId: r.topicId } : {}),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** 代办, as every view of the reporter shows it: 代 陈秀英 提交 · 社区工作人员 王丽. */
export const proxyLine = (r: Pick<RequestDoc, 'reporter' | 'proxy'>) => onBehalfLine(r.reporter.name, r.proxy);

/** Timeline lines the reporter wrote themself: 发现, 评价, 确认指引 (only the reporter may rate or confirm). */
const REPORTER_KINDS: readonly RequestEvent['kind'][] = ['submitted', 'rated', 'confirmed'];

/**
 * The request as the caller sees it. The reporter, the handler and the staff who manage it see
 * who reported and where; anyone else who may open it (a neighbour who pressed 附议, a reporter
 * merged in) sees what the public board shows: category, description, the compound-level place
 * and the progress, with the reporter named only as 居民 and their own photos left out.
 */
export function toDetail(
  r: RequestDoc,
  events: RequestEvent[],
  viewer: { openid: string | null; following: boolean; manager: boolean; can: RequestAbilities },
  now: Date,
  calendar: WorkCalendar,
): RequestDetail {
  const isHandler = !!viewer.openid && r.handler?.openid === viewer.openid;
  const isReporter = !!viewer.openid && viewer.openid === r.reporter.openid;
  const seesStaffLines = viewer.manager || isHandler;
  const seesReporter = isReporter || seesStaffLines;
  const pendingPhotos = viewer.openid ? (r.heldPhotos ?? []).filter((p) => p.openid === viewer.openid).map((p) => p.fileId) : [];
  const removedOfViewer = viewer.openid ? (r.removedPhotos ?? []).filter((p) => p.openid === viewer.openid) : [];
  const unchecked = removedOfViewer.filter((p) => p.unchecked).length;
  const removed = removedOfViewer.length - unchecked;
  const removedNotice = [
    ...(removed ? [`有 ${removed} 张照片未通过内容安全检查，已删除`] : []),
    ...(unchecked ? [`有 ${unchecked} 张照片未能完成内容安全检查，已删除，可重新上传`] : []),
  ].join('；');
  const line = ({ requestId: _requestId, ...e }: RequestEvent) => {
    if (seesReporter || !REPORTER_KINDS.includes(e.kind)) return e.photos ? { ...e, photos: visiblePhotos(r, e.photos, viewer.openid) } : e;
    const { photos: _photos, ...rest } = e;
    return { ...rest, actor: '居民' };
  };
  return {
    ...toSummary(r, now, { viewer: viewer.openid, forNeighbours: !seesReporter }),
    ...(seesReporter ? { reporterName: isReporter ? '我' : r.reporter.name } : {}),
    ...(seesReporter && r.proxy ? { proxyLine: proxyLine(r) } : {}),
    // the resident's phone is for the person who must call them, and no one else
    ...(isHandler && r.reporterPhone ? { reporterPhone: r.reporterPhone } : {}),
    mine: isReporter,
    following: viewer.following,
    ...(r.guidance ? { guidance: r.guidance } : {}),
    ...(r.result ? { result: r.result } : {}),
    resultPhotos: visiblePhotos(r, r.resultPhotos ?? [], viewer.openid),
    ...(r.rating ? { rating: r.rating } : {}),
    ...(r.closure ? { closureLabel: CLOSURE_LABELS[r.closure] } : {}),
    ...(r.autoCloseAt ? { autoCloseAt: r.autoCloseAt } : {}),
    timeline: events.filter((e) => seesStaffLines || !e.staffOnly).map(line),
    can: viewer.can,
    ...(r.deadlineEstimated ? { calendarWarning: deadlineCalendarWarning(calendar) } : {}),
    ...(pendingPhotos.length ? { pendingPhotos } : {}),
    ...(removedNotice ? { removedPhotosNotice: removedNotice } : {}),
  };
}
