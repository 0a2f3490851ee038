import type { Envelope } from '@linli/shared';
import { createLocalPorts, type LocalPorts } from '../dev/local-ports';
import { seedDemo } from '../dev/seed';
import { FUNCTIONS } from '../src/functions/registry';
import { dispatch } from '../src/platform/dispatch';
import { fromPhone } from '../src/platform/origin';

export type Call = (fn: string, action: string, data: unknown, openid: string | null) => Promise<Envelope<any>>;

/** The real dispatch over an in-memory SQLite seeded with the demo street. */
export async function createTestApp(): Promise<{ ports: LocalPorts; call: Call }> {
  const ports = createLocalPorts(':memory:');
  ports.clock.set(new Date('2026-11-20T02:00:00.000Z'));
  await seedDemo(ports.store, ports.clock);
  let n = 0;
  const call: Call = (fn, action, data, openid) =>
    dispatch(
      Object.hasOwn(FUNCTIONS, fn) ? FUNCTIONS[fn] : undefined,
      { action, data },
      fromPhone(openid),
      ports,
      `test-${n++}`,
      // a bug logged here would hide behind COMMON.INTERNAL: tests print it
      { error: (message, meta) => console.error(message, meta) },
      { checkOutputs: true },
    );
  return { ports, call };
}

/** Unwraps an ok envelope or fails the test with the error code. */
export function data<T = any>(envelope: Envelope<T>): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${envelope.error.code} ${JSON.stringify(envelope.error.details)}`);
  return envelope.data;
}

export function code(envelope: Envelope<unknown>): string {
  return envelope.ok ? 'OK' : envelope.error.code;
}

export const PERSON = {
  name: '郑海峰',
  phone: '13912345678',
  dutyHours: '工作日 8:30–17:30',
  services: ['诉求受理'],
  title: '社区工作者',
};

export const WHO = {
  anonymous: null,
  newcomer: 'dev-newcomer',
  resident: 'dev-resident-1',
  pointLeader: 'dev-leader-zhongjie',
  staffInScope: 'dev-staff-zhongfang',
  staffOutOfScope: 'dev-staff-xinguang',
  street: 'dev-street',
  admin: 'dev-admin',
  /** The head of 东塔街道城管执法队 (a functional department: no place of the grid). */
  department: 'dev-dept-chengguan',
  /** A member of 中房社区's 服务群众工作组 once the district has made the group and the member has used their code (joinedGroup). */
  groupMember: 'dev-wg-member',
} as const;
export type Who = keyof typeof WHO;
