import { ROLE_LABELS, type Grant } from '@linli/shared';
import { LinkRow } from '../../components/choice';
import { Section } from '../../components/section';
import { showCompoundOnCard } from '../../services/app-state';
import { isTeamRole, staffGrants } from './me-store';
import { goTo } from '../../services/routes';
import { DepartmentEntries } from '../departments/department-entries';

/** Ways into the staff pages (a subpackage), shown only to someone with a staff grant. */
export function StaffEntries({ grants }: { grants: readonly Grant[] }) {
  const staff = staffGrants(grants);
  const teamPosts = grants.filter((g) => isTeamRole(g.role));
  return (
    <>
      {staff.length > 0 ? (
        <Section id="staff-tools" title="工作入口" extra={staff.map((g) => ROLE_LABELS[g.role]).join('、')}>
          <LinkRow id="entry-staff-team" title="维护三长五员" sub="更换、添加、移除联系卡上的人员" onClick={goTo('staff/team')} />
          <LinkRow id="entry-staff-bindings" title="审核居民绑定" sub="居民绑定住址的申请" onClick={goTo('staff/bindings')} />
          <LinkRow id="entry-staff-invites" title="生成邀请码" sub="邀请三长五员或工作人员加入" onClick={goTo('staff/invites')} />
          <LinkRow
            id="entry-proxy-report"
            title="代居民反映"
            sub="替没有智能手机的居民反映问题、预约服务"
            onClick={goTo('request/proxy')}
          />
          <LinkRow id="entry-staff-ledger" title="导入住户台账" sub="从 Excel 导入楼栋、住户和居民" onClick={goTo('staff/ledger')} />
          <LinkRow id="entry-staff-roles" title="人员与身份" sub="谁担任什么身份、撤销身份、邀请码记录" onClick={goTo('staff/roles')} />
          <LinkRow id="entry-staff-services" title="维护便民服务" sub="社区便民服务目录" onClick={goTo('staff/services')} />
          <LinkRow id="entry-staff-booking" title="预约与签到" sub="今天的预约名单、扫码签到、排班" onClick={goTo('booking-staff/today')} />
          {staff.some((g) => g.role === 'admin' || g.role === 'streetStaff') ? (
            <LinkRow
              id="entry-calendar"
              title="节假日安排"
              sub="录入国务院放假通知的调休，期限和预约随之调整"
              onClick={goTo('calendar-admin/schedule')}
            />
          ) : null}
        </Section>
      ) : null}
      {teamPosts.length > 0 ? (
        <Section id="team-posts" title="我负责的小区">
          {staff.length === 0 ? (
            <LinkRow
              id="entry-proxy-report"
              title="代居民反映"
              sub="替没有智能手机的居民反映问题、预约服务"
              onClick={goTo('request/proxy')}
            />
          ) : null}
          {teamPosts.map((g) => (
            <LinkRow
              key={`${g.role}-${g.placeId}`}
              className="team-post"
              title={g.placeName}
              sub={`${ROLE_LABELS[g.role]} · 查看联系卡`}
              onClick={() => showCompoundOnCard(g.placeId)}
            />
          ))}
        </Section>
      ) : null}
      <DepartmentEntries grants={grants} />
    </>
  );
}
