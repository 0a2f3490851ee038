import { ROLE_LABELS, type ErrorCode, type Role } from '@linli/shared';

/** The functions' codes plus the one the client raises itself when the network fails. */
export type CopyCode = ErrorCode | 'COMMON.NETWORK';

export interface ErrorLike {
  code: string;
  details?: unknown;
  requestId?: string | undefined;
}

type Details = Record<string, unknown>;
type Copy = string | ((details: Details, error: ErrorLike) => string);

const text = (details: Details, key: string): string | undefined => {
  const value = details[key];
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
};

const roleLabel = (details: Details): string | undefined => {
  const label = text(details, 'label');
  if (label) return label;
  const role = text(details, 'role');
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : undefined;
};

/**
 * Chinese copy for every error code, written for residents: what happened and what to do
 * next. Every code of ERROR_CODES must be here (the test beside this file checks).
 */
export const ERROR_COPY: Record<CopyCode, Copy> = {
  'COMMON.NETWORK': '网络连接不上。请检查手机网络（Wi-Fi 或移动数据）后，点“重试”。',
  'COMMON.INVALID_INPUT': (d) => {
    const issues = Array.isArray(d.issues) ? (d.issues as { message?: unknown }[]) : [];
    const first = issues[0]?.message;
    return typeof first === 'string' && first ? first : '填写的内容有误，请检查后再提交。';
  },
  'COMMON.UNKNOWN_FUNCTION': '小程序版本太旧了。请关闭小程序后重新打开，再试一次。',
  'COMMON.UNKNOWN_ACTION': '小程序版本太旧了。请关闭小程序后重新打开，再试一次。',
  'COMMON.UNAUTHENTICATED': '没有识别到您的微信身份。请关闭小程序后重新打开，再试一次。',
  'COMMON.FORBIDDEN': '您没有这项操作的权限。如需开通，请联系社区工作人员。',
  'COMMON.NOT_FOUND': '没有找到要找的内容，可能已被删除。请返回后刷新再看。',
  'COMMON.CONFLICT': '刚才有别人同时在修改。请刷新后再试一次。',
  'COMMON.INTERNAL': (_d, e) =>
    `系统出了点问题，请稍后再试。如果一直不行，请联系社区工作人员${e.requestId ? `（问题编号 ${e.requestId}）` : ''}。`,
  'PLACE.NOT_FOUND': '没有找到这个地方，可能已经调整。请返回重新选择。',
  'PLACE.NOT_A_HOUSEHOLD': '请一直选到您家的门牌号（户），再提交。',
  'PLACE.NOT_A_COMPOUND': '选中的不是小区。请重新选择一个小区。',
  'PLACE.NOT_A_COMMUNITY': '选中的不是社区。请重新选择一个社区。',
  'IDENTITY.BINDING_PENDING': (d) =>
    `您已申请绑定${text(d, 'householdName') ? `“${text(d, 'householdName')}”` : '一处住址'}，社区正在审核。审核完成前不能再提交新的申请，请耐心等待或联系社区工作人员。`,
  'IDENTITY.ALREADY_BOUND': (d) =>
    `您已经绑定了${text(d, 'householdName') ? `“${text(d, 'householdName')}”` : '住址'}，不用再申请。如果搬了家，请联系社区工作人员更改。`,
  'IDENTITY.BINDING_NOT_FOUND': '没有找到这条绑定申请，可能已被处理。请刷新列表。',
  'IDENTITY.BINDING_ALREADY_REVIEWED': '这条申请已经有人审核过了。请刷新列表查看结果。',
  'IDENTITY.INVITE_NOT_FOUND': '没有这个邀请码。请核对后重新输入（字母不分大小写）。',
  'IDENTITY.INVITE_USED': '这个邀请码已经被用过了。请向社区工作人员要一个新的邀请码。',
  'IDENTITY.INVITE_EXPIRED': '这个邀请码已经过期。请向社区工作人员要一个新的邀请码。',
  'IDENTITY.CANNOT_GRANT': (d) =>
    `您不能为这个地方邀请${roleLabel(d) ? `“${roleLabel(d)}”` : '这个身份'}。请换一个身份或地点，或请上级工作人员来邀请。`,
  'TEAM.ROLE_FULL': (d) =>
    `${roleLabel(d) ?? '这个岗位'}最多 ${text(d, 'max') ?? '规定'} 名，已经满了。请先“更换”或“移除”现有人员。`,
  'TEAM.CHECKPOINT_FULL': (d) =>
    `${text(d, 'checkpoint') ?? '这个卡口'}的卡口值守员最多 ${text(d, 'max') ?? '5'} 名，已经满了。请先“更换”或“移除”一位。`,
  'TEAM.UNKNOWN_CHECKPOINT': '这个小区没有这个卡口。请从列表中选择卡口。',
  'TEAM.CHECKPOINT_REQUIRED': '请选择这位卡口值守员负责哪个卡口。',
  'TEAM.MEMBER_NOT_FOUND': '这位人员已经不在名单上，可能刚被别人修改。请刷新后再试。',
  'TEAM.POINT_LEADER_ELSEWHERE': (d) =>
    `${text(d, 'name') ?? '这位人员'}已经是${text(d, 'compoundName') ? `“${text(d, 'compoundName')}”` : '其他小区'}的小区点长，一人不能同时担任两个小区的点长。请换一位人员，或先在那个小区把他（她）更换下来。`,
  'TEAM.DUPLICATE_PERSON': (d) =>
    `这个电话号码已经在${roleLabel(d) ?? '这个岗位'}的名单里了，请核对姓名和电话。`,
  'TEAM.STALE': '名单刚被别人修改过。请刷新后再操作一次。',
  'CATALOGUE.SERVICE_NOT_FOUND': '这项服务已经不存在，可能刚被删除。请刷新列表。',
};

const FALLBACK = '操作没有成功，请稍后再试。如果一直不行，请联系社区工作人员。';

/** The sentence to show for an error from callCloud (or anything else that was thrown). */
export function errorCopy(error: ErrorLike | null | undefined): string {
  if (!error) return FALLBACK;
  const copy = (ERROR_COPY as Record<string, Copy | undefined>)[error.code];
  if (!copy) return FALLBACK;
  if (typeof copy === 'string') return copy;
  const details = error.details !== null && typeof error.details === 'object' ? (error.details as Details) : {};
  return copy(details, error);
}
