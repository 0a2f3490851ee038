/**
 * The 用户隐私保护指引 a deployer files in the WeChat console, generated from the code so that it
 * cannot drift: every privacy-gated WeChat API the app calls, and every field of personal
 * information a contract accepts. `npm test` fails when the code and docs/privacy-guide.md part
 * ways; `npm run privacy-guide` writes it again.
 *
 * Two tables are kept by hand here, and the generator checks them against the code both ways:
 * an API or field the code uses but the tables do not declare fails, and so does a declared one
 * the code no longer uses.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contracts } from '../../shared/src/contracts/index';
import { REPO_ROOT } from './project';

/**
 * WeChat's privacy-gated APIs (the interfaces its guide maps to information types; calling one the
 * guide does not declare fails with errno 112). From WeChat's table 小程序隐私保护指引 → 开发者处理的信息.
 */
export const WECHAT_GATED_APIS = [
  'getUserInfo',
  'getUserProfile',
  'authorize',
  'getLocation',
  'getFuzzyLocation',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'choosePoi',
  'chooseLocation',
  'chooseAddress',
  'chooseInvoiceTitle',
  'chooseInvoice',
  'getWeRunData',
  'chooseLicensePlate',
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'startRecord',
  'joinVoIPChat',
  'createVKSession',
  'openBluetoothAdapter',
  'createBLEPeripheralServer',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'addPhoneContact',
  'addPhoneRepeatCalendar',
  'addPhoneCalendar',
  'getClipboardData',
  'setClipboardData',
] as const;

/** What Linli does with each gated API it calls: the guide's information type and our purpose. */
export const GATED_USES: Record<string, { item: string; privacyKey: string; purpose: string }> = {
  chooseMedia: {
    item: '收集你选中的照片或视频信息',
    privacyKey: 'Album',
    purpose: '在反映问题、报告办理进展和发布通知时附上你选的照片',
  },
  chooseMessageFile: {
    item: '收集你选中的文件',
    privacyKey: 'MessageFile',
    purpose: '发布通知时从聊天里选一个 PDF 文件附上；社区工作人员从聊天里选住户台账（Excel）导入',
  },
  saveImageToPhotosAlbum: {
    item: '使用你的相册（仅写入）权限',
    privacyKey: 'AlbumWriteOnly',
    purpose: '社区工作人员把生成的服务联系卡海报保存到手机相册，拿去打印张贴',
  },
  setClipboardData: { item: '使用你的剪切板', privacyKey: 'Clipboard', purpose: '复制邀请码、敲门清单，方便你粘贴到微信群' },
};

/** Personal information Linli itself collects (typed in, not through a WeChat API), by the contract fields that carry it. */
export const PERSONAL_DATA: { item: string; fields: string[]; purpose: string; who: string }[] = [
  {
    item: '社区住户台账里的居民信息（姓名、手机号、门牌、与户主关系、党员等身份），由社区工作人员从 Excel 导入',
    fields: [
      'places.ledgerDryRun.fileId',
      'places.searchResidents.q',
      'requests.submit.onBehalfOf',
      'booking.book.onBehalfOf',
      'booking.joinWaitlist.onBehalfOf',
    ],
    purpose: '居民绑定住址时核对身份（姓名和手机号与台账一致即直接通过）；工作人员替没有智能手机的居民反映问题、预约服务（代办）',
    who: '本社区的社区工作人员和本小区的三长五员；搜索结果只显示手机号后四位',
  },
  {
    item: '姓名、手机号、住址（小区、楼栋、单元、门牌）',
    fields: [
      'identity.requestBinding.name',
      'identity.requestBinding.phone',
      'identity.requestBinding.householdId',
      'identity.redeemInvite.name',
    ],
    purpose: '核对你是这户的住户、确认你担任的角色，社区工作人员能联系到你',
    who: '本社区的社区工作人员；不公开',
  },
  {
    item: '预约人的姓名、手机号、备注',
    fields: [
      'booking.book.booker.name',
      'booking.book.booker.phone',
      'booking.book.booker.note',
      'booking.joinWaitlist.booker.name',
      'booking.joinWaitlist.booker.phone',
      'booking.joinWaitlist.booker.note',
      'booking.book.note',
      'booking.joinWaitlist.note',
    ],
    purpose: '服务大厅安排你预约的服务、需要时联系你',
    who: '服务大厅的工作人员',
  },
  {
    item: '反映的问题：描述、位置、照片、评价',
    fields: [
      'requests.submit.description',
      'requests.submit.location',
      'requests.submit.location.text',
      'requests.submit.photos',
      'requests.rate.comment',
    ],
    purpose: '办理你反映的问题并告诉你进展；照片先经过微信内容安全检查',
    who: '小区的三长五员和社区、街道工作人员；附议的邻居只看到问题本身，看不到你的姓名、门牌和电话',
  },
  {
    item: '三长五员的姓名和电话',
    fields: [
      'team.addMember.person.name',
      'team.addMember.person.phone',
      'team.replaceMember.person.name',
      'team.replaceMember.person.phone',
    ],
    purpose: '印在服务联系卡上，让居民找得到、叫得应（由社区工作人员录入并公开，录入前请取得本人同意）',
    who: '小区的所有居民（公开）',
  },
  {
    item: '办理人员填写的进展说明和照片',
    fields: ['requests.progress.text', 'requests.progress.photos', 'requests.resolve.photos'],
    purpose: '让反映问题的居民看到办理过程',
    who: '反映问题的居民和管理这个问题的工作人员',
  },
  {
    item: '网格巡查上报的问题：描述、位置、照片',
    fields: ['departments.patrol.description', 'departments.patrol.photos'],
    purpose: '网格员、三长五员把巡查发现的问题直接报给社区和职能部门办理；照片先经过微信内容安全检查',
    who: '小区的三长五员和社区、街道工作人员，以及接单的职能部门',
  },
  {
    item: '职能部门办理时填写的派单说明、报到照片、进展和结果',
    fields: [
      'departments.dispatch.note',
      'departments.arrive.photos',
      'departments.progress.text',
      'departments.progress.photos',
      'departments.contribute.text',
      'departments.resolve.photos',
    ],
    purpose: '让反映问题的居民和派单的社区、街道看到每个部门的办理过程',
    who: '反映问题的居民、派单的工作人员和参与办理的职能部门',
  },
  {
    item: '职能部门的名称和对外电话',
    fields: ['departments.register.name', 'departments.register.phone', 'departments.update.name', 'departments.update.phone'],
    purpose: '让派单的社区、街道和居民找得到办理的部门（部门的工作电话，不是个人手机）',
    who: '本区的工作人员和被派单问题的居民',
  },
  {
    item: '服务群众工作组成员的姓名、职务和单位，以及工作组名称',
    fields: ['workgroups.assign.group.name', 'workgroups.assign.group.members[].name'],
    purpose: '区里为社区安排服务群众工作组；服务群众工作日当天在联系卡上告诉居民谁来接访',
    who: '本社区的居民（仅在服务群众工作日显示）和本区工作人员',
  },
  {
    item: '服务群众工作组收集的问题：描述、位置、照片',
    fields: ['workgroups.collect.description', 'workgroups.collect.photos'],
    purpose: '工作组成员把接访和走访中群众反映的问题记入诉求办理，由社区、街道分流派单；照片先经过微信内容安全检查',
    who: '记录的工作组成员、本社区和街道的工作人员，以及接单的职能部门',
  },
  {
    item: '十户联保走访记录：走访的住户、聊了什么、发现的需求',
    fields: ['volunteer.logVisit.householdId', 'volunteer.logVisit.topics', 'volunteer.logVisit.need', 'volunteer.visits.householdId'],
    purpose: '联户党员记下走访情况，把发现的需求转成诉求代为反映，并按时回访',
    who: '联系这户的联户党员和本社区的社区工作人员',
  },
  {
    item: '党员、志愿服务队长的姓名，党员积分的说明',
    fields: ['volunteer.addPartyMember.name', 'volunteer.saveSettings.leads[].name', 'volunteer.award.note'],
    purpose: '社区登记十户联保的联户党员和志愿服务队长，党支部按月记党员积分',
    who: '本社区的社区工作人员和党支部；联户党员的姓名和电话给他联系的住户看',
  },
  {
    item: '议事厅的议题、照片和意见建议',
    fields: ['deliberation.propose.body', 'deliberation.propose.photos', 'deliberation.comment.text'],
    purpose: '在议事厅公开你提出的议题和意见，供邻居附议、讨论，由社区按四议一审两公开议决；文字和照片先经过微信内容安全检查',
    who: '所有人（议事厅是公开的），署名为你的姓名',
  },
  {
    item: '纸质选票登记的住户和投票人姓名',
    fields: ['deliberation.paperBallot.householdId', 'deliberation.paperBallot.voterName'],
    purpose: '为没有手机的住户登记纸质选票，保证每户只算一票',
    who: '本社区的工作人员和两委成员；不记名投票时其他人看不到每户的选择',
  },
];

/** Contract fields whose names look personal but that carry none (what an office publishes about itself). */
export const NOT_PERSONAL: Record<string, string> = {
  'catalogue.upsert.service.name': '服务名称',
  'catalogue.upsert.service.description': '服务说明',
  'catalogue.upsert.service.location': '办理地点',
  'catalogue.upsert.service.contact': '服务大厅的电话',
  'booking.saveSchedule.settings.room': '服务大厅的房间',
  'notices.publish.body': '通知正文（社区发布的内容）',
  'notices.publish.attachments[].name': '附件名',
  'volunteer.post.activity.description': '志愿活动说明（社区发布的内容）',
  'volunteer.post.activity.location': '志愿活动地点',
  'volunteer.saveSettings.partyItems[].name': '党员积分项目名称',
  'volunteer.saveReward.reward.name': '积分超市奖品名称',
  'volunteer.saveReward.reward.description': '奖品说明',
  'deliberation.open.body': '社区提出的议题说明（社区发布的内容）',
  'deliberation.recordStep.photos': '实施现场照片（随阳光三务公开的内容）',
};

/** Field names that may carry personal information, wherever they appear in a contract's input. */
const PERSONAL_NAMES = /\.(name|phone|householdId|address|idNumber|description|location|text|comment|note|photos|body|contact|room)$/;

type Schema = { _zod: { def: Record<string, unknown> & { type: string } } };

/** Every field path of a contract input (`booking.book.booker.phone`), nested objects and arrays included. */
function fieldPaths(schema: Schema, path: string, out: Set<string>): void {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      for (const [key, inner] of Object.entries(def.shape as Record<string, Schema>)) {
        out.add(`${path}.${key}`);
        fieldPaths(inner, `${path}.${key}`, out);
      }
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      fieldPaths(def.innerType as Schema, path, out);
      break;
    case 'array':
      fieldPaths(def.element as Schema, `${path}[]`, out);
      break;
    case 'pipe':
      fieldPaths(def.in as Schema, path, out);
      break;
    case 'union':
      for (const option of def.options as Schema[]) fieldPaths(option, path, out);
      break;
    default:
  }
}

export function contractFields(): Set<string> {
  const out = new Set<string>();
  for (const [fn, contract] of Object.entries(contracts))
    for (const [action, spec] of Object.entries(contract.actions as Record<string, { input: unknown }>))
      fieldPaths(spec.input as Schema, `${fn}.${action}`, out);
  return out;
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** The gated WeChat APIs the app calls, with the files that call each. */
export function gatedCalls(srcDir = join(REPO_ROOT, 'miniprogram', 'src')): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const api of WECHAT_GATED_APIS)
      if (new RegExp(`\\bTaro\\.${api}\\(`).test(text)) found.set(api, [...(found.get(api) ?? []), relative(REPO_ROOT, file)]);
  }
  return found;
}

/** What the tables and the code disagree on; empty when the guide is true. */
export function driftProblems(calls = gatedCalls(), fields = contractFields()): string[] {
  const problems: string[] = [];
  for (const api of calls.keys())
    if (!GATED_USES[api]) problems.push(`Taro.${api} is called (${calls.get(api)!.join(', ')}) but GATED_USES does not declare it`);
  for (const api of Object.keys(GATED_USES))
    if (!calls.has(api)) problems.push(`GATED_USES declares ${api}, which the app no longer calls`);
  const declared = new Set(PERSONAL_DATA.flatMap((d) => d.fields));
  for (const field of fields)
    if (PERSONAL_NAMES.test(field) && !declared.has(field) && !NOT_PERSONAL[field])
      problems.push(`${field} may carry personal information: declare it in PERSONAL_DATA (or NOT_PERSONAL, with why)`);
  for (const field of [...declared, ...Object.keys(NOT_PERSONAL)])
    if (!fields.has(field)) problems.push(`${field} is declared but no contract has it`);
  return problems;
}

export function renderGuide(calls = gatedCalls()): string {
  const lines = [
    '# 用户隐私保护指引：填写内容',
    '',
    '<!-- Generated by `npm run privacy-guide` from the code (scripts/wechat/privacy-guide.ts); `npm test` fails when it is out of date. Do not edit by hand. -->',
    '',
    '在小程序后台「设置 → 服务内容声明 → 用户隐私保护指引」逐项填写。微信会按代码里调用的接口要求必填项；下表与代码一致。',
    '',
    '## 通过微信接口处理的信息',
    '',
    '| 指引里的信息类型 | privacy_key | 用途（“为了……”） | 代码里调用的位置 |',
    '|---|---|---|---|',
    ...[...calls.keys()].sort().map((api) => {
      const use = GATED_USES[api]!;
      return `| ${use.item} | ${use.privacyKey} | ${use.purpose} | \`Taro.${api}\`：${calls
        .get(api)!
        .map((f) => `\`${f}\``)
        .join('、')} |`;
    }),
    '',
    '## 邻里自己收集的个人信息（在“其他信息”里补充）',
    '',
    '| 信息 | 用途 | 谁能看到 | 接收它的接口字段 |',
    '|---|---|---|---|',
    ...PERSONAL_DATA.map((d) => `| ${d.item} | ${d.purpose} | ${d.who} | ${d.fields.map((f) => `\`${f}\``).join('、')} |`),
    '',
    '## 其他要填写的内容',
    '',
    '- 收集方：街道办事处（或社区居民委员会）的名称和联系电话、邮箱。',
    '- 存储期限：按街道的台账管理规定填写（例如诉求台账保存 3 年）；邻里不会自动删除记录，到期由工作人员清理。',
    '- 通知方式：信息收集有变化时，以小程序内公告（通知栏目）告知。',
    '- 照片和文件存放在本小程序的云开发存储中，只有拿到文件 ID 的人能读取；文件 ID 只发给有权看到它的人（见 docs/deploy.md「存储权限」）。',
    '',
  ];
  return lines.join('\n');
}

export const GUIDE_FILE = join(REPO_ROOT, 'docs', 'privacy-guide.md');

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const problems = driftProblems();
  if (problems.length) {
    console.error(['The privacy tables and the code disagree:', ...problems.map((p) => `  - ${p}`)].join('\n'));
    process.exit(1);
  }
  writeFileSync(GUIDE_FILE, renderGuide());
  console.log(`wrote ${relative(REPO_ROOT, GUIDE_FILE)}`);
}
