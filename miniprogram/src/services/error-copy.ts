import {
  closedReasonText,
  detailsOf,
  ESCALATION_LABELS,
  formatShanghai,
  REQUEST_STATUS_LABELS,
  ROLE_LABELS,
  MEETING_TYPE_LABELS,
  STEP_LABELS,
  type ErrorCode,
  type ErrorDetails,
} from '@linli/shared';

/** The functions' codes plus the one the client raises itself when the network fails. */
export type CopyCode = ErrorCode | 'COMMON.NETWORK';

export interface ErrorLike {
  code: string;
  details?: unknown;
  requestId?: string | undefined;
}

/**
 * Where the copy is shown. `retry`: the label of the button on screen that repeats what failed
 * ("重试" under a page that did not load, "提交" under a form); without it the copy names none.
 */
export interface CopyContext {
  retry?: string;
}

/**
 * The copy of one code: a sentence, or one made from the code's details, typed by the code
 * (shared/'s ERROR_DETAILS) and null when the error came without them (or not as its code says).
 */
type Copy<C extends CopyCode> =
  string | ((details: (C extends ErrorCode ? ErrorDetails<C> : never) | null, error: ErrorLike, context: CopyContext) => string);

/** When, as a resident reads it: 11月23日 09:00 in Shanghai. */
const when = (iso: string) => formatShanghai(iso, 'M月D日 HH:mm');

/** Whom to call: the hall's number when the function sent it, else the community. */
const callee = (details: { phone: string | null } | null): string => (details?.phone ? ` ${details.phone} 告诉社区` : '告诉社区');

/**
 * Chinese copy for every error code, written for residents: what happened and what to do
 * next. Every code of ERROR_CODES must be here (the test beside this file checks).
 */
export const ERROR_COPY: { [C in CopyCode]: Copy<C> } = {
  'COMMON.NETWORK': (_d, _e, c) => `网络连接不上。请检查手机网络（Wi-Fi 或移动数据）后${c.retry ? `，再点“${c.retry}”` : '再试一次'}。`,
  'COMMON.INVALID_INPUT': (d) => d?.issues[0]?.message || '填写的内容有误，请检查后再提交。',
  'COMMON.UNKNOWN_FUNCTION': '小程序版本太旧了。请关闭小程序后重新打开，再试一次。',
  'COMMON.UNKNOWN_ACTION': '小程序版本太旧了。请关闭小程序后重新打开，再试一次。',
  'COMMON.UNAUTHENTICATED': '没有识别到您的微信身份。请关闭小程序后重新打开，再试一次。',
  'COMMON.FORBIDDEN': '您没有这项操作的权限。如需开通，请联系社区工作人员。',
  'COMMON.NOT_FOUND': '没有找到要找的内容，可能已被删除。请返回后刷新再看。',
  'COMMON.CONFLICT': '刚才有别人同时在修改。请刷新后再试一次。',
  'COMMON.KEY_REUSED': '这次提交和之前的一次冲突了。请返回重新填写一遍再提交。',
  'COMMON.INTERNAL': (_d, e) =>
    `系统出了点问题，请稍后再试。如果一直不行，请联系社区工作人员${e.requestId ? `（问题编号 ${e.requestId}）` : ''}。`,
  'COMMON.PAYLOAD_TOO_LARGE': '提交的内容太多了，没有发出去。请删掉一些文字或附件后再试。',
  'PLACE.NOT_FOUND': '没有找到这个地方，可能已经调整。请返回重新选择。',
  'PLACE.NOT_A_HOUSEHOLD': '请一直选到您家的门牌号（户），再提交。',
  'PLACE.NOT_A_COMPOUND': '选中的不是小区。请重新选择一个小区。',
  'PLACE.NOT_A_COMMUNITY': '选中的不是社区。请重新选择一个社区。',
  'IDENTITY.BINDING_PENDING': (d) =>
    `您已申请绑定${d ? `“${d.householdName}”` : '一处住址'}，社区正在审核。审核完成前不能再提交新的申请，请耐心等待或联系社区工作人员。`,
  'IDENTITY.ALREADY_BOUND': (d) => `您已经绑定了${d ? `“${d.householdName}”` : '住址'}，不用再申请。如果搬了家，请联系社区工作人员更改。`,
  'IDENTITY.BINDING_NOT_FOUND': '没有找到这条绑定申请，可能已被处理。请刷新列表。',
  'IDENTITY.BINDING_ALREADY_REVIEWED': '这条申请已经有人审核过了。请刷新列表查看结果。',
  'IDENTITY.INVITE_NOT_FOUND': '没有这个邀请码。请核对后重新输入（字母不分大小写）。',
  'IDENTITY.INVITE_USED': '这个邀请码已经被用过了。请向社区工作人员要一个新的邀请码。',
  'IDENTITY.INVITE_EXPIRED': '这个邀请码已经过期。请向社区工作人员要一个新的邀请码。',
  'IDENTITY.CANNOT_GRANT': (d) =>
    `您不能为这个地方邀请${d ? `“${ROLE_LABELS[d.role]}”` : '这个身份'}。请换一个身份或地点，或请上级工作人员来邀请。`,
  'IDENTITY.CANNOT_REVOKE': (d) =>
    `您不能撤销${d ? `“${ROLE_LABELS[d.role]}”` : '这个身份'}：只有能授予这个身份的上级工作人员才能撤销。请联系街道或区级管理员。`,
  'IDENTITY.GRANT_NOT_FOUND': (d) =>
    `这位人员已经不再担任${d ? `${d.placeName}的“${ROLE_LABELS[d.role]}”` : '这个身份'}，可能刚被别人撤销。请刷新名单。`,
  'LEDGER.FILE_NOT_FOUND': '没有找到上传的文件，可能上传没有完成。请重新选择文件上传。',
  'LEDGER.UNREADABLE': '这个文件打不开。请用 Excel 或 WPS 另存为 .xlsx 格式后重新上传。',
  'LEDGER.NOT_A_TEMPLATE': (d) =>
    `表格的第一行不是模板的表头${d ? `（应为：${d.expected.join('、')}）` : ''}。请先下载模板，把台账填进模板后再上传。`,
  'LEDGER.EMPTY': '表格里没有住户。请在模板的第二行起每行填一位居民，再上传。',
  'LEDGER.TOO_MANY_ROWS': (d) => `一次最多导入 ${d?.max ?? 20000} 行，这个表格有 ${d?.rows ?? '更多'} 行。请分成几个文件分别导入。`,
  'LEDGER.IMPORT_NOT_FOUND': '没有找到这次导入的预检结果，可能已过期。请重新上传文件再预检一次。',
  'LEDGER.RESIDENT_NOT_FOUND': '在这个小区的住户台账里没有找到这位居民。请重新搜索姓名、房号或电话后选择。',
  'TEAM.ROLE_FULL': (d) => `${d ? ROLE_LABELS[d.role] : '这个岗位'}最多 ${d?.max ?? '规定'} 名，已经满了。请先“更换”或“移除”现有人员。`,
  'TEAM.CHECKPOINT_FULL': (d) => `${d?.checkpoint ?? '这个卡口'}的卡口值守员最多 ${d?.max ?? '5'} 名，已经满了。请先“更换”或“移除”一位。`,
  'TEAM.UNKNOWN_CHECKPOINT': '这个小区没有这个卡口。请从列表中选择卡口。',
  'TEAM.CHECKPOINT_REQUIRED': '请选择这位卡口值守员负责哪个卡口。',
  'TEAM.MEMBER_NOT_FOUND': '这位人员已经不在名单上，可能刚被别人修改。请刷新后再试。',
  'TEAM.POINT_LEADER_ELSEWHERE': (d) =>
    `${d?.name ?? '这位人员'}已经是${d ? `“${d.compoundName}”` : '其他小区'}的小区点长，一人不能同时担任两个小区的点长。请换一位人员，或先在那个小区把他（她）更换下来。`,
  'TEAM.DUPLICATE_PERSON': (d) => `这个电话号码已经在${d ? ROLE_LABELS[d.role] : '这个岗位'}的名单里了，请核对姓名和电话。`,
  'TEAM.STALE': '名单刚被别人修改过。请刷新后再操作一次。',
  'TEAM.POSTER_CODE_FAILED': (d) =>
    d?.wxErrCode === 41030
      ? '小程序码生成不了：联系卡页面还没有在已发布的版本里。请先发布小程序，再生成海报。'
      : '微信暂时没有生成小程序码。请稍等一分钟再点“生成海报”。',
  'CATALOGUE.SERVICE_NOT_FOUND': '这项服务已经不存在，可能刚被删除。请刷新列表。',
  'REQUEST.NOT_FOUND': '没有找到这件诉求，可能已被合并或编号有误。请返回列表刷新后再看。',
  'REQUEST.WRONG_STATE': (d) =>
    `这件诉求现在是“${d ? REQUEST_STATUS_LABELS[d.status] : '已变化'}”状态，刚才的操作不能再做了。请返回刷新后再看。`,
  'REQUEST.CONTENT_REJECTED': '内容里有不适合发布的字词或图片，没有提交。请修改文字或换一张照片后再提交。',
  'REQUEST.NOT_RESIDENT': '您还没有绑定这个小区的房屋，不能在这里反映问题。请先到“我的”页面绑定房屋，审核通过后再来。',
  'REQUEST.PHOTO_NOT_FOUND': '有照片没有上传成功。请删掉那张照片重新选择，再提交。',
  'REQUEST.PHOTO_TYPE': '只能上传 JPG、PNG 或 WEBP 格式的照片。请换一张照片。',
  'REQUEST.PHOTO_TOO_LARGE': '照片太大了（每张最多 5 MB）。请换一张，或用手机自带的编辑把照片裁小一些。',
  'REQUEST.HANDLER_OUT_OF_SCOPE': (d) => {
    const level = d?.level !== undefined ? ESCALATION_LABELS[d.level] : undefined;
    return level
      ? `居民对上次的办理不满意，这件诉求已督办至${level}，要由${level}或更上级的工作人员办理。请重新选择办理人。`
      : '选的办理人管不了这件事：小事请交给本小区三长五员或社区工作人员，大事请交给街道工作人员。请重新选择。';
  },
  'REQUEST.MERGE_INVALID': '这两件诉求不能合并：只能把同一个小区、还没办结的相同诉求合并到一起。请重新选择。',
  'REQUEST.OWN_REQUEST': '这是您自己反映的诉求，不需要再附议。可以在“我的诉求”里查看进展。',
  'NOTICE.NOT_FOUND': '没有找到这条通知，可能已被撤回或不是发给您家的。请返回通知列表刷新。',
  'NOTICE.CONTENT_REJECTED': '标题或内容里有不适合公开发布的字词。请修改后再发布。',
  'NOTICE.SCHEDULE_INVALID': (d) => {
    const reason = d?.reason;
    if (reason === 'publishInPast') return '定时发布的时间已经过了。请改成现在发布，或选一个以后的时间。';
    if (reason === 'publishTooFar') return `定时发布最多只能提前 ${d?.maxDays ?? '30'} 天。请选一个近一些的时间。`;
    if (reason === 'expiryInPast' || reason === 'expiryNotAfterPublish') return '截止时间要晚于发布时间。请重新选择截止时间。';
    if (reason === 'expiryTooFar') return `通知最长显示 ${d?.maxDays ?? '365'} 天。请选一个近一些的截止时间。`;
    return '发布时间或截止时间不对。请重新选择后再发布。';
  },
  'NOTICE.CATEGORY_NOT_ALLOWED': '阳光三务（党务、村务、财务公开）只能由社区或街道工作人员发布。请换一个类别，或请社区工作人员发布。',
  'NOTICE.NO_HOUSEHOLDS': '选中的地方还没有登记住户，通知发不出去。请换一个地方，或联系社区工作人员补录房屋。',
  'NOTICE.NOT_LIVE': (d) =>
    d?.state === 'scheduled'
      ? '这条通知还没到发布时间，发布后才能提醒。'
      : '这条通知已经截止或撤回，不能再提醒了。如有需要，请重新发布一条。',
  'NOTICE.REMIND_TOO_SOON': (d) =>
    `刚刚已经提醒过了，同一条通知 5 分钟内只能提醒一次${d ? `，请在 ${formatShanghai(d.remindableAt, 'HH:mm')} 以后再试` : '，请稍后再试'}。`,
  'NOTICE.ACK_NOT_REQUIRED': '这条通知不需要确认，看过就可以了。',
  'NOTICE.ATTACHMENT_INVALID': (d) =>
    `${d ? `附件“${d.name}”` : '有一个附件'}没有上传成功，或不是图片、PDF 文件。请删掉它重新添加，再发布。`,
  'BOOKING.NOT_BOOKABLE': '这项服务现在不能在网上预约。请看“便民服务”里写的办理地点和时间，直接去办理，或先打电话问一问。',
  'BOOKING.NOT_RESIDENT': '预约前要先绑定住址。请到“我的”里绑定我家住址，社区审核通过后就能预约。',
  'BOOKING.SLOT_NOT_FOUND': '这个时段已经没有了，可能刚被调整。请刷新后重新选择时段。',
  'BOOKING.DAY_CLOSED': (d) =>
    `这一天不办理${d ? `（${closedReasonText({ closed: d.closed, closedNote: d.note ?? '' })}）` : '（节假日或社区另有安排）'}。请选择其他日期。`,
  'BOOKING.SLOT_FULL': '这个时段已约满，可以选其他时段或排队候补。有人取消时，排在最前面的人自动约上，并会收到通知。',
  'BOOKING.TOO_LATE': (d) =>
    `这个时段马上就要开始，已经来不及在网上预约了${d?.noticeMinutes ? `（要提前 ${d.noticeMinutes} 分钟预约）` : ''}。请选择晚一点的时段${d?.phone ? `，或打电话 ${d.phone} 问一问` : ''}。`,
  'BOOKING.OUTSIDE_WINDOW': (d) =>
    `这一天现在还不能预约${d?.windowDays ? `（只能预约最近 ${d.windowDays} 天）` : ''}。请选择更近的日期，或过几天再来预约。`,
  'BOOKING.ALREADY_BOOKED': (d) => {
    const held = `您已经约了这项服务${d ? `（${when(d.startAt)}）` : ''}，每人同时只能约 ${d?.max ?? '1'} 个时段。`;
    // 改约 only when that booking can still be moved online; otherwise the phone is the way
    if (d?.canChange === true) return `${held}想换时间，请打开已约的这次，点“改约”。`;
    if (d?.canChange === false) return `${held}已约的这次已经不能在网上取消或改约，如有变化请打电话${callee(d)}。`;
    return `${held}请打开已约的这次查看。`;
  },
  'BOOKING.BLOCKED_NO_SHOW': (d) =>
    `您最近 ${d?.withinDays ?? '30'} 天里有 ${d?.count ?? '3'} 次预约没有到场，${d ? `${when(d.until)}以前` : '这段时间'}不能在网上预约。有急事请直接到服务大厅，或打电话${callee(d)}。`,
  'BOOKING.NOT_FOUND': '没有找到这条预约，可能已经取消。请刷新后查看。',
  'BOOKING.CUTOFF_PASSED': (d) =>
    `已经过了网上取消和改约的截止时间${d ? `（${when(d.until)}）` : ''}。如果去不了或想换时间，请打电话${callee(d)}。`,
  'BOOKING.NOT_ACTIVE': '这条预约已经取消或已经办理，不能再操作。请刷新后查看。',
  'BOOKING.CODE_NOT_FOUND': '没有这个预约码。请核对后重新输入。',
  'BOOKING.ALREADY_CHECKED_IN': (d) => `${d?.name ?? '这位居民'}已经签到过了${d?.at ? `（${when(d.at)}）` : ''}，不用再签。`,
  'BOOKING.NOT_TODAY': (d) => `这条预约是${d ? ` ${when(d.startAt)} ` : '别的日子'}的，今天不能签到。请核对预约日期。`,
  'BOOKING.NOT_STARTED': '预约的时段还没开始，现在不能记为“未到”。时段开始后居民还没来，再记“未到”。',
  'BOOKING.SLOT_HAS_SEATS': '这个时段还有空位，可以直接预约，不用登记候补。',
  'BOOKING.WAITLIST_NOT_FOUND': '没有找到这条候补登记，可能已经取消或已经转成预约。请刷新后查看。',
  'BOOKING.SCHEDULE_STALE': '排班刚被别人修改过。请刷新后再保存一次。',
  'CALENDAR.SCHEDULE_STALE': (d) =>
    `${d ? `${d.year} 年的` : '这一年的'}节假日安排刚被别人修改过。请刷新，看过别人录入的内容后再保存一次。`,
  'SETTINGS.EFFECTIVE_IN_PAST': (d) =>
    `生效日期不能早于今天${d ? `（${d.today}）` : ''}：已经提交的诉求按提交时的规则办理。请选今天或以后的日期。`,
  'CALENDAR.CLOSURE_NOT_FOUND': (d) => `${d ? `${d.date} ` : ''}这天没有停办安排，可能已被别人取消。请刷新后再看。`,
  'VOLUNTEER.ACTIVITY_NOT_FOUND': '没有找到这个志愿活动，可能已被取消。请返回刷新后再看。',
  'VOLUNTEER.ACTIVITY_INVALID': (d) =>
    d?.reason === 'endBeforeStart'
      ? '结束时间要晚于开始时间，请改一改。'
      : d?.reason === 'tooLong'
        ? '一次活动最长 12 小时。更长的活动请分成几天发布。'
        : '开始时间已经过去了，请选一个以后的时间。',
  'VOLUNTEER.NOT_ELIGIBLE': (d) =>
    d?.whoMayJoin === 'partyMembers' ? '这个活动只请本社区的党员报名。' : '这个活动只请本社区的居民报名。请先在“我的”里绑定住址。',
  'VOLUNTEER.ACTIVITY_CLOSED': (d) =>
    d?.status === 'cancelled'
      ? '这个活动已经取消了。'
      : d?.status === 'confirmed'
        ? '这个活动已经结束并登记了积分。'
        : '活动已经开始，报名已截止。',
  'VOLUNTEER.FULL': '人已经报满了。可以点“排队候补”，有人退出时自动补上。',
  'VOLUNTEER.HAS_SEATS': '还有空位，可以直接报名。',
  'VOLUNTEER.NOT_SIGNED_UP': '您还没有报名这个活动（或还在候补）。报名成功后才能签到。',
  'VOLUNTEER.CODE_INVALID': '签到码不对。请扫描组织者手机上正在显示的二维码，或照着输入码下面的字母。',
  'VOLUNTEER.CODE_EXPIRED': '这个签到码已经过期了（每分钟换一次）。请扫描组织者手机上现在显示的码。',
  'VOLUNTEER.ATTENDANCE_CLOSED': (d) =>
    d ? `现在不在签到时间。签到从 ${when(d.opensAt)} 开始，到 ${when(d.closesAt)} 结束。` : '现在不在签到时间。',
  'VOLUNTEER.NOT_CHECKED_IN': '还没有签到，不能签退。请先扫签到码。',
  'VOLUNTEER.ALREADY_CONFIRMED': '这个活动的积分已经登记过了，不能再改签到。需要更正请找社区工作人员。',
  'VOLUNTEER.NOT_ENDED': '活动还没开始，不能登记积分。活动结束后再确认。',
  'VOLUNTEER.ENTRY_NOT_FOUND': '没有找到这条积分记录。请刷新后再看。',
  'VOLUNTEER.NOT_REVERSIBLE': (d) =>
    d?.reason === 'spend'
      ? '兑换记录不能冲销；要退回积分，请取消这次兑换。'
      : d?.reason === 'reversal'
        ? '冲销记录不能再冲销，请另做一条更正。'
        : '这条记录已经冲销过了。',
  'VOLUNTEER.REWARD_NOT_FOUND': '这件奖品已经下架了。请刷新积分超市再看。',
  'VOLUNTEER.OUT_OF_STOCK': '这件奖品刚刚换完了。可以看看别的，或过几天再来。',
  'VOLUNTEER.INSUFFICIENT_POINTS': (d) => (d ? `积分不够：需要 ${d.price} 分，您现在有 ${d.balance} 分。` : '积分不够，换不了这件奖品。'),
  'VOLUNTEER.REDEMPTION_NOT_FOUND': '没有这个兑换码。请核对后重新输入。',
  'VOLUNTEER.REDEMPTION_DONE': (d) =>
    d?.status === 'cancelled' ? '这次兑换已经取消了。' : `这件奖品已经领过了${d?.at ? `（${when(d.at)}）` : ''}。`,
  'VOLUNTEER.PERSON_NOT_FOUND': '没有找到这个人。请先让他在小程序里绑定住址。',
  'LIANBAO.NOT_PARTY_MEMBER': '您还不是联户党员，没有联系的住户。如有疑问请联系社区。',
  'LIANBAO.NOT_YOUR_HOUSEHOLD': '这户不是您联系的住户。',
  'LIANBAO.VISIT_NOT_FOUND': '没有找到这条走访记录。',
  'LIANBAO.NO_NEED': '这次走访没有记下需求，不用转成诉求。',
  'LIANBAO.HOUSEHOLD_ELSEWHERE': '这户已经由别的党员联系。',
  'DEPARTMENT.NOT_FOUND': '没有找到这个部门，可能已经撤销。请刷新部门列表后重新选择。',
  'DEPARTMENT.AREA_INVALID': '服务范围要选在您管辖的街道、社区或小区之内。请重新选择服务范围。',
  'DISPATCH.NOT_FOUND': '没有找到这条派单，可能已经退回或重新派出。请刷新待办后再看。',
  'DISPATCH.NO_DEPARTMENT': '请至少选一个承办部门（主办）。',
  'DISPATCH.TOO_MANY': (d) => `一次最多派给 ${d?.max ?? 6} 个部门（1 个主办加协办）。请减少几个再派单。`,
  'DISPATCH.LEAD_NOT_LISTED': '主办部门要在所选部门之中。请重新勾选主办。',
  'DISPATCH.LEAD_EXISTS': (d) => `这件事已经由${d?.departmentName ?? '别的部门'}主办。新加的部门只能作为协办。`,
  'DISPATCH.OUT_OF_AREA': (d) => `${d?.departmentName ?? '这个部门'}不负责这个小区所在的区域。请选择负责该区域的部门。`,
  'DISPATCH.ALREADY_DISPATCHED': (d) => `已经派给${d?.departmentName ?? '这个部门'}了，不用重复派单。`,
  'DISPATCH.RETURNED_BEFORE': (d) =>
    `${d?.departmentName ?? '这个部门'}已经退过这件事。请改派别的部门；如有争议，请上报区里裁定（区里的派单不能再退）。`,
  'DISPATCH.NOT_DISPATCHABLE': (d) =>
    `这件诉求现在是“${d ? REQUEST_STATUS_LABELS[d.status] : '不能派单的状态'}”，不能派单。${d?.status === 'submitted' ? '请先受理。' : ''}`,
  'DISPATCH.WRONG_STATE': (d) =>
    d?.status === 'returned'
      ? '这条派单已经退回了，不能再操作。'
      : d?.status === 'arrived'
        ? '已经报到过了。报到后不能退单，请继续办理。'
        : '这条派单已经办完了。',
  'DISPATCH.PHOTO_REQUIRED': '报到要拍一张现场照片。请点“拍照”后再报到。',
  'DISPATCH.FINAL': '这是区里裁定后的派单，不能再退。请按要求办理。',
  'DISPATCH.RETURN_TOO_LATE': (d) =>
    `退单时间已过${d ? `（截止 ${when(d.returnBy)}）` : ''}，不能再退。请按时报到办理，有困难请联系派单人。`,
  'DISPATCH.NOT_LEAD': '只有主办部门能办结这件事。协办部门请在“协办意见”里写明您办的部分。',
  'WORKGROUP.NOT_FOUND': '这个社区还没有服务群众工作组。请区里先为社区安排工作组。',
  'WORKGROUP.DUPLICATE_MEMBER': (d) => `成员“${d?.name ?? ''}”填了两次。请删去重复的一行再保存。`,
  'WORKGROUP.COMPOUND_OUTSIDE': (d) => `这个小区不在${d?.communityName ?? '工作组联系的社区'}。工作组只收集本社区的问题，请重新选择小区。`,
  'WORKGROUP.STALE': '工作组刚被别人改过。请返回重新打开，看过最新的成员和时间后再保存。',
  'DELIB.TOPIC_NOT_FOUND': '没有找到这个议题，可能已被撤下。请回到议事厅重新打开。',
  'DELIB.NOT_RESIDENT': '只有绑定了本社区住址的居民才能提议、附议和投票。请先在“我的”里绑定住址，等社区审核通过。',
  'DELIB.CONTENT_REJECTED': (d) =>
    `${d?.field === 'title' ? '标题' : d?.field === 'comment' ? '意见' : d?.field === 'minutes' ? '会议记录' : '内容'}里有不适合公开的文字，请修改后再提交。`,
  'DELIB.ALREADY_SUPPORTED': '您已经附议过这个议题了，每人只能附议一次。',
  'DELIB.NOT_OPEN': '这个议题已经不再征集意见了，可以在议题页查看它的进展。',
  'DELIB.COMMENT_NOT_FOUND': '没有找到这条意见，请刷新后再试。',
  'DELIB.STEP_OUT_OF_ORDER': (d) =>
    d?.expected ? `步骤不能跳过，也不能颠倒：现在应当先完成“${STEP_LABELS[d.expected]}”。` : '这个议题的议事步骤已经全部完成。',
  'DELIB.STEP_ROLE': (d) =>
    `“${d ? STEP_LABELS[d.step] : '这一步'}”要由负责这一步的人员记录（例如党组织书记、两委委员、党员或街道审核人员），您没有这个身份。`,
  'DELIB.TOPIC_CLOSED': '这个议题已经结束（某一步未通过），不能再继续记录。未通过的原因已在议题页公开。',
  'DELIB.STEP_NEEDS_MEETING': (d) => `“${d ? STEP_LABELS[d.step] : '这一步'}”要附上一次已经点名的会议。请先安排会议并点到。`,
  'DELIB.STEP_NEEDS_DECISION': '决议要来自一次达到法定人数的会议表决，或一次已经截止的入户投票。请先完成表决或投票。',
  'DELIB.MEETING_NOT_FOUND': '没有找到这次会议，请刷新后再试。',
  'DELIB.MEETING_TYPE': '这种会议不能用于这一步，或者法律没有规定这种会议的到会人数计算方式。请换一种会议类型。',
  'DELIB.NOT_ON_ROLL': '这个人（或这一户）不在这次会议的应到名单里。',
  'DELIB.NO_QUORUM': (d) =>
    d
      ? `到会人数不足，不能表决：应到 ${d.expected}，实到 ${d.present}，至少要 ${d.needed} 人（${d.source}）。请继续点到，人数够了再表决。`
      : '到会人数不足法定人数，不能表决。请继续点到。',
  'DELIB.TALLY_INVALID': '举手人数加起来不能超过实到人数，请核对后重填。',
  'DELIB.ALREADY_TALLIED': '这次会议已经表决过了，结果不能改。',
  'DELIB.VOTE_NOT_FOUND': '没有找到这次投票，请刷新后再试。',
  'DELIB.VOTE_INVALID': (d) =>
    d?.reason === 'closesBeforeOpens'
      ? '截止时间要晚于开始时间。'
      : d?.reason === 'tooFewOptions'
        ? '至少要有两个选项。'
        : d?.reason === 'closeInPast'
          ? '截止时间已经过了，请改一个以后的时间。'
          : '没有这个选项，请重新选择。',
  'DELIB.VOTE_CLOSED': '投票还没开始或已经截止，不能再投。结果可在议题页查看。',
  'DELIB.NOT_IN_SCOPE': '这次投票只由本小区（社区）已绑定的住户参加，您的住址不在范围内。',
  'DELIB.ALREADY_VOTED': (d) =>
    d?.source === 'paper'
      ? '这一户已经由工作人员登记了纸质选票，每户只算一票。'
      : '这一户已经投过票了，每户只算一票（家里其他人投的也算）。',
  'DELIB.REQUEST_NOT_MAJOR': '只有分流为“大事”的诉求才能转为议题。请先把诉求分流为大事。',
  'DELIB.WRONG_LAW': (d) =>
    d?.kind === 'village'
      ? `本村按《村民委员会组织法》议事，不能开“${d ? MEETING_TYPE_LABELS[d.meetingType] : '这种会议'}”。请改开村民会议或村民代表会议。`
      : `本社区按《城市居民委员会组织法》议事，不能开“${d ? MEETING_TYPE_LABELS[d.meetingType] : '这种会议'}”。请改开居民会议。`,
};

const FALLBACK = '操作没有成功，请稍后再试。如果一直不行，请联系社区工作人员。';

/** The sentence to show for an error from callCloud (or anything else that was thrown). */
export function errorCopy(error: ErrorLike | null | undefined, context: CopyContext = {}): string {
  if (!error) return FALLBACK;
  if (!Object.hasOwn(ERROR_COPY, error.code)) return FALLBACK;
  const code = error.code as CopyCode;
  const copy = ERROR_COPY[code] as Copy<CopyCode>;
  if (typeof copy === 'string') return copy;
  const details = code === 'COMMON.NETWORK' ? null : detailsOf(code, error.details);
  return (copy as (d: unknown, e: ErrorLike, c: CopyContext) => string)(details, error, context);
}

/**
 * Whether doing the same again may well succeed and is safe to suggest: the network failed or the
 * functions had a fault. Not after an answer about the input (fix it first) or a refusal.
 */
export function isRetryable(error: ErrorLike | null | undefined): boolean {
  return !!error && (error.code === 'COMMON.NETWORK' || error.code === 'COMMON.INTERNAL');
}
