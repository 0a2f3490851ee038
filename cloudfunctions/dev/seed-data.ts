import type { ServiceInput, TeamPerson, TeamRole } from '@linli/shared';

/**
 * The demo street: 大东区 东塔街道 with two communities and four compounds, named after
 * the practice in seed 000 (沈阳市大东区 三长五员 工作专班). Everything is deterministic so that
 * tests and screenshots can name people and places.
 */
type DemoCompound = { id: string; name: string; address: string; checkpoints: readonly string[] };
type DemoCommunity = { id: string; name: string; compounds: readonly DemoCompound[] };

export const DEMO: {
  district: { id: string; name: string };
  street: { id: string; name: string };
  communities: readonly DemoCommunity[];
  buildingsPerCompound: number;
  unitsPerBuilding: number;
  floors: number;
  roomsPerFloor: number;
} = {
  district: { id: 'd-dadong', name: '大东区' },
  street: { id: 's-dongta', name: '东塔街道' },
  communities: [
    {
      id: 'c-zhongfang',
      name: '中房社区',
      compounds: [
        { id: 'p-zhongjie', name: '中捷木材小区', address: '东塔街道中捷路 18 号', checkpoints: ['东门', '北门'] },
        { id: 'p-hemu', name: '和睦家园', address: '东塔街道和睦路 6 号', checkpoints: ['南门'] },
      ],
    },
    {
      id: 'c-xinguang',
      name: '新光社区',
      compounds: [
        { id: 'p-xinguang', name: '新光花园', address: '东塔街道新光街 21 号', checkpoints: ['正门'] },
        { id: 'p-dongta', name: '东塔公寓', address: '东塔街道东塔路 99 号', checkpoints: ['东门', '西门'] },
      ],
    },
  ],
  buildingsPerCompound: 3,
  unitsPerBuilding: 2,
  floors: 6,
  roomsPerFloor: 2,
};

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海燕',
  '国庆',
  '桂兰',
  '晓东',
  '红梅',
  '立新',
  '玉珍',
  '卫东',
  '淑芬',
  '振华',
  '春燕',
  '德明',
  '凤英',
  '宏伟',
  '雪梅',
  '永刚',
  '金凤',
  '长青',
  '素琴',
  '文博',
];

/** A deterministic Chinese name for the n-th demo person. */
export function demoName(n: number): string {
  return `${SURNAMES[(n * 7) % SURNAMES.length]}${GIVEN[(n * 5) % GIVEN.length]}`;
}

/** A deterministic, valid and unique mobile number for the n-th demo person. */
export function demoPhone(n: number): string {
  return `139${String(24000000 + n * 7919)
    .padStart(8, '0')
    .slice(-8)}`;
}

type Post = { role: TeamRole; checkpoint?: string; person: TeamPerson };

const SERVICES_BY_ROLE: Record<TeamRole, string[]> = {
  pointLeader: ['小区大事小情第一责任人', '诉求受理与转办', '政策咨询', '矛盾纠纷调解'],
  emergencyLeader: ['突发事件应急处置', '协助点长开展防控工作'],
  honoraryLeader: ['楼栋信息上传下达', '邻里互助', '志愿服务'],
  propertyManager: ['水电气暖报修', '公共设施维护', '环境卫生'],
  checkpointGuard: ['出入登记', '车辆管理', '外来人员询问'],
  medicalPatroller: ['健康咨询', '慢病随访', '疫情防控指导'],
  policePatroller: ['治安巡查', '安全隐患排查', '报警求助'],
  streetOfficer: ['街道政策解读', '跨部门协调', '督办事项跟踪'],
};

const DUTY: Record<TeamRole, string> = {
  pointLeader: '工作日 8:30–17:30，急事 24 小时',
  emergencyLeader: '工作日 9:00–17:00',
  honoraryLeader: '每天 8:00–20:00',
  propertyManager: '每天 8:00–18:00，报修 24 小时',
  checkpointGuard: '三班倒，24 小时值守',
  medicalPatroller: '工作日 8:00–16:30',
  policePatroller: '每天巡查两次，报警请拨 110',
  streetOfficer: '工作日 8:30–17:00',
};

/** A complete 三长五员 team in the seeds' numbers; `base` keeps phones unique across compounds. */
export function demoTeam(base: number, checkpoints: readonly string[], pointLeader?: { name: string; phone: string }): Post[] {
  let n = base;
  const person = (role: TeamRole, title?: string): TeamPerson => {
    n += 1;
    return {
      name: demoName(n),
      phone: demoPhone(n),
      dutyHours: DUTY[role],
      services: SERVICES_BY_ROLE[role],
      ...(title ? { title } : {}),
    };
  };
  const posts: Post[] = [
    { role: 'pointLeader', person: { ...person('pointLeader', '社区工作者'), ...(pointLeader ?? {}) } },
    { role: 'emergencyLeader', person: person('emergencyLeader', '市级下沉干部') },
    { role: 'emergencyLeader', person: person('emergencyLeader', '区级下沉干部') },
    { role: 'honoraryLeader', person: person('honoraryLeader', '党支部书记') },
    { role: 'honoraryLeader', person: person('honoraryLeader', '党员中心户') },
    { role: 'honoraryLeader', person: person('honoraryLeader', '1号楼楼栋长') },
    { role: 'propertyManager', person: person('propertyManager', '物业项目负责人') },
  ];
  for (const checkpoint of checkpoints)
    for (let i = 0; i < 3; i++) posts.push({ role: 'checkpointGuard', checkpoint, person: person('checkpointGuard', '物业值守') });
  posts.push(
    { role: 'medicalPatroller', person: person('medicalPatroller', '社区卫生服务中心') },
    { role: 'policePatroller', person: person('policePatroller', '东塔派出所民警') },
    { role: 'streetOfficer', person: person('streetOfficer', '东塔街道干部') },
  );
  return posts;
}

export function demoServices(communityName: string, phone: string): ServiceInput[] {
  const hall = `${communityName}党群服务中心一楼便民服务大厅`;
  return [
    {
      name: '复印打印',
      category: 'convenience',
      description: '免费为居民复印、打印、扫描各类材料，每人每次 20 页以内。',
      materials: ['需要复印的原件'],
      location: hall,
      hours: '工作日 8:30–11:30，13:30–17:00',
      contact: phone,
      bookable: false,
    },
    {
      name: '证件照拍摄',
      category: 'convenience',
      description: '免费拍摄一寸、二寸证件照，当场打印。',
      materials: [],
      location: hall,
      hours: '工作日 9:00–11:00',
      contact: phone,
      bookable: true,
    },
    {
      name: '社保医保代办',
      category: 'proxy',
      description: '代办社保、医保参保登记与缴费，行动不便的老人可由网格员上门代办。',
      materials: ['身份证原件', '户口本', '银行卡'],
      location: hall,
      hours: '工作日 8:30–17:00',
      contact: phone,
      bookable: true,
    },
    {
      name: '人民调解',
      category: 'mediation',
      description: '邻里纠纷、家庭矛盾、物业纠纷调解，“小事不出组、大事不出村、矛盾不上交”。',
      materials: ['相关证据材料（如有）'],
      location: `${communityName}调解室`,
      hours: '工作日 9:00–16:00',
      contact: phone,
      bookable: true,
    },
    {
      name: '法律咨询',
      category: 'legal',
      description: '社区法律顾问每周四坐班，免费解答婚姻家庭、劳动、房产等法律问题。',
      materials: ['与问题相关的合同、票据等'],
      location: `${communityName}党群服务中心二楼`,
      hours: '每周四 9:00–11:30',
      contact: phone,
      bookable: true,
    },
    {
      name: '居住证明开具',
      category: 'certificate',
      description: '为辖区居民开具居住证明，材料齐全当场办结。',
      materials: ['身份证原件', '房产证或租赁合同'],
      location: hall,
      hours: '工作日 8:30–17:00',
      contact: phone,
      bookable: false,
    },
    {
      name: '服务群众工作日',
      category: 'serviceDay',
      description: '每周三社区“两委”班子全员坐班，面对面听取居民意见建议。',
      materials: [],
      location: hall,
      hours: '每周三 9:00–17:00',
      contact: phone,
      bookable: true,
    },
  ];
}
