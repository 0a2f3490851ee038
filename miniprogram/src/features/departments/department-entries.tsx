import { DEPARTMENT_ROLES, type Grant, type RequestDetail } from '@linli/shared';
import { LinkRow } from '../../components/choice';
import { Section } from '../../components/section';
import { useAsync } from '../../hooks/use-async';
import { goTo } from '../../services/routes';
import { isTeamRole, loadMe, staffGrants } from '../identity/me-store';

const inDepartment = (grants: readonly Grant[]) => grants.filter((g) => (DEPARTMENT_ROLES as readonly string[]).includes(g.role));
const districtOf = (grants: readonly Grant[]) => {
  const g = staffGrants(grants)[0];
  return g ? (g.role === 'admin' ? g.placeId : g.placePath[0]) : undefined;
};

/** 我的: a department's people reach their inbox; the grid its patrol form; staff the dispatch ranking. */
export function DepartmentEntries({ grants }: { grants: readonly Grant[] }) {
  const departments = inDepartment(grants);
  const patrols = grants.some((g) => isTeamRole(g.role)) || staffGrants(grants).length > 0;
  const districtId = districtOf(grants);
  const registers = grants.some((g) => g.role === 'admin' || g.role === 'streetStaff');
  const admin = grants.some((g) => g.role === 'admin');
  // a group member's grant is on `wg-<communityId>`; community staff see their community's group
  const groupOf =
    grants.find((g) => g.role === 'workGroupMember')?.placeId.slice(3) ?? grants.find((g) => g.role === 'communityStaff')?.placeId;
  if (!departments.length && !patrols && !groupOf) return null;
  return (
    <Section id="department-tools" title="网格吹哨、部门报到">
      {departments.length ? (
        <LinkRow
          id="entry-department-inbox"
          title="部门待办"
          sub={`${departments.map((g) => g.placeName).join('、')}：报到、办理、退单`}
          onClick={goTo('department/inbox')}
        />
      ) : null}
      {grants.some((g) => isTeamRole(g.role)) ? (
        <LinkRow id="entry-patrol" title="巡查上报" sub="巡查发现的问题，拍照直接上报" onClick={goTo('department/patrol')} />
      ) : null}
      {registers ? (
        <LinkRow
          id="entry-registry"
          title="登记职能部门"
          sub="城管、派出所、供电等部门及其服务范围、人员"
          onClick={goTo('department/registry')}
        />
      ) : null}
      {admin ? (
        <LinkRow id="entry-groups" title="服务群众工作组" sub="为各社区安排工作组和服务群众工作日" onClick={goTo('department/groups')} />
      ) : groupOf ? (
        <LinkRow
          id="entry-group"
          title="服务群众工作日"
          sub="工作组接访、收集问题、本月情况"
          onClick={goTo('department/group', { communityId: groupOf })}
        />
      ) : null}
      {districtId ? (
        <LinkRow
          id="entry-ranking"
          title="部门办理排名"
          sub="响应率、解决率、满意率，按月排名"
          onClick={goTo('department/ranking', { districtId })}
        />
      ) : null}
    </Section>
  );
}

/** On a request the staff handle: 吹哨派单 while it is accepted or being handled, for community, street and district staff. */
export function DispatchEntry({ r }: { r: Pick<RequestDetail, 'id' | 'status'> }) {
  const me = useAsync(() => loadMe(), []);
  const staff = me.state.data ? staffGrants(me.state.data.grants).length > 0 : false;
  if (!staff || (r.status !== 'accepted' && r.status !== 'handling')) return null;
  return (
    <Section id="dispatch-entry">
      <LinkRow
        id="link-dispatch"
        title="吹哨派单给职能部门"
        sub="选主办、协办部门，限时报到"
        onClick={goTo('department/dispatch', { requestId: r.id })}
      />
    </Section>
  );
}
